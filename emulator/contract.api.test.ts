/**
 * Contract defects an outside fuzzer found, each pinned over real HTTP against the real
 * process, with every answer checked against the served OpenAPI document.
 */
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GLOBAL_SAAS } from "../src/blueprint";
import { ProjetosSchema } from "../src/contract/schemas";
import { conformingFetch } from "./testing/conformance";
import { type RunningEmulator, startEmulator } from "./testing/process";

let emu: RunningEmulator;
let checked: Awaited<ReturnType<typeof conformingFetch>>;
const AUTH = { Authorization: "Bearer dev" };
const JSON_TYPE = { ...AUTH, "Content-Type": "application/json" };

beforeAll(async () => {
  emu = await startEmulator({ clock: 600 });
  checked = await conformingFetch(emu.url);
}, 40_000);
afterAll(() => emu?.stop());

const call = (path: string, init: RequestInit = {}) =>
  checked.fetch(`${emu.url}${path}`, { ...init, headers: { ...AUTH, ...init.headers } });

async function projectCount(): Promise<number> {
  return ProjetosSchema.parse(await (await call("/v1/projetos")).json()).length;
}

async function createProject(): Promise<{ id: string; etag: string }> {
  const r = await call("/v1/projetos", {
    method: "POST",
    headers: JSON_TYPE,
    body: JSON.stringify(GLOBAL_SAAS),
  });
  expect(r.status).toBe(201);
  return { id: (await r.json()).id, etag: r.headers.get("ETag") ?? "" };
}

