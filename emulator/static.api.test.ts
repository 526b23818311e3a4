/**
 * How the emulator serves the built console and large answers: precompressed files by what the
 * browser accepts, hashed assets cached for good, the page always revalidated, big JSON
 * compressed on request.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "./testing/process";

let emu: RunningEmulator;
let dist: string;
/** Files beside the served folder, which no request may reach. */
const SECRET = "secret-outside-the-build";
const SIBLING_SECRET = "secret-in-a-sibling-folder";
const script = `console.log(${JSON.stringify("x".repeat(4000))});`;

beforeAll(async () => {
  // parent/dist is served; parent/secret.txt and parent/distx/secret.txt sit beside it (a
  // sibling whose name starts with the served folder's name defeats a bare prefix check).
  const parent = mkdtempSync(join(tmpdir(), "tesserra-dist-"));
  dist = join(parent, "dist");
  mkdirSync(join(dist, "assets"), { recursive: true });
  mkdirSync(join(parent, "distx"));
  writeFileSync(join(parent, "secret.txt"), SECRET);
  writeFileSync(join(parent, "distx", "secret.txt"), SIBLING_SECRET);
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Tesserra</title>");
  writeFileSync(join(dist, "assets", "app-abc123.js"), script);
  writeFileSync(join(dist, "assets", "app-abc123.js.br"), brotliCompressSync(script));
  writeFileSync(join(dist, "assets", "app-abc123.js.gz"), gzipSync(script));
  emu = await startEmulator({ env: { CONSOLE_DIST: dist } });
}, 40_000);
afterAll(() => emu?.stop());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${emu.url}${path}`, { headers });

/**
 * GET with the path sent exactly as written: fetch (WHATWG URL) resolves `..` and `%2e%2e`
 * before sending, so a traversal never leaves the client that way.
 */
function rawGet(path: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(emu.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"] ?? "", body }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("static files", () => {
  it("sends the brotli or gzip file the browser accepts, and caches hashed assets for good", async () => {
    const br = await get("/assets/app-abc123.js", { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(br.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(br.headers.get("Vary")).toContain("Accept-Encoding");
    const gz = await get("/assets/app-abc123.js", { "Accept-Encoding": "gzip" });
    expect(gz.headers.get("Content-Encoding")).toBe("gzip");
    const plain = await get("/assets/app-abc123.js", { "Accept-Encoding": "identity" });
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it("always revalidates the page, on every client-side route", async () => {
    for (const path of ["/", "/projects/prj_1/monitor"]) {
      const r = await get(path);
      expect(r.status).toBe(200);
      expect(r.headers.get("Cache-Control")).toBe("no-cache");
      expect(await r.text()).toContain("<title>Tesserra</title>");
    }
  });

  it("answers a page the browser already has with 304, and a rebuilt page in full", async () => {
    const first = await get("/");
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get("/", { "If-None-Match": etag as string });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // A rebuild while the emulator runs: the new page, with another validator.
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Tesserra 2</title>");
    const rebuilt = await get("/", { "If-None-Match": etag as string });
    expect(rebuilt.status).toBe(200);
    expect(await rebuilt.text()).toContain("Tesserra 2");
    expect(rebuilt.headers.get("ETag")).not.toBe(etag);
  });

  it("does not answer a missing asset with the page", async () => {
    const missing = await get("/assets/gone-123.js");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Content-Type")).not.toContain("text/html");
  });

  it("serves a path that stays inside the build, written any way", async () => {
    // The raw client sends what it is given: these reach the asset through `..` inside dist.
    for (const path of ["/assets/../assets/app-abc123.js", "/assets/%2e%2e/assets/app-abc123.js"])
      expect((await rawGet(path)).body, path).toBe(script);
  });

  it.each([
    "/../secret.txt",
    "/../../secret.txt",
    "/assets/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/.%2e/secret.txt",
    "/..%2fsecret.txt",
    "/..%2Fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/..\\secret.txt",
    "/..%5csecret.txt",
    "/assets\\..\\..\\secret.txt",
    "/../distx/secret.txt",
    "/%2e%2e/distx/secret.txt",
    "/..%2fdistx%2fsecret.txt",
    "/assets/..%2f..%2fdistx%2fsecret.txt",
  ])("never serves a file outside the build: %s", async (path) => {
    const r = await rawGet(path);
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toContain(SIBLING_SECRET);
    // What comes back is the console's page (a client-side route) or a refusal.
    if (r.status === 200) expect(r.body).toContain("<title>Tesserra");
    else expect(r.status).toBeGreaterThanOrEqual(400);
  });
});

describe("JSON answers", () => {
  it("compresses large JSON for clients that accept it, and only for them", async () => {
    const gz = await get("/v1/regioes", { Authorization: "Bearer dev", "Accept-Encoding": "gzip" });
    expect(gz.headers.get("Content-Encoding")).toBe("gzip");
    // fetch decompresses by itself: what arrives is the JSON.
    const body = await gz.json();
    expect(body.map((r: { id: string }) => r.id)).toContain("sa-east-1");
    const plain = await get("/v1/regioes", {
      Authorization: "Bearer dev",
      "Accept-Encoding": "identity",
    });
    expect(plain.headers.get("Content-Encoding")).toBeNull();
  });

  it("leaves versioned answers uncompressed, so their ETag stays strong", async () => {
    const big = {
      nome: "Big",
      resiliencia: "zona-unica",
      recursos: Array.from({ length: 30 }, (_, i) => ({
        tipo: "archive",
        nome: `bucket-${i}`,
        config: {},
      })),
    };
    const r = await fetch(`${emu.url}/v1/projetos`, {
      method: "POST",
      headers: {
        Authorization: "Bearer dev",
        "Content-Type": "application/json",
        "Accept-Encoding": "gzip",
      },
      body: JSON.stringify(big),
    });
    expect(r.status).toBe(201);
    expect(r.headers.get("Content-Encoding")).toBeNull();
    expect(r.headers.get("ETag")).toMatch(/^"prj_\w+\.v1"$/);
  });
});
