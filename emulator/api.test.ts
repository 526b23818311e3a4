/**
 * The emulator over real HTTP: each suite starts the real process (tsx emulator/main.ts) on
 * an ephemeral port with a fresh data dir.
 */
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AvaliacaoSchema,
  assess,
  GLOBAL_SAAS,
  normalizeBlueprint,
  SINGLE_REGION_WEB,
  TEMPLATES,
} from "../src/blueprint";
import { OtimizacaoSchema, optimize } from "../src/blueprint/optimize";
import { ImplantacaoSchema, ProjetoSchema, ProjetosSchema } from "../src/contract/schemas";
import { conformingFetch } from "./testing/conformance";
import { freshDataDir, type RunningEmulator, startEmulator } from "./testing/process";

const SINGLE = SINGLE_REGION_WEB;

const JSON_TYPE = { "Content-Type": "application/json" };

/** Every answer this suite receives is checked against the served OpenAPI document. */
let checked: Awaited<ReturnType<typeof conformingFetch>>;

function client(base: string, token = "dev") {
  return (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    if (token) headers.set("Authorization", `Bearer ${token}`);
    if (init.json !== undefined) headers.set("Content-Type", "application/json");
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
    return checked.fetch(`${base}${path}`, { ...init, headers, body });
  };
}

async function waitFor<T>(fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

let emu: RunningEmulator;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  emu = await startEmulator({ clock: 600 });
  checked = await conformingFetch(emu.url);
  api = client(emu.url);
}, 40_000);
afterAll(() => emu?.stop());

