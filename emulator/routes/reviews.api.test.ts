/**
 * Engineering review and cutover (contract §7) over real HTTP against the emulator process,
 * with a customer token (`dev`) and Tesserra engineering's (`eng`). Every answer is checked
 * against the served OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Blueprint, GLOBAL_SAAS, SINGLE_REGION_WEB } from "../../src/blueprint";
import { RevisaoSchema } from "../../src/contract/reviews";
import { ProjetoSchema } from "../../src/contract/schemas";
import { conformingFetch } from "../testing/conformance";
import { type RunningEmulator, startEmulator } from "../testing/process";

let emu: RunningEmulator;
let checked: Awaited<ReturnType<typeof conformingFetch>>;

beforeAll(async () => {
  emu = await startEmulator({ clock: 20_000 });
  checked = await conformingFetch(emu.url);
}, 40_000);
afterAll(async () => {
  expect(checked.conformance.checked).toBeGreaterThan(0);
  if (process.env.EMU_LOG) console.log(emu.output());
  await emu?.stop();
});

type Init = RequestInit & { json?: unknown };
const as =
  (token: string) =>
  (path: string, init: Init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("Authorization", `Bearer ${token}`);
    if (init.json !== undefined) headers.set("Content-Type", "application/json");
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
    return checked.fetch(`${emu.url}${path}`, { ...init, headers, body });
  };
const customer = as("dev");
const reviewer = as("eng");

async function problemType(r: Response) {
  return { status: r.status, type: ((await r.json()) as { type: string }).type };
}
const problem = (status: number, codigo: string) => ({
  status,
  type: `https://tesserra.dev/problemas/${codigo}`,
});

async function deploy(bp: Blueprint) {
  const r = await customer("/v1/projetos", { method: "POST", json: bp });
  expect(r.status).toBe(201);
  const { id } = ProjetoSchema.parse(await r.json());
  for (;;) {
    const p = await customer(`/v1/projetos/${id}`);
    const body = ProjetoSchema.parse(await p.json());
    if (body.status === "ativo") return { id, etag: p.headers.get("ETag") ?? "", project: body };
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function etag(id: string) {
  return (await customer(`/v1/projetos/${id}`)).headers.get("ETag") ?? "";
}

async function requestReview(id: string, nota?: string) {
  const r = await customer(`/v1/projetos/${id}/revisoes`, {
    method: "POST",
    json: nota === undefined ? {} : { nota },
  });
  expect(r.status).toBe(201);
  return RevisaoSchema.parse(await r.json());
}

const decide = (rid: string, resultado: string, nota?: string) =>
  reviewer(`/v1/revisoes/${rid}/decisao`, {
    method: "POST",
    json: nota === undefined ? { resultado } : { resultado, nota },
  });

const cutover = async (id: string, ifMatch?: string) =>
  customer(`/v1/projetos/${id}/cutover`, {
    method: "POST",
    headers: ifMatch === undefined ? {} : { "If-Match": ifMatch },
  });

function withReplicas(bp: Blueprint, replicas_min: number): Blueprint {
  return {
    ...bp,
    recursos: bp.recursos.map((r) =>
      r.tipo === "compute"
        ? { ...r, config: { ...r.config, replicas_min, replicas_max: Math.max(12, replicas_min) } }
        : r,
    ),
  };
}

async function put(id: string, bp: Blueprint) {
  const r = await customer(`/v1/projetos/${id}`, {
    method: "PUT",
    headers: { "If-Match": await etag(id) },
    json: bp,
  });
  expect(r.status).toBe(200);
}

describe("phases and cutover", () => {
  it("starts a project in pre-production; a multi-zone one cuts over without a review, once", async () => {
    const { id, project } = await deploy(SINGLE_REGION_WEB);
    expect(project.fase).toBe("pre-producao");
    expect((await cutover(id)).status).toBe(428);
    expect(await problemType(await cutover(id, '"prj_x.v9"'))).toMatchObject({ status: 412 });
    const done = await cutover(id, await etag(id));
    expect(done.status).toBe(200);
    expect(ProjetoSchema.parse(await done.json()).fase).toBe("producao");
    expect(await problemType(await cutover(id, await etag(id)))).toEqual(
      problem(409, "ja-em-producao"),
    );
    const events = (await (await customer(`/v1/projetos/${id}/eventos`)).json()) as {
      tipo: string;
      dados: Record<string, unknown>;
    }[];
    expect(events.filter((e) => e.tipo === "revisao").map((e) => e.dados)).toEqual([
      { fase: "producao" },
    ]);
  });

  it("needs an approved review of the current design to cut a multi-region project over", async () => {
    const { id } = await deploy(GLOBAL_SAAS);
    expect(await problemType(await cutover(id, await etag(id)))).toEqual(
      problem(409, "revisao-necessaria"),
    );
  });
});

describe("reviews", () => {
  it("snapshot their evidence, one pending per design, and only a reviewer lists them all", async () => {
    const { id } = await deploy(GLOBAL_SAAS);
    const review = await requestReview(id, "Please look at the datastore.");
    expect(review).toMatchObject({
      projeto: id,
      versao: 1,
      status: "pendente",
      solicitada_por: "demo",
      nota: "Please look at the datastore.",
      decisao: null,
    });
    expect(review.assinatura).toMatch(/^[0-9a-f]{64}$/);
    expect(review.evidencias.verificacoes.map((v) => [v.codigo, v.severidade, v.ok])).toEqual([
      ["politica-atendida", "alta", false],
      ["runbook-testado", "alta", false],
      ["sem-avisos", "media", true],
      ["alertas-slo", "media", true],
      ["continentes", "media", true],
    ]);
    expect(review.evidencias.runbook.cenarios).toHaveLength(6);
    expect(
      await problemType(await customer(`/v1/projetos/${id}/revisoes`, { method: "POST" })),
    ).toEqual(problem(409, "revisao-em-aberto"));
    const inbox = RevisaoSchema.array().parse(
      await (await reviewer("/v1/revisoes?status=pendente")).json(),
    );
    expect(inbox.map((r) => r.id)).toContain(review.id);
    expect(await problemType(await customer("/v1/revisoes"))).toEqual(
      problem(403, "somente-revisor"),
    );
    expect((await customer(`/v1/projetos/${id}/revisoes`)).status).toBe(200);
  });

  it("refuse self-approval: a customer never decides, not even its own project's review", async () => {
    const { id } = await deploy(GLOBAL_SAAS);
    const review = await requestReview(id);
    const r = await customer(`/v1/revisoes/${review.id}/decisao`, {
      method: "POST",
      json: { resultado: "aprovada", nota: "We reviewed it ourselves, trust us." },
    });
    expect(await problemType(r)).toEqual(problem(403, "somente-revisor"));
    expect(
      RevisaoSchema.parse(await (await customer(`/v1/revisoes/${review.id}`)).json()).status,
    ).toBe("pendente");
  });

  it("let a reviewer read and plan a project under review, never change it; others stay 404", async () => {
    const { id } = await deploy(GLOBAL_SAAS);
    const { id: unreviewed } = await deploy(SINGLE_REGION_WEB);
    expect((await reviewer(`/v1/projetos/${id}`)).status).toBe(404);
    await requestReview(id);
    expect((await reviewer(`/v1/projetos/${id}`)).status).toBe(200);
    expect((await reviewer(`/v1/projetos/${id}/estado`)).status).toBe(200);
    expect(
      (await reviewer(`/v1/projetos/${id}/plano`, { method: "POST", json: GLOBAL_SAAS })).status,
    ).toBe(200);
    expect((await reviewer(`/v1/projetos/${unreviewed}`)).status).toBe(404);
    const before = await etag(id);
    for (const [method, path, json] of [
      ["PUT", `/v1/projetos/${id}`, withReplicas(GLOBAL_SAAS, 6)],
      ["DELETE", `/v1/projetos/${id}`, undefined],
      ["POST", `/v1/projetos/${id}/testes-failover`, { regiao: "us-east-1", duracao_s: 60 }],
      ["POST", `/v1/projetos/${id}/cutover`, undefined],
      ["POST", `/v1/projetos/${id}/revisoes`, {}],
      ["POST", "/v1/projetos", GLOBAL_SAAS],
    ] as const) {
      const r = await reviewer(path, { method, json, headers: { "If-Match": before } });
      expect([method, path, await problemType(r)]).toEqual([
        method,
        path,
        problem(403, "revisor-somente-leitura"),
      ]);
    }
    expect(await etag(id)).toBe(before);
  });

  it("take comments on the design or on a field of it, from both sides", async () => {
    const { id } = await deploy(GLOBAL_SAAS);
    const review = await requestReview(id);
    const onDatastore = await reviewer(`/v1/revisoes/${review.id}/comentarios`, {
      method: "POST",
      json: { texto: "One zone only: raise replicas_min.", ponteiro: "/recursos/1" },
    });
    expect(onDatastore.status).toBe(201);
    const reply = await customer(`/v1/revisoes/${review.id}/comentarios`, {
      method: "POST",
      json: { texto: "Will do." },
    });
    expect(reply.status).toBe(201);
    const nowhere = await reviewer(`/v1/revisoes/${review.id}/comentarios`, {
      method: "POST",
      json: { texto: "?", ponteiro: "/recursos/9" },
    });
    expect(nowhere.status).toBe(422);
    expect(
      (
        await reviewer(`/v1/revisoes/${review.id}/comentarios`, {
          method: "POST",
          json: { texto: "" },
        })
      ).status,
    ).toBe(422);
    const seen = RevisaoSchema.parse(await (await customer(`/v1/revisoes/${review.id}`)).json());
    expect(seen.comentarios.map((m) => [m.autor, m.papel, m.ponteiro, m.texto])).toEqual([
      ["tesserra-engenharia", "revisor", "/recursos/1", "One zone only: raise replicas_min."],
      ["demo", "cliente", null, "Will do."],
    ]);
  });

  it("need a note of 20 characters to approve over an unmet alta verification, and record the override", async () => {
    const { id } = await deploy(GLOBAL_SAAS);
    const review = await requestReview(id);
    expect(await problemType(await decide(review.id, "aprovada"))).toEqual(
      problem(422, "nota-de-excecao"),
    );
    expect(await problemType(await decide(review.id, "aprovada", "fine by me"))).toEqual(
      problem(422, "nota-de-excecao"),
    );
    const ok = await decide(
      review.id,
      "aprovada",
      "Accepted risk: drills scheduled for next week.",
    );
    expect(ok.status).toBe(200);
    const decided = RevisaoSchema.parse(await ok.json());
    expect(decided.status).toBe("aprovada");
    expect(decided.decisao).toMatchObject({
      por: "tesserra-engenharia",
      resultado: "aprovada",
      sobrepoe: ["politica-atendida", "runbook-testado"],
    });
    expect(await problemType(await decide(review.id, "mudancas-solicitadas"))).toEqual(
      problem(409, "revisao-nao-pendente"),
    );
  });

  it("hold for a new version that only moved boxes, and cut over without a new review", async () => {
    const { id } = await deploy(GLOBAL_SAAS);
    const review = await requestReview(id);
    expect(
      (await decide(review.id, "aprovada", "Approved with the runbook to be practised.")).status,
    ).toBe(200);
    await put(id, { ...GLOBAL_SAAS, diagrama: { posicoes: { "db-global": { x: 500, y: 40 } } } });
    const kept = RevisaoSchema.parse(await (await customer(`/v1/revisoes/${review.id}`)).json());
    expect([kept.status, kept.versao]).toEqual(["aprovada", 1]);
    const done = await cutover(id, await etag(id));
    expect(done.status).toBe(200);
    expect(ProjetoSchema.parse(await done.json())).toMatchObject({ fase: "producao", versao: 2 });
  });

  it("go stale when the design changes, and never revive when it changes back", async () => {
    const { id } = await deploy(GLOBAL_SAAS);
    const pending = await requestReview(id);
    expect(
      (await decide(pending.id, "aprovada", "Approved with the runbook to be practised.")).status,
    ).toBe(200);
    await put(id, withReplicas(GLOBAL_SAAS, 6));
    const stale = RevisaoSchema.parse(await (await customer(`/v1/revisoes/${pending.id}`)).json());
    expect(stale.status).toBe("desatualizada");
    expect(await problemType(await cutover(id, await etag(id)))).toEqual(
      problem(409, "revisao-desatualizada"),
    );
    await put(id, GLOBAL_SAAS);
    expect(await problemType(await cutover(id, await etag(id)))).toEqual(
      problem(409, "revisao-desatualizada"),
    );
    // A pending review of the old design goes stale too; the event stream says each change.
    const again = await requestReview(id);
    await put(id, withReplicas(GLOBAL_SAAS, 6));
    expect(
      RevisaoSchema.parse(await (await customer(`/v1/revisoes/${again.id}`)).json()).status,
    ).toBe("desatualizada");
    const events = (await (await customer(`/v1/projetos/${id}/eventos`)).json()) as {
      tipo: string;
      dados: { revisao?: string; status?: string };
    }[];
    expect(
      events
        .filter((e) => e.tipo === "revisao")
        .map((e) => `${e.dados.revisao === pending.id ? "1" : "2"} ${e.dados.status}`),
    ).toEqual(["1 pendente", "1 aprovada", "1 desatualizada", "2 pendente", "2 desatualizada"]);
  });

  it("can be withdrawn by their owner while pending", async () => {
    const { id } = await deploy(GLOBAL_SAAS);
    const review = await requestReview(id);
    const r = await customer(`/v1/revisoes/${review.id}/retirar`, { method: "POST" });
    expect(RevisaoSchema.parse(await r.json()).status).toBe("retirada");
    expect(
      await problemType(await customer(`/v1/revisoes/${review.id}/retirar`, { method: "POST" })),
    ).toEqual(problem(409, "revisao-nao-pendente"));
    // Another organization sees nothing of it.
    expect((await as("business")(`/v1/revisoes/${review.id}`)).status).toBe(404);
  });
});