/** A raw request, for methods fetch refuses to send (TRACE). */
function rawRequest(method: string, path: string): Promise<{ status: number; allow?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${emu.url}${path}`, { method, headers: AUTH }, (res) => {
      res.resume();
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, allow: res.headers.allow as string | undefined }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("blueprints the contract refuses", () => {
  it("refuses an empty region list as an esquema finding", async () => {
    const before = await projectCount();
    const r = await call("/v1/projetos", {
      method: "POST",
      headers: JSON_TYPE,
      body: JSON.stringify({ ...GLOBAL_SAAS, regioes: [] }),
    });
    expect(r.status).toBe(422);
    const { problemas } = await r.json();
    expect(problemas).toContainEqual(
      expect.objectContaining({ ponteiro: "/regioes", codigo: "esquema" }),
    );
    expect(await projectCount()).toBe(before);
  });

  it("refuses names with a NUL or a lone surrogate, pointing at the field", async () => {
    for (const nome of ["Global\u0000SaaS", "Global \ud800 SaaS"]) {
      const r = await call("/v1/blueprints/validar", {
        method: "POST",
        headers: JSON_TYPE,
        body: JSON.stringify({ ...GLOBAL_SAAS, nome }),
      });
      const body = await r.json();
      expect(body.valido).toBe(false);
      expect(body.problemas).toContainEqual(
        expect.objectContaining({ ponteiro: "/nome", codigo: "esquema" }),
      );
    }
  });

  it("refuses a key repeated in one object with its line and column", async () => {
    const before = await projectCount();
    const text = `{\n  "nome": "A",\n  "nome": "B",\n  "resiliencia": "zona-unica",\n  "recursos": []\n}`;
    const r = await call("/v1/projetos", { method: "POST", headers: JSON_TYPE, body: text });
    expect(r.status).toBe(400);
    expect((await r.json()).detail).toMatch(/line 3, column 3: the key "nome" appears twice/);
    expect(await projectCount()).toBe(before);
  });
});

describe("media types and methods", () => {
  it("answers 415 to a body that is not JSON, and acts on none of them", async () => {
    const before = await projectCount();
    const body = JSON.stringify(GLOBAL_SAAS);
    const form = new FormData();
    form.set("blueprint", body);
    for (const init of [
      { body, headers: { "Content-Type": "text/plain" } },
      { body, headers: { "Content-Type": "application/xml" } },
      { body: new URLSearchParams({ blueprint: body }) },
      { body: form },
      { body: new Blob([body]) }, // no Content-Type at all
    ] as RequestInit[]) {
      const r = await call("/v1/projetos", { method: "POST", ...init });
      expect(r.status).toBe(415);
      expect(r.headers.get("Content-Type")).toBe("application/problem+json");
    }
    expect(await projectCount()).toBe(before);
    const withCharset = await call("/v1/blueprints/validar", {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body,
    });
    expect(withCharset.status).toBe(200);
  });

  it("answers 405 with Allow to a method a known path does not take", async () => {
    const { id } = await createProject();
    const patch = await call(`/v1/projetos/${id}`, {
      method: "PATCH",
      headers: JSON_TYPE,
      body: "{}",
    });
    expect(patch.status).toBe(405);
    expect(patch.headers.get("Allow")).toBe("GET, PUT, DELETE, HEAD, OPTIONS");
    const deleteConta = await call("/v1/conta", { method: "DELETE" });
    expect(deleteConta.status).toBe(405);
    expect(deleteConta.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
    expect(await rawRequest("TRACE", `/v1/projetos/${id}`)).toEqual({
      status: 405,
      allow: "GET, PUT, DELETE, HEAD, OPTIONS",
    });
    // An unknown path stays 404.
    expect((await call("/v1/nada")).status).toBe(404);
  });
});

describe("conditional requests", () => {
  it("compares If-Match strongly: a weak validator never matches", async () => {
    const { id, etag } = await createProject();
    const put = (ifMatch: string) =>
      call(`/v1/projetos/${id}`, {
        method: "PUT",
        headers: { ...JSON_TYPE, "If-Match": ifMatch },
        body: JSON.stringify({ ...GLOBAL_SAAS, nome: "Renamed" }),
      });
    expect((await put(`W/${etag}`)).status).toBe(412);
    expect(
      (await call(`/v1/projetos/${id}`, { method: "DELETE", headers: { "If-Match": `W/${etag}` } }))
        .status,
    ).toBe(412);
    expect((await put(etag)).status).toBe(200);
  });
});

describe("plans", () => {
  it("answers the plan with the fields its published schema lists", async () => {
    const { id } = await createProject();
    const r = await call(`/v1/projetos/${id}/plano`, {
      method: "POST",
      headers: JSON_TYPE,
      body: JSON.stringify({ ...GLOBAL_SAAS, nome: "Renamed" }),
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ versao_atual: 1, problemas: [], criar: [] });
  });
});

describe("clients that go away", () => {
  it("logs one line per request body aborted mid-way, never a stack trace", async () => {
    const before = emu.output().length;
    const { port, hostname } = new URL(emu.url);
    await Promise.all(
      Array.from(
        { length: 20 },
        () =>
          new Promise<void>((resolve) => {
            const socket = connect(Number(port), hostname, () => {
              socket.write(
                `POST /v1/projetos HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer dev\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"nome": "half`,
              );
              setTimeout(() => {
                socket.destroy();
                resolve();
              }, 50);
            });
          }),
      ),
    );
    // Each aborted body is logged once the server notices the hang-up: wait for all twenty.
    const wentAway = () =>
      emu
        .output()
        .slice(before)
        .split("\n")
        .filter((l) => l.includes("POST /v1/projetos: the client went away mid-request"));
    await expect.poll(() => wentAway().length, { timeout: 15_000 }).toBe(20);
    // The server still answers, and by then it has printed nothing else about those requests.
    expect((await call("/v1/conta")).status).toBe(200);
    const printed = emu.output().slice(before);
    expect(printed).not.toMatch(/^\s+at /m);
    expect(printed.split("\n").filter((l) => l.trim())).toEqual(wentAway());
  });
});

describe("the OpenAPI document", () => {
  it("describes every operation, declares its own content and writes no `items: false`", async () => {
    const doc = await (await fetch(`${emu.url}/v1/openapi.json`)).json();
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>))
      for (const [method, op] of Object.entries(item)) {
        if (method === "parameters") continue;
        expect((op as { description?: string }).description, `${method} ${path}`).toBeTruthy();
      }
    expect(doc.paths["/v1/openapi.json"].get.responses["200"].content).toHaveProperty(
      "application/json",
    );
    expect(JSON.stringify(doc)).not.toContain('"items":false');
  });
});
