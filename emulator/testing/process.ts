/**
 * Starts the real emulator as a child process (node --import tsx emulator/main.ts) on an ephemeral port,
 * for API tests and benchmarks that must exercise what users run, over real HTTP.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface RunningEmulator {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the process has printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, or SIGKILL for crash tests; resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  clock?: number;
  port?: number;
  env?: Record<string, string>;
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), "tesserra-api-"));
}

export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const dataDir = options.dataDir ?? freshDataDir();
  const child = spawn(
    process.execPath,
    // tsx as a loader inside one node process (not the tsx CLI, which runs the server in a
    // child): a SIGKILL must hit the server itself for crash tests to mean anything.
    ["--import", "tsx", join(root, "emulator", "main.ts")],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(options.port ?? 0),
        TESSERRA_DATA_DIR: dataDir,
        TESSERRA_CLOCK: String(options.clock ?? 60),
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`emulator did not start in 30 s:\n${output}`)),
      30_000,
    );
    const onData = () => {
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code} before listening:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    dataDir,
    child,
    output: () => output,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
