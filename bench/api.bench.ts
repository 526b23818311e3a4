/**
 * API throughput with autocannon on loopback against the real emulator process. Budgets:
 * GET /v1/projetos/{id} with 10 connections ≥ 5,000 req/s and p99 ≤ 20 ms, and within 2× of a
 * bare hono server answering the same body and ETag from memory, measured in the same run;
 * POST /v1/blueprints/validar with a 100-resource blueprint ≥ 1,000 req/s.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import autocannon from "autocannon";
import { startEmulator } from "../emulator/testing/process";
import { GLOBAL_SAAS } from "../src/blueprint";
import { createProject } from "./project";
import { syntheticBlueprint } from "./syntheticBlueprint";
import type { BenchRow, BenchSuite } from "./types";

const DURATION_S = 10;
const AUTH = { Authorization: "Bearer dev", "Content-Type": "application/json" };

/** The bare baseline in its own process, like the emulator, so both get one core each. */
async function startBareHono(
  body: string,
  etag: string,
): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "bareHono.ts")],
    {
      env: { ...process.env, BARE_BODY: body, BARE_ETAG: etag },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`bare hono exited with ${code}`)));
  });
  return { url, stop: () => child.kill() };
}

function load(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export default async function run(): Promise<BenchSuite> {
  const emu = await startEmulator({ clock: 60 });
  try {
    const id = await createProject(emu.url, GLOBAL_SAAS);
    const sample = await fetch(`${emu.url}/v1/projetos/${id}`, { headers: AUTH });
    const bare = await startBareHono(await sample.text(), sample.headers.get("ETag") ?? "");
    const validar = JSON.stringify(syntheticBlueprint(100));
    const cases = [
      {
        endpoint: "GET /v1/projetos/{id}",
        opts: { url: `${emu.url}/v1/projetos/${id}`, headers: AUTH },
        min_rps: 5000,
        max_p99_ms: 20,
      },
      {
        endpoint: "POST /v1/blueprints/validar (100 resources)",
        opts: {
          url: `${emu.url}/v1/blueprints/validar`,
          method: "POST" as const,
          headers: AUTH,
          body: validar,
        },
        min_rps: 1000,
        max_p99_ms: undefined,
      },
    ];
    const rows: BenchRow[] = [];
    // Side by side: the emulator's GET against bare hono serving the same bytes, three rounds
    // alternating (the figures are noisy on 2 cores), the best of each compared.
    const get = cases[0];
    const best = { emulator: 0, bare: 0 };
    for (let round = 0; round < 3; round++) {
      for (const [who, url] of [
        ["emulator", get.opts.url],
        ["bare", `${bare.url}/v1/projetos/${id}`],
      ] as const) {
        await load({ url, headers: AUTH, connections: 10, duration: 1 });
        const r = await load({ url, headers: AUTH, connections: 10, duration: 5 });
        best[who] = Math.max(best[who], r.requests.average);
      }
    }
    bare.stop();
    const ratio = best.bare / best.emulator;
    rows.push({
      endpoint: "GET /v1/projetos/{id} vs bare hono (best of 3 × 5 s)",
      connections: 10,
      duration_s: 15,
      req_per_s: Math.round(best.emulator),
      baseline_req_per_s: Math.round(best.bare),
      ratio: Number(ratio.toFixed(2)),
      budget: "≤ 2× bare",
      within_budget: ratio <= 2,
    });
    for (const c of cases) {
      // A short warm-up lets the JIT and SQLite's page cache settle before measuring.
      await load({ ...c.opts, connections: 10, duration: 2 });
      const r = await load({ ...c.opts, connections: 10, duration: DURATION_S });
      const rps = r.requests.average;
      const p99 = r.latency.p99;
      rows.push({
        endpoint: c.endpoint,
        connections: 10,
        duration_s: DURATION_S,
        req_per_s: Math.round(rps),
        p50_ms: r.latency.p50,
        p99_ms: p99,
        errors: r.errors + r.non2xx,
        budget: `≥ ${c.min_rps} req/s${c.max_p99_ms ? `, p99 ≤ ${c.max_p99_ms} ms` : ""}`,
        within_budget:
          rps >= c.min_rps &&
          (c.max_p99_ms === undefined || p99 <= c.max_p99_ms) &&
          r.errors + r.non2xx === 0,
      });
    }
    return {
      name: "api",
      description:
        "Emulator throughput with autocannon on loopback (10 connections), real process, SQLite in WAL mode.",
      rows,
    };
  } finally {
    await emu.stop();
  }
}
