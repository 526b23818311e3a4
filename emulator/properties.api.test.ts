/**
 * Requests generated from the contract (valid and broken bodies, headers, ids, tokens, media
 * types and methods) against the real process: the API never answers 5xx, every refusal is
 * problem+json with its own status, every answer matches the served OpenAPI document, and a
 * refused request creates or changes nothing.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GLOBAL_SAAS } from "../src/blueprint";
import {
  hostileJsonTextArb,
  mutatedBlueprintArb,
  validBlueprintArb,
} from "../src/blueprint/arbitraries";
import { ProjetosSchema } from "../src/contract/schemas";
import { conformingFetch } from "./testing/conformance";
import { type RunningEmulator, startEmulator } from "./testing/process";

let emu: RunningEmulator;
let checked: Awaited<ReturnType<typeof conformingFetch>>;
let projectId = "";
let etag = "";

/** The project most generated requests aim at; made again when a request deletes it. */
async function createTarget() {
  const r = await fetch(`${emu.url}/v1/projetos`, {
    method: "POST",
    headers: { Authorization: "Bearer dev", "Content-Type": "application/json" },
    body: JSON.stringify(GLOBAL_SAAS),
  });
  projectId = (await r.json()).id;
  etag = r.headers.get("ETag") ?? "";
}

beforeAll(async () => {
  emu = await startEmulator({ clock: 600 });
  checked = await conformingFetch(emu.url);
  await createTarget();
}, 40_000);
afterAll(() => emu?.stop());

/** Every organization's projects with their versions: what a refused request must not touch. */
async function snapshot(): Promise<string> {
  const orgs = await Promise.all(
    ["dev", "business", "starter"].map(async (token) =>
      ProjetosSchema.parse(
        await (
          await fetch(`${emu.url}/v1/projetos`, { headers: { Authorization: `Bearer ${token}` } })
        ).json(),
      ).map((p) => `${p.id}@${p.versao}`),
    ),
  );
  return JSON.stringify(orgs);
}

const idArb = fc.oneof(
  fc.constant("@project"),
  fc.constant("prj_0000000000000000"),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom("%00", "..%2F..", "a".repeat(300), "%F0%9F%98%80"),
);

const pathArb = fc.oneof(
  fc.constantFrom(
    "/v1/conta",
    "/v1/regioes",
    "/v1/blueprints/validar",
    "/v1/blueprints/otimizar",
    "/v1/projetos",
    "/v1/nada",
    "/v1/revisoes?status=pendente",
    "/v1/revisoes/rev_x",
    "/v1/revisoes/rev_x/decisao",
  ),
  fc
    .tuple(
      idArb,
      fc.constantFrom(
        "",
        "/plano",
        "/estado",
        "/slos",
        "/eventos",
        "/testes-failover",
        "/testes-failover/tf_x",
        "/implantacoes/im_x",
        "/revisoes",
        "/cutover",
        "/metricas?serie=trafego&regiao=global",
        "/metricas?serie=cpu",
        "/metricas?serie=latencia_p99&regiao=sa-east-1&passo=7",
        "/metricas/lote?series=disponibilidade:*,trafego:global",
        "/metricas/lote?series=nada:*",
        "/metrics",
        "/slos/exportar?formato=openslo",
        "/slos/exportar?formato=x",
      ),
    )
    .map(([id, rest]) => `/v1/projetos/${id}${rest}`),
);

const bodyArb = fc.oneof(
  fc.constant(undefined),
  validBlueprintArb.map((b) => JSON.stringify(b)),
  mutatedBlueprintArb.map((b) => JSON.stringify(b) ?? "null"),
  hostileJsonTextArb,
  fc.string({ maxLength: 40 }),
  fc.constant('{"regiao": "us-east-1", "duracao_s": 60}'),
  fc.constant('{"nome": "a", "nome": "b"}'),
  validBlueprintArb.map((b) => JSON.stringify({ blueprint: b })),
  mutatedBlueprintArb.map((b) => JSON.stringify({ blueprint: b, plano: "business" })),
);

