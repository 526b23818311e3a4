/**
 * `npm start` / `npm run emulator`: the Tesserra API emulator, serving the built console on
 * the same origin. Configuration comes from the environment (see README).
 */
import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { createEmulator, DEFAULT_TOKENS, parseTokens } from "./app";

function fail(message: string): never {
  console.error(`tesserra-emulator: ${message}`);
  process.exit(2);
}

const port = Number(process.env.PORT ?? 4400);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`PORT must be a port number, not "${process.env.PORT}".`);
const host = process.env.HOST ?? "127.0.0.1";
const clock = Number(process.env.TESSERRA_CLOCK ?? 1);
if (!(clock > 0) || !Number.isFinite(clock))
  fail(`TESSERRA_CLOCK must be a positive speed multiplier, not "${process.env.TESSERRA_CLOCK}".`);
let tokens: ReturnType<typeof parseTokens>;
try {
  tokens = parseTokens(process.env.TESSERRA_TOKENS ?? DEFAULT_TOKENS);
} catch (e) {
  fail((e as Error).message);
}
const dataDir = resolve(process.env.TESSERRA_DATA_DIR ?? ".tesserra");
const distDir = resolve(process.env.CONSOLE_DIST ?? "dist");

let emulator: ReturnType<typeof createEmulator>;
try {
  emulator = createEmulator({ dataDir, clock, tokens, distDir });
} catch (e) {
  fail((e as Error).message);
}
emulator.start();

const server = serve({ fetch: emulator.app.fetch, port, hostname: host }, (info) => {
  const url = `http://${host}:${info.port}`;
  console.log(`Tesserra emulator listening on ${url}`);
  console.log(`  console: ${url}/   API: ${url}/v1   data: ${dataDir}   clock: ${clock}x`);
  console.log(`  tokens: ${[...tokens.keys()].join(", ")} (set one in the console's Settings)`);
});

function shutdown() {
  server.close();
  emulator.stop();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
