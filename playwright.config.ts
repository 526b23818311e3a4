import { mkdtempSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./e2e/chromium";

/** A port the OS says is free now (other programs may hold any fixed one on this machine). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// Each run gets its own port, build output and data dir so runs never share state. The worker
// processes load this file again: they read the runner's choices from the environment.
const port = Number(process.env.E2E_PORT ?? (await freePort()));
process.env.E2E_PORT = String(port);
const dist = process.env.CONSOLE_DIST ?? "dist";
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), "tesserra-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

const desktop = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1440, height: 900 },
  launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /portuguese\.spec\.ts/,
      use: desktop,
    },
    {
      // A browser set to Brazilian Portuguese: the console opens in it by itself.
      name: "pt-BR",
      testMatch: /portuguese\.spec\.ts/,
      use: { ...desktop, locale: "pt-BR" },
    },
  ],
  webServer: {
    // The embedded emulator serves the built console and the API on one origin, as `npm start`
    // does; 60x simulated time keeps deployments and drills to a few seconds.
    command: "node --import tsx emulator/main.ts",
    env: {
      PORT: String(port),
      CONSOLE_DIST: dist,
      TESSERRA_DATA_DIR: dataDir,
      TESSERRA_CLOCK: process.env.E2E_CLOCK ?? "60",
    },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
  },
});