describe("projects", () => {
  it("creates, reads with an ETag, lists newest first, plans, updates and deletes", async () => {
    const created = await api("/v1/projetos", { method: "POST", json: GLOBAL_SAAS });
    expect(created.status).toBe(201);
    const p1 = ProjetoSchema.parse(await created.json());
    expect(p1).toMatchObject({ nome: "Global SaaS", versao: 1, blueprint: GLOBAL_SAAS });
    expect(created.headers.get("Location")).toBe(`/v1/projetos/${p1.id}`);

    const second = ProjetoSchema.parse(
      await (await api("/v1/projetos", { method: "POST", json: SINGLE })).json(),
    );
    const list = ProjetosSchema.parse(await (await api("/v1/projetos")).json());
    expect(list.map((p) => p.id).slice(0, 2)).toEqual([second.id, p1.id]);

    const read = await api(`/v1/projetos/${p1.id}`);
    const etag = read.headers.get("ETag");
    expect(etag).toBeTruthy();
    expect(ProjetoSchema.parse(await read.json()).id).toBe(p1.id);

    const next = structuredClone(GLOBAL_SAAS);
    const compute = next.recursos[0];
    if (compute.tipo !== "compute") throw new Error("seed starts with a compute");
    compute.config.replicas_max = 20;
    next.recursos.push({ tipo: "archive", nome: "backups", config: {} });
    const plan = await (
      await api(`/v1/projetos/${p1.id}/plano`, { method: "POST", json: next })
    ).json();
    expect(plan).toMatchObject({
      criar: ["backups"],
      alterar: [{ nome: "app-global", campos: ["/config/replicas_max"] }],
      remover: [],
    });

    const noIfMatch = await api(`/v1/projetos/${p1.id}`, { method: "PUT", json: next });
    expect(noIfMatch.status).toBe(428);
    const stale = await api(`/v1/projetos/${p1.id}`, {
      method: "PUT",
      json: next,
      headers: { "If-Match": `"${p1.id}.v0"` },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("Content-Type")).toBe("application/problem+json");
    // A refused update changed nothing.
    const unchanged = ProjetoSchema.parse(await (await api(`/v1/projetos/${p1.id}`)).json());
    expect(unchanged.versao).toBe(1);
    expect(unchanged.blueprint).toEqual(GLOBAL_SAAS);

    const updated = await api(`/v1/projetos/${p1.id}`, {
      method: "PUT",
      json: next,
      headers: { "If-Match": etag ?? "" },
    });
    expect(updated.status).toBe(200);
    const p2 = ProjetoSchema.parse(await updated.json());
    expect(p2.versao).toBe(2);
    expect(p2.implantacao_atual).not.toBe(p1.implantacao_atual);
    // The old ETag is now stale.
    const again = await api(`/v1/projetos/${p1.id}`, {
      method: "PUT",
      json: GLOBAL_SAAS,
      headers: { "If-Match": etag ?? "" },
    });
    expect(again.status).toBe(412);

    expect((await api(`/v1/projetos/${second.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/v1/projetos/${second.id}`)).status).toBe(404);
    const after = ProjetosSchema.parse(await (await api("/v1/projetos")).json());
    expect(after.some((p) => p.id === second.id)).toBe(false);
  });

  it("provisions each resource in each region step by step until the project is active", async () => {
    const p = ProjetoSchema.parse(
      await (await api("/v1/projetos", { method: "POST", json: GLOBAL_SAAS })).json(),
    );
    expect(p.status).toBe("implantando");
    const first = ImplantacaoSchema.parse(
      await (await api(`/v1/projetos/${p.id}/implantacoes/${p.implantacao_atual}`)).json(),
    );
    expect(first.passos).toHaveLength(4 * 3);
    const done = await waitFor(async () => {
      const d = ImplantacaoSchema.parse(
        await (await api(`/v1/projetos/${p.id}/implantacoes/${p.implantacao_atual}`)).json(),
      );
      return d.status === "pronto" ? d : undefined;
    });
    expect(done.passos.every((s) => s.status === "pronto")).toBe(true);
    expect(done.concluida_em).not.toBeNull();
    const active = ProjetoSchema.parse(await (await api(`/v1/projetos/${p.id}`)).json());
    expect(active.status).toBe("ativo");
    const events = (await (await api(`/v1/projetos/${p.id}/eventos`)).json()) as {
      dados: Record<string, unknown>;
    }[];
    const statuses = events.map((e) => e.dados.status);
    expect(statuses.filter((s) => s === "provisionando")).toHaveLength(12);
    expect(statuses.filter((s) => s === "pronto")).toHaveLength(13);
  });
});

describe("idempotency", () => {
  it("replays the first answer for the same key and body and creates nothing new", async () => {
    const before = ProjetosSchema.parse(await (await api("/v1/projetos")).json()).length;
    const headers = { "Idempotency-Key": "replay-1" };
    const a = await api("/v1/projetos", { method: "POST", json: SINGLE, headers });
    const b = await api("/v1/projetos", { method: "POST", json: SINGLE, headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await b.json()).id).toBe((await a.json()).id);
    const after = ProjetosSchema.parse(await (await api("/v1/projetos")).json()).length;
    expect(after).toBe(before + 1);
  });

  it("refuses the same key with another body with 422", async () => {
    const headers = { "Idempotency-Key": "conflict-1" };
    expect((await api("/v1/projetos", { method: "POST", json: SINGLE, headers })).status).toBe(201);
    const other = await api("/v1/projetos", { method: "POST", json: GLOBAL_SAAS, headers });
    expect(other.status).toBe(422);
    expect((await other.json()).title).toMatch(/Idempotency-Key/);
  });
});

describe("tenants and auth", () => {
  it("answers 401 without a token or with an unknown one", async () => {
    const none = await client(emu.url, "")("/v1/projetos");
    expect(none.status).toBe(401);
    expect(none.headers.get("Content-Type")).toBe("application/problem+json");
    expect((await client(emu.url, "nope")("/v1/conta")).status).toBe(401);
  });

  it("hides another organization's projects (404) and lists only one's own", async () => {
    const mine = ProjetoSchema.parse(
      await (await api("/v1/projetos", { method: "POST", json: SINGLE })).json(),
    );
    const acme = client(emu.url, "business");
    expect(await (await acme("/v1/conta")).json()).toEqual({
      organizacao: "acme",
      papel: "cliente",
      plano: "business",
    });
    expect((await acme(`/v1/projetos/${mine.id}`)).status).toBe(404);
    expect((await acme(`/v1/projetos/${mine.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await acme(`/v1/projetos/${mine.id}/eventos`)).status).toBe(404);
    expect((await acme(`/v1/projetos/${mine.id}/estado`)).status).toBe(404);
    const theirs = ProjetosSchema.parse(await (await acme("/v1/projetos")).json());
    expect(theirs.some((p) => p.id === mine.id)).toBe(false);
  });
});

describe("bad input", () => {
  it("answers 413 for a body over 1 MB", async () => {
    const big = JSON.stringify({ ...GLOBAL_SAAS, diagrama: { pad: "x".repeat(1_100_000) } });
    const r = await api("/v1/blueprints/validar", {
      method: "POST",
      body: big,
      headers: JSON_TYPE,
    });
    expect(r.status).toBe(413);
  });

  it("answers 400 with where the JSON breaks", async () => {
    const r = await api("/v1/projetos", {
      method: "POST",
      body: '{"nome": "x",,}',
      headers: JSON_TYPE,
    });
    expect(r.status).toBe(400);
    expect((await r.json()).detail).toMatch(/line 1, column 14/);
  });

  it("answers 422 with a pointer to each field at fault and creates nothing", async () => {
    const before = ProjetosSchema.parse(await (await api("/v1/projetos")).json()).length;
    const bad = structuredClone(GLOBAL_SAAS) as unknown as {
      recursos: { config: Record<string, unknown> }[];
    };
    bad.recursos[0].config.replicas_min = 50;
    bad.recursos[0].config.porta = 0;
    const r = await api("/v1/projetos", { method: "POST", json: bad });
    expect(r.status).toBe(422);
    const body = await r.json();
    const pointers = body.problemas.map((f: { ponteiro: string }) => f.ponteiro);
    expect(pointers).toContain("/recursos/0/config/porta");
    expect(pointers).toContain("/recursos/0/config/replicas_min");
    const after = ProjetosSchema.parse(await (await api("/v1/projetos")).json()).length;
    expect(after).toBe(before);
  });

  it("answers 403 plano-insuficiente when only the plan stands in the way", async () => {
    const r = await client(emu.url, "starter")("/v1/projetos", {
      method: "POST",
      json: GLOBAL_SAAS,
    });
    expect(r.status).toBe(403);
    expect((await r.json()).problemas[0].codigo).toBe("plano-insuficiente");
  });

  it("validates with the account's plan without creating anything", async () => {
    const ok = await (
      await api("/v1/blueprints/validar", { method: "POST", json: GLOBAL_SAAS })
    ).json();
    expect(ok).toEqual({ valido: true, problemas: [] });
    const starter = await (
      await client(emu.url, "starter")("/v1/blueprints/validar", {
        method: "POST",
        json: GLOBAL_SAAS,
      })
    ).json();
    expect(starter.valido).toBe(false);
  });
});

describe("events over SSE", () => {
  it("streams events and resumes after Last-Event-ID", async () => {
    const p = ProjetoSchema.parse(
      await (await api("/v1/projetos", { method: "POST", json: SINGLE })).json(),
    );
    await waitFor(async () => {
      const d = await (
        await api(`/v1/projetos/${p.id}/implantacoes/${p.implantacao_atual}`)
      ).json();
      return d.status === "pronto" ? true : undefined;
    });
    const all = (await (await api(`/v1/projetos/${p.id}/eventos`)).json()) as { id: string }[];
    const resumeFrom = all[4].id;
    const controller = new AbortController();
    const stream = await api(`/v1/projetos/${p.id}/eventos`, {
      headers: { Accept: "text/event-stream", "Last-Event-ID": resumeFrom },
      signal: controller.signal,
    });
    expect(stream.headers.get("Content-Type")).toMatch(/text\/event-stream/);
    const reader = stream.body?.getReader();
    if (!reader) throw new Error("no body");
    let text = "";
    const decoder = new TextDecoder();
    const idsIn = () => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => m[1]);
    while (idsIn().length < all.length - 5) text += decoder.decode((await reader.read()).value);
    expect(idsIn()).toEqual(all.slice(5).map((e) => e.id));

    // A change made now arrives live on the open stream.
    const etag = (await api(`/v1/projetos/${p.id}`)).headers.get("ETag") ?? "";
    const next = structuredClone(SINGLE);
    next.nome = "Renamed";
    const put = await api(`/v1/projetos/${p.id}`, {
      method: "PUT",
      json: next,
      headers: { "If-Match": etag },
    });
    expect(put.status).toBe(200);
    while (idsIn().length === all.length - 5) text += decoder.decode((await reader.read()).value);
    expect(Number(idsIn().at(-1))).toBeGreaterThan(Number(all.at(-1)?.id));
    controller.abort();
  });
});

describe("optimiser", () => {
  it("finds the seed's cheapest compliant design at $709.10 and says the seed misses its policy", async () => {
    const r = await api("/v1/blueprints/otimizar", {
      method: "POST",
      json: { blueprint: GLOBAL_SAAS },
    });
    expect(r.status).toBe(200);
    const o = OtimizacaoSchema.parse(await r.json());
    // The dev token's plan is enterprise; the answer is the model's, figure for figure.
    expect(o).toEqual(optimize(GLOBAL_SAAS, { plano: "enterprise" }));
    expect(o.atual.atende).toBe(false);
    expect(o.opcoes[0]).toMatchObject({ objetivo: "menor-custo" });
    expect(o.opcoes[0].avaliacao.custo_mensal_usd.max).toBe(709.1);
  });

  it("agrees with the CLI's model for every template on its own plan, and takes a plan given", async () => {
    for (const t of TEMPLATES) {
      const r = await api("/v1/blueprints/otimizar", {
        method: "POST",
        json: { blueprint: t.blueprint, plano: t.plano },
      });
      expect(await r.json(), t.id).toEqual(optimize(t.blueprint, { plano: t.plano }));
    }
  });

  it("uses the token's plan when none is given: starter has no multi-region candidates", async () => {
    const starter = client(emu.url, "starter");
    const o = OtimizacaoSchema.parse(
      await (
        await starter("/v1/blueprints/otimizar", {
          method: "POST",
          json: { blueprint: GLOBAL_SAAS },
        })
      ).json(),
    );
    expect(o).toEqual(optimize(GLOBAL_SAAS, { plano: "starter" }));
    for (const op of o.opcoes)
      expect((op.blueprint as { regioes?: string[] }).regioes).toHaveLength(1);
  });

  it("refuses a body that is not { blueprint, plano? } and a blueprint of the wrong shape, with 422", async () => {
    for (const json of [
      GLOBAL_SAAS,
      { blueprint: GLOBAL_SAAS, plano: "gold" },
      { plano: "business" },
    ]) {
      const r = await api("/v1/blueprints/otimizar", { method: "POST", json });
      expect(r.status).toBe(422);
      expect((await r.json()).problemas.length).toBeGreaterThan(0);
    }
    const r = await api("/v1/blueprints/otimizar", {
      method: "POST",
      json: { blueprint: { ...GLOBAL_SAAS, recursos: "none" } },
    });
    expect(r.status).toBe(422);
    expect((await r.json()).type).toBe("https://tesserra.dev/problemas/blueprint-invalido");
  });
});

describe("assessment", () => {
  it("assesses the seed's Global SaaS to the contract's figures, creating nothing", async () => {
    const before = ProjetosSchema.parse(await (await api("/v1/projetos")).json()).length;
    const r = await api("/v1/blueprints/avaliar", { method: "POST", json: GLOBAL_SAAS });
    expect(r.status).toBe(200);
    const a = AvaliacaoSchema.parse(await r.json());
    expect(a.disponibilidade_estimada_pct.toFixed(4)).toBe("99.9900");
    expect(
      a.cenarios.filter((c) => c.tipo === "perda-regiao").map((c) => [c.regiao, c.rto_s, c.rpo_s]),
    ).toEqual([
      ["sa-east-1", 36, 2.5],
      ["us-east-1", 32, 0],
      ["eu-central-1", 32, 0],
    ]);
    expect([a.custo_mensal_usd.min, a.custo_mensal_usd.max]).toEqual([597.9, 858]);
    expect(ProjetosSchema.parse(await (await api("/v1/projetos")).json())).toHaveLength(before);
  });

  it("agrees with the model the console and the CLI run, for every template", async () => {
    for (const t of TEMPLATES) {
      const r = await api("/v1/blueprints/avaliar", { method: "POST", json: t.blueprint });
      expect(await r.json(), t.id).toEqual(assess(normalizeBlueprint(t.blueprint)));
    }
  });

  it("refuses a blueprint with errors with 422 and its findings", async () => {
    const r = await api("/v1/blueprints/avaliar", {
      method: "POST",
      json: { ...GLOBAL_SAAS, regioes: ["sa-east-1"] },
    });
    expect(r.status).toBe(422);
    expect((await r.json()).problemas[0]).toMatchObject({ codigo: "regioes-insuficientes" });
  });

  it("puts the assessment before and after the change in a plan", async () => {
    const p = ProjetoSchema.parse(
      await (await api("/v1/projetos", { method: "POST", json: GLOBAL_SAAS })).json(),
    );
    const next = structuredClone(GLOBAL_SAAS);
    const compute = next.recursos[0];
    if (compute.tipo !== "compute") throw new Error("seed starts with a compute");
    compute.config.replicas_min = 6;
    const plan = await (
      await api(`/v1/projetos/${p.id}/plano`, { method: "POST", json: next })
    ).json();
    expect(plan.avaliacao.antes).toEqual(assess(normalizeBlueprint(GLOBAL_SAAS)));
    expect(plan.avaliacao.depois).toEqual(assess(normalizeBlueprint(next)));
    expect(plan.avaliacao.depois.custo_mensal_usd.min).toBeGreaterThan(
      plan.avaliacao.antes.custo_mensal_usd.min,
    );
  });
});

describe("OpenAPI", () => {
  it("serves an OpenAPI 3.1 document that passes the Redocly linter", async () => {
    const r = await fetch(`${emu.url}/v1/openapi.json`);
    expect(r.status).toBe(200);
    const source = await r.text();
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source, absoluteRef: "openapi.json", config });
    const errors = problems.filter((p) => p.severity === "error");
    expect(errors.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
    expect(JSON.parse(source).openapi).toBe("3.1.0");
  });
});

describe("durability", () => {
  it("keeps every project, deployment and event after kill -9 and a restart", async () => {
    const dataDir = freshDataDir();
    const first = await startEmulator({ dataDir, clock: 600 });
    const c1 = client(first.url);
    const ids: string[] = [];
    for (const bp of [GLOBAL_SAAS, SINGLE]) {
      const p = ProjetoSchema.parse(
        await (await c1("/v1/projetos", { method: "POST", json: bp })).json(),
      );
      ids.push(p.id);
    }
    const before = await Promise.all(
      ids.map(async (id) => (await c1(`/v1/projetos/${id}`)).json()),
    );
    await first.stop("SIGKILL");

    const second = await startEmulator({ dataDir, clock: 600 });
    try {
      const c2 = client(second.url);
      const after = await Promise.all(
        ids.map(async (id) => (await c2(`/v1/projetos/${id}`)).json()),
      );
      for (let i = 0; i < ids.length; i++) {
        expect({ ...after[i], status: undefined }).toEqual({ ...before[i], status: undefined });
        // The deployment killed mid-way resumes, and its events all arrive once.
        const done = await waitFor(async () => {
          const d = await (
            await c2(`/v1/projetos/${ids[i]}/implantacoes/${after[i].implantacao_atual}`)
          ).json();
          return d.status === "pronto" ? d : undefined;
        });
        expect(done.passos.length).toBeGreaterThan(0);
        const events = await waitFor(async () => {
          const list = (await (await c2(`/v1/projetos/${ids[i]}/eventos`)).json()) as {
            dados: { status?: string; recurso?: string };
          }[];
          return list.some((e) => e.dados.status === "pronto" && !e.dados.recurso)
            ? list
            : undefined;
        });
        const keys = events.map((e) => JSON.stringify(e.dados));
        expect(new Set(keys).size).toBe(keys.length);
        expect(events).toHaveLength(done.passos.length * 2 + 1);
      }
    } finally {
      await second.stop();
    }
  }, 60_000);

  it("never half-writes: killed mid-burst, every acknowledged project is whole after restart", async () => {
    const dataDir = freshDataDir();
    const first = await startEmulator({ dataDir, clock: 600 });
    const c1 = client(first.url);
    const acknowledged: string[] = [];
    let sent = 0;
    // Eight clients create projects back to back until the process dies under them. Only the
    // connection dying ends a client (fetch's TypeError); an answer that breaks the contract,
    // or anything but 201, fails the test.
    const worker = async () => {
      for (;;) {
        const nome = `burst ${sent++}`;
        let id: string;
        try {
          const r = await c1("/v1/projetos", { method: "POST", json: { ...SINGLE, nome } });
          expect(r.status).toBe(201);
          id = ProjetoSchema.parse(await r.json()).id;
        } catch (err) {
          if (err instanceof TypeError) return;
          throw err;
        }
        acknowledged.push(id);
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    // The kill lands mid-burst: after a number of writes were acknowledged, with more in flight.
    await waitFor(async () => (acknowledged.length >= 20 ? true : undefined), 30_000);
    await first.stop("SIGKILL");
    await Promise.all(workers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    expect(sent).toBeGreaterThan(acknowledged.length);

    const second = await startEmulator({ dataDir, clock: 600 });
    try {
      const c2 = client(second.url);
      const list = ProjetosSchema.parse(await (await c2("/v1/projetos")).json());
      const ids = new Set(list.map((p) => p.id));
      for (const id of acknowledged) expect(ids.has(id)).toBe(true);
      for (const p of list) {
        const d = await c2(`/v1/projetos/${p.id}/implantacoes/${p.implantacao_atual}`);
        expect(d.status).toBe(200);
        expect(ImplantacaoSchema.parse(await d.json()).passos).toHaveLength(SINGLE.recursos.length);
      }
    } finally {
      await second.stop();
    }
  }, 60_000);
});

describe("conformance", () => {
  it("checked every answer above against the served OpenAPI document", () => {
    expect(checked.conformance.checked).toBeGreaterThan(50);
  });
});

describe("the caller's language (Accept-Language)", () => {
  const pt = { "Accept-Language": "pt-BR,pt;q=0.9,en;q=0.5" };

  it("words findings and problem details in Portuguese when asked, codes unchanged", async () => {
    const bad = { ...GLOBAL_SAAS, regioes: ["sa-east-1"] };
    const r = await api("/v1/blueprints/validar", { method: "POST", json: bad, headers: pt });
    const body = (await r.json()) as { problemas: { codigo: string; mensagem: string }[] };
    const f = body.problemas.find((p) => p.codigo === "regioes-insuficientes");
    expect(f?.mensagem).toMatch(/^Um blueprint multirregião \(`multi-regiao`\) precisa de/);

    const missing = await api("/v1/projetos/pr_nope", { headers: pt });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Vary")).toMatch(/Accept-Language/);
    expect(await missing.json()).toMatchObject({
      title: "Projeto não encontrado",
      detail: "Nenhum projeto pr_nope na sua organização.",
    });
  });

  it("answers in English by default and for languages it does not speak", async () => {
    for (const headers of [{}, { "Accept-Language": "fr-FR,de;q=0.8" }] as Record<
      string,
      string
    >[]) {
      const missing = await api("/v1/projetos/pr_nope", { headers });
      expect(((await missing.json()) as { title: string }).title).toBe("Project not found");
    }
  });
});