/** Mostly the document's own operations, sometimes any method on any path. */
const operationArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          ["GET", "/v1/conta"],
          ["POST", "/v1/blueprints/validar"],
          ["POST", "/v1/blueprints/otimizar"],
          ["GET", "/v1/projetos"],
          ["POST", "/v1/projetos"],
          ["GET", "/v1/projetos/@id"],
          ["PUT", "/v1/projetos/@id"],
          ["DELETE", "/v1/projetos/@id"],
          ["POST", "/v1/projetos/@id/plano"],
          ["GET", "/v1/projetos/@id/estado"],
          ["GET", "/v1/projetos/@id/slos"],
          ["GET", "/v1/projetos/@id/eventos"],
          ["POST", "/v1/projetos/@id/testes-failover"],
          ["GET", "/v1/projetos/@id/testes-failover"],
          ["GET", "/v1/projetos/@id/metricas?serie=trafego&regiao=global"],
          ["GET", "/v1/projetos/@id/metricas/lote?series=latencia_p50:*"],
          ["GET", "/v1/projetos/@id/metrics"],
          ["GET", "/v1/projetos/@id/slos/exportar"],
          ["POST", "/v1/projetos/@id/revisoes"],
          ["GET", "/v1/projetos/@id/revisoes"],
          ["POST", "/v1/projetos/@id/cutover"],
          ["GET", "/v1/revisoes"],
        ),
        fc.oneof(
          { weight: 3, arbitrary: fc.constant("@project") },
          { weight: 1, arbitrary: idArb },
        ),
      )
      .map(([[method, path], id]) => ({ method, path: path.replace("@id", id) })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH"),
      path: pathArb,
    }),
  },
);

const requestArb = fc.record({
  operation: operationArb,
  body: bodyArb,
  contentType: fc.oneof(
    { weight: 4, arbitrary: fc.constant("application/json") },
    {
      weight: 1,
      arbitrary: fc.constantFrom("application/json; charset=utf-8", "text/plain", undefined),
    },
  ),
  token: fc.oneof(
    { weight: 6, arbitrary: fc.constant("dev") },
    { weight: 1, arbitrary: fc.constantFrom("business", "starter", "eng", "", "nope") },
  ),
  ifMatch: fc.constantFrom(undefined, "@etag", "W/@etag", "*", '"nope"', "garbage"),
  idempotencyKey: fc.option(
    fc.string({ minLength: 1, maxLength: 300 }).filter((k) => /^[\x21-\x7e]+$/.test(k)),
    {
      nil: undefined,
    },
  ),
});

describe("generated requests", () => {
  it("never a 5xx, refusals are problems with their own status, refused requests change nothing", async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (req) => {
        const headers: Record<string, string> = {};
        if (req.token) headers.Authorization = `Bearer ${req.token}`;
        if (req.contentType && req.body !== undefined) headers["Content-Type"] = req.contentType;
        if (req.ifMatch) headers["If-Match"] = req.ifMatch.replace("@etag", etag);
        if (req.idempotencyKey) headers["Idempotency-Key"] = req.idempotencyKey;
        const { method } = req.operation;
        const path = req.operation.path.replace("@project", projectId);
        const before = await snapshot();
        const body = method === "GET" ? undefined : req.body;
        // The conformance net throws when the answer breaks the served document.
        const r = await checked.fetch(`${emu.url}${path}`, { method: method, headers, body });
        expect(r.status, `${method} ${path}`).toBeLessThan(500);
        if (r.status >= 400) {
          expect(r.headers.get("Content-Type")).toBe("application/problem+json");
          expect((await r.json()).status).toBe(r.status);
          expect(await snapshot()).toBe(before);
        } else await r.body?.cancel();
        // A successful write moves the ETag the next requests start from.
        if (r.ok && method === "PUT" && path === `/v1/projetos/${projectId}`)
          etag = r.headers.get("ETag") ?? etag;
        if (r.status === 204 && path === `/v1/projetos/${projectId}`) await createTarget();
      }),
      { numRuns: 200 },
    );
    expect(checked.conformance.checked).toBeGreaterThanOrEqual(200);
  }, 120_000);
});
