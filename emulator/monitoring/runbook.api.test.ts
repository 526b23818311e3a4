/**
 * Runbooks, zone drills, safety rules and practice (contract §6) over real HTTP against the
 * emulator process. The clock runs at 20,000×: a 60 s drill lasts 3 ms and a simulated day
 * 4.3 s, so evidence can expire within a test. Every answer is checked against the served
 * OpenAPI document.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Blueprint, GLOBAL_SAAS, SINGLE_REGION_WEB } from "../../src/blueprint";
import { type Runbook, RunbookSchema } from "../../src/blueprint/runbook/shape";
import { TesteFailoverSchema } from "../../src/contract/monitoring";
import { conformingFetch } from "../testing/conformance";
import { type RunningEmulator, startEmulator } from "../testing/process";

const CLOCK = 20_000;
let emu: RunningEmulator;
let checked: Awaited<ReturnType<typeof conformingFetch>>;

beforeAll(async () => {
  emu = await startEmulator({ clock: CLOCK });
  checked = await conformingFetch(emu.url);
}, 40_000);
afterAll(async () => {
  expect(checked.conformance.checked).toBeGreaterThan(0);
  await emu?.stop();
});

function api(path: string, init: RequestInit & { json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  headers.set("Authorization", "Bearer dev");
  if (init.json !== undefined) headers.set("Content-Type", "application/json");
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
  return checked.fetch(`${emu.url}${path}`, { ...init, headers, body });
}

const until = async <T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000) => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

async function deploy(bp: Blueprint): Promise<{ id: string; etag: string }> {
  const r = await api("/v1/projetos", { method: "POST", json: bp });
  expect(r.status).toBe(201);
  const { id } = await r.json();
  return until("the deployment", async () => {
    const p = await api(`/v1/projetos/${id}`);
    const body = await p.json();
    return body.status === "ativo" ? { id, etag: p.headers.get("ETag") ?? "" } : undefined;
  });
}

async function runbook(id: string): Promise<Runbook> {
  const r = await api(`/v1/projetos/${id}/runbook`);
  expect(r.status).toBe(200);
  return RunbookSchema.parse(await r.json());
}

const statuses = (rb: Runbook) => Object.fromEntries(rb.cenarios.map((c) => [c.id, c.status]));

async function drill(id: string, body: { regiao: string; zona?: string }) {
  const r = await api(`/v1/projetos/${id}/testes-failover`, {
    method: "POST",
    json: { ...body, duracao_s: 60 },
  });
  expect(r.status).toBe(202);
  const { id: tid } = TesteFailoverSchema.parse(await r.json());
  return until("the drill's end", async () => {
    const report = TesteFailoverSchema.parse(
      await (await api(`/v1/projetos/${id}/testes-failover/${tid}`)).json(),
    );
    // Finished, and past the health check that brings the target back (it holds the project).
    if (report.status !== "concluido") return undefined;
    await new Promise((r) => setTimeout(r, 5));
    return report;
  });
}

function withHealthCheck(bp: Blueprint, intervalo_s: number): Blueprint {
  return {
    ...bp,
    recursos: bp.recursos.map((r) =>
      r.tipo === "gateway"
        ? { ...r, config: { ...r.config, health_check: { intervalo_s, falhas_para_failover: 3 } } }
        : r,
    ),
  };
}

describe("the runbook of a project", () => {
  it("lists the same scenarios, steps and estimates as the CLI's runbook of the blueprint", async () => {
    const { id } = await deploy(GLOBAL_SAAS);
    const rb = await runbook(id);
    expect(rb).toMatchObject({ projeto: id, nome: "Global SaaS", versao: 1, testado: false });
    expect(Object.values(statuses(rb))).toEqual(Array(6).fill("nunca-testado"));
    const dir = mkdtempSync(join(tmpdir(), "runbook-cli-"));
    const file = join(dir, "global-saas.json");
    writeFileSync(file, JSON.stringify(GLOBAL_SAAS));
    const cli = spawnSync(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "../../cli/blueprint.ts"), "runbook", file],
      { encoding: "utf8" },
    );
    expect(cli.status).toBe(0);
    const md = await api(`/v1/projetos/${id}/runbook`, { headers: { Accept: "text/markdown" } });
    expect(md.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    // Everything from the verdict on is the same document; only the header lines differ.
    const body = (text: string) => text.slice(text.indexOf("**Not BCDR-ready")).trimEnd();
    expect(body(await md.text())).toBe(body(cli.stdout));
  });

  it("speaks the request's language, in JSON and in Markdown", async () => {
    const { id } = await deploy(GLOBAL_SAAS);
    const headers = { "Accept-Language": "pt-BR" };
    const rb = RunbookSchema.parse(
      await (await api(`/v1/projetos/${id}/runbook`, { headers })).json(),
    );
    expect(rb.cenarios[0].passos[3].descricao).toBe(
      "Confira os painéis de SLO, o orçamento de erro gasto e o atraso de replicação.",
    );
    const md = await (
      await api(`/v1/projetos/${id}/runbook`, {
        headers: { ...headers, Accept: "text/markdown" },
      })
    ).text();
    expect(md).toContain("| Perda da região São Paulo | nunca testado | 36 s | 2,5 s | — |");
  });

  it("says sem-failover for a loss nothing takes over from", async () => {
    const { id } = await deploy(SINGLE_REGION_WEB);
    const rb = await runbook(id);
    expect(statuses(rb)).toEqual({
      "perda-regiao:sa-east-1": "sem-failover",
      "perda-zona:sa-east-1a": "nunca-testado",
    });
    expect(rb.cenarios[0].passos).toEqual([]);
  });

  it("moves a scenario from testado to desatualizado when a change moves its estimate, not when a layout change does", async () => {
    const { id, etag } = await deploy(GLOBAL_SAAS);
    const report = await drill(id, { regiao: "us-east-1" });
    expect(report).toMatchObject({ cenario: "perda-regiao:us-east-1", zona: null, versao: 1 });
    let rb = await runbook(id);
    expect(statuses(rb)["perda-regiao:us-east-1"]).toBe("testado");
    expect(rb.cenarios[1].teste).toMatchObject({ id: report.id, versao: 1, rto_s: 32 });
    // Boxes moved and the project renamed: same promises, same evidence.
    const moved = {
      ...GLOBAL_SAAS,
      nome: "Global SaaS (renamed)",
      diagrama: { posicoes: { "app-global": { x: 10, y: 20 } } },
    };
    const put = await api(`/v1/projetos/${id}`, {
      method: "PUT",
      headers: { "If-Match": etag },
      json: moved,
    });
    expect(put.status).toBe(200);
    await until("the new version", async () =>
      (await (await api(`/v1/projetos/${id}`)).json()).status === "ativo" ? true : undefined,
    );
    rb = await runbook(id);
    expect(statuses(rb)["perda-regiao:us-east-1"]).toBe("testado");
    // Health checks every 5 s: every surviving estimate moves.
    const faster = await api(`/v1/projetos/${id}`, {
      method: "PUT",
      headers: { "If-Match": put.headers.get("ETag") ?? "" },
      json: withHealthCheck(moved, 5),
    });
    expect(faster.status).toBe(200);
    rb = await runbook(id);
    expect(statuses(rb)["perda-regiao:us-east-1"]).toBe("desatualizado");
    expect(rb.cenarios[1].estimado).toEqual({ rto_s: 17, rpo_s: 0 });
    expect(rb.cenarios[1].teste?.estimado).toEqual({ rto_s: 32, rpo_s: 0 });
  });

  it("says reprovado when the drill measured more than the policy allows", async () => {
    const { id } = await deploy({ ...GLOBAL_SAAS, politica: { rto_s: 33 } });
    const report = await drill(id, { regiao: "sa-east-1" });
    expect(report.rto_s).toBe(36);
    expect(statuses(await runbook(id))["perda-regiao:sa-east-1"]).toBe("reprovado");
  });

  it("says vencido once the evidence is older than validade_teste_dias, in simulated days", async () => {
    const { id } = await deploy({ ...GLOBAL_SAAS, politica: { validade_teste_dias: 1 } });
    await drill(id, { regiao: "eu-central-1" });
    expect(statuses(await runbook(id))["perda-regiao:eu-central-1"]).toBe("testado");
    // One simulated day is 86,400 / 20,000 = 4.3 wall seconds.
    await until(
      "the evidence to expire",
      async () =>
        statuses(await runbook(id))["perda-regiao:eu-central-1"] === "vencido" ? true : undefined,
      15_000,
    );
  }, 30_000);
});

describe("zone drills", () => {
  it("measure RTO within one simulated second of the estimate, RPO never above it", async () => {
    const { id } = await deploy(SINGLE_REGION_WEB);
    for (const zona of ["sa-east-1a", "sa-east-1b", "sa-east-1c"]) {
      const report = await drill(id, { regiao: "sa-east-1", zona });
      expect(report.zona).toBe(zona);
      expect(report.cenario).toBe(`perda-zona:${zona}`);
      expect(Math.abs((report.rto_s ?? -99) - (report.estimado.rto_s ?? 99))).toBeLessThanOrEqual(
        1,
      );
      expect(report.rpo_s).toBeLessThanOrEqual(report.estimado.rpo_s ?? 0);
    }
    // Only the zone-a drill is evidence for the runbook's zone scenario.
    expect(statuses(await runbook(id))["perda-zona:sa-east-1a"]).toBe("testado");
  });

  it("answer 422 for a zone that is not the region's", async () => {
    const { id } = await deploy(GLOBAL_SAAS);
    const r = await api(`/v1/projetos/${id}/testes-failover`, {
      method: "POST",
      json: { regiao: "sa-east-1", zona: "sa-east-1d", duracao_s: 60 },
    });
    expect(r.status).toBe(422);
  });
});

describe("safety rules", () => {
  const drillsAndEvents = async (id: string) => ({
    drills: (await (await api(`/v1/projetos/${id}/testes-failover`)).json()).length,
    events: (await (await api(`/v1/projetos/${id}/eventos`)).json()).length,
  });
  const refused = async (id: string, body: Record<string, unknown>, codigo: string) => {
    const before = await drillsAndEvents(id);
    const r = await api(`/v1/projetos/${id}/testes-failover`, {
      method: "POST",
      json: { duracao_s: 60, ...body },
    });
    expect(r.status).toBe(409);
    expect(r.headers.get("Content-Type")).toBe("application/problem+json");
    expect((await r.json()).type).toBe(`https://tesserra.dev/problemas/${codigo}`);
    expect(await drillsAndEvents(id)).toEqual(before);
  };

  it("refuses a drill on a project that is not active", async () => {
    // At 20,000× a deployment is over within milliseconds: at 1× one lasts long enough.
    const slow = await startEmulator({ clock: 1 });
    try {
      const r = await fetch(`${slow.url}/v1/projetos`, {
        method: "POST",
        headers: { Authorization: "Bearer dev", "Content-Type": "application/json" },
        body: JSON.stringify(GLOBAL_SAAS),
      });
      const project = await r.json();
      const before = await (
        await fetch(`${slow.url}/v1/projetos/${project.id}/eventos`, {
          headers: { Authorization: "Bearer dev" },
        })
      ).json();
      const refusal = await fetch(`${slow.url}/v1/projetos/${project.id}/testes-failover`, {
        method: "POST",
        headers: { Authorization: "Bearer dev", "Content-Type": "application/json" },
        body: JSON.stringify({ regiao: "us-east-1", duracao_s: 60 }),
      });
      expect(refusal.status).toBe(409);
      expect((await refusal.json()).type).toBe("https://tesserra.dev/problemas/projeto-nao-ativo");
      const listed = await fetch(`${slow.url}/v1/projetos/${project.id}/testes-failover`, {
        headers: { Authorization: "Bearer dev" },
      });
      expect(await listed.json()).toEqual([]);
      const after = await (
        await fetch(`${slow.url}/v1/projetos/${project.id}/eventos`, {
          headers: { Authorization: "Bearer dev" },
        })
      ).json();
      expect(after.filter((e: { tipo: string }) => e.tipo === "teste-failover")).toEqual([]);
      expect(after.length).toBeGreaterThanOrEqual(before.length);
    } finally {
      await slow.stop();
    }
  }, 40_000);

  it("refuses a second drill while one is under way, and any drill during a practice", async () => {
    // The longest drill (3,600 s) lasts 180 ms at 20,000×, too short for the refusals to surely
    // land inside it on a busy machine: this test has an emulator at 1,000× (3.6 s).
    const fast = emu;
    emu = await startEmulator({ clock: 1_000 });
    try {
      const { id } = await deploy(GLOBAL_SAAS);
      const first = await api(`/v1/projetos/${id}/testes-failover`, {
        method: "POST",
        json: { regiao: "us-east-1", duracao_s: 3_600 },
      });
      expect(first.status).toBe(202);
      await refused(id, { regiao: "eu-central-1" }, "teste-em-andamento");
      const practice = await api(`/v1/projetos/${id}/runbook/praticar`, { method: "POST" });
      expect(practice.status).toBe(409);
      expect((await practice.json()).type).toBe(
        "https://tesserra.dev/problemas/teste-em-andamento",
      );
    } finally {
      await emu.stop();
      emu = fast;
    }
  }, 40_000);

  it("refuses a drill that would leave no region serving", async () => {
    const { id } = await deploy(SINGLE_REGION_WEB);
    await refused(id, { regiao: "sa-east-1" }, "teste-inseguro");
  });
});

describe("practice", () => {
  it("drills every untested surviving scenario one at a time until the runbook is testado", async () => {
    const { id } = await deploy(GLOBAL_SAAS);
    await drill(id, { regiao: "us-east-1" });
    const r = await api(`/v1/projetos/${id}/runbook/praticar`, { method: "POST" });
    expect(r.status).toBe(202);
    const { cenarios } = await r.json();
    expect(cenarios).toEqual([
      "perda-regiao:sa-east-1",
      "perda-regiao:eu-central-1",
      "perda-zona:sa-east-1a",
      "perda-zona:us-east-1a",
      "perda-zona:eu-central-1a",
    ]);
    const again = await api(`/v1/projetos/${id}/runbook/praticar`, { method: "POST" });
    expect(again.status).toBe(409);
    const rb = await until("the practice", async () => {
      const now = await runbook(id);
      return now.testado ? now : undefined;
    });
    expect(Object.values(statuses(rb))).toEqual(Array(6).fill("testado"));
    // The event stream says when the practice and each of its drills started and ended.
    const events = (await (await api(`/v1/projetos/${id}/eventos`)).json()) as {
      tipo: string;
      dados: { fase: string; cenario?: string; pratica?: string };
    }[];
    const practice = events.filter((e) => e.tipo === "teste-failover" && e.dados.pratica);
    const fases = practice.map(
      (e) => `${e.dados.fase}${e.dados.cenario ? ` ${e.dados.cenario}` : ""}`,
    );
    expect(fases).toEqual([
      "pratica-inicio",
      ...cenarios.flatMap((c: string) => [`inicio ${c}`, `fim ${c}`]),
      "pratica-fim",
    ]);
    // Nothing left to practise: nothing queued.
    const idle = await api(`/v1/projetos/${id}/runbook/praticar`, { method: "POST" });
    expect(await idle.json()).toEqual({ cenarios: [] });
  }, 30_000);

  it("queues only the scenarios that can fail over", async () => {
    const { id } = await deploy(SINGLE_REGION_WEB);
    const r = await api(`/v1/projetos/${id}/runbook/praticar`, { method: "POST" });
    // The region loss has no failover, so only the zone is practised.
    expect(await r.json()).toEqual({ cenarios: ["perda-zona:sa-east-1a"] });
    await until("the practice", async () =>
      (await runbook(id)).cenarios[1].status === "testado" ? true : undefined,
    );
  });
});
