import { Hono } from "hono";
import { describe, expect, it, vi } from "vitest";
import { GLOBAL_SAAS, SINGLE_REGION_WEB } from "../../src/blueprint";
import {
  EstadoSchema,
  MetricasSchema,
  SloStatusSchema,
  TesteFailoverSchema,
} from "../../src/contract/monitoring";
import { type DrillInput, ProjectSim } from "./model";
import {
  type EventoTipo,
  type MonitoredProject,
  type MonitoringStore,
  monitoringRoutes,
  type Practice,
} from "./routes";

/** The store contract in memory; the emulator's SQLite store implements the same interface. */
class MemoryStore implements MonitoringStore {
  projects = new Map<string, { organizacao: string; project: MonitoredProject }>();
  drillsOf = new Map<string, DrillInput[]>();
  events: {
    projectId: string;
    key: string;
    tipo: EventoTipo;
    dados: Record<string, unknown>;
    em: number;
  }[] = [];
  project(organizacao: string, id: string) {
    const p = this.projects.get(id);
    return p && p.organizacao === organizacao ? p.project : undefined;
  }
  drills(projectId: string) {
    return this.drillsOf.get(projectId) ?? [];
  }
  practices: Practice[] = [];
  closed = new Set<string>();
  insertDrill(
    projectId: string,
    drill: DrillInput,
    busyUntil: (d: DrillInput) => number,
    now: number,
  ) {
    const list = this.drills(projectId);
    if (list.some((d) => busyUntil(d) > now)) return false;
    const open = this.openPractice(projectId);
    if (open && open.id !== drill.pratica) return false;
    this.drillsOf.set(projectId, [...list, drill]);
    return true;
  }
  transaction<T>(fn: () => T): T {
    return fn();
  }
  openPractice(projectId: string) {
    return this.practices.find((p) => p.projeto_id === projectId && !this.closed.has(p.id));
  }
  openPractices() {
    return this.practices
      .filter((p) => !this.closed.has(p.id))
      .map((p) => ({ ...p, organizacao: this.projects.get(p.projeto_id)?.organizacao ?? "" }));
  }
  insertPractice(practice: Practice, busyUntil: (d: DrillInput) => number, now: number) {
    if (this.openPractice(practice.projeto_id)) return false;
    if (this.drills(practice.projeto_id).some((d) => busyUntil(d) > now)) return false;
    this.practices.push({ ...practice });
    return true;
  }
  advancePractice(id: string, proximo: number) {
    const p = this.practices.find((x) => x.id === id);
    if (p) p.proximo = proximo;
  }
  closePractice(id: string) {
    this.closed.add(id);
  }
  recordEvent(
    projectId: string,
    key: string,
    tipo: EventoTipo,
    dados: Record<string, unknown>,
    em: number,
  ) {
    if (this.events.some((e) => e.key === key)) return;
    this.events.push({ projectId, key, tipo, dados, em });
  }
  projectsWithDrills() {
    return [...this.drillsOf.keys()].map((id) => ({
      organizacao: this.projects.get(id)?.organizacao ?? "",
      id,
    }));
  }
  activeProjects() {
    return [...this.projects.values()]
      .filter((p) => p.project.status === "ativo")
      .map((p) => ({ organizacao: p.organizacao, id: p.project.id }));
  }
}

/** A drill on the primary's region, step by step, in the order the log records them. */
const DRILL_STEPS = [
  "regiao-indisponivel",
  "falha-detectada",
  "failover-iniciado",
  "failover-concluido",
  "regiao-restabelecida",
  "trafego-restaurado",
];

function setup(clock = 600, now?: () => number) {
  const store = new MemoryStore();
  store.projects.set("prj_1", {
    organizacao: "demo",
    project: { id: "prj_1", versao: 1, status: "ativo", blueprint: GLOBAL_SAAS },
  });
  store.projects.set("prj_single", {
    organizacao: "demo",
    project: { id: "prj_single", versao: 1, status: "ativo", blueprint: SINGLE_REGION_WEB },
  });
  const monitoring = monitoringRoutes({
    store,
    clock,
    now,
    organizacaoOf: (c) => c.req.header("x-org") ?? "",
  });
  const app = new Hono().route("/v1/projetos", monitoring.app);
  const call = (path: string, init: RequestInit = {}, org = "demo") =>
    app.request(path, {
      ...init,
      headers: { "x-org": org, "content-type": "application/json", ...init.headers },
    });
  return { store, monitoring, call };
}

describe("monitoring routes", () => {
  it("answer estado, slos and metricas in the contract's shapes", async () => {
    const { call } = setup();
    const estado = await call("/v1/projetos/prj_1/estado");
    expect(estado.status).toBe(200);
    expect(EstadoSchema.parse(await estado.json()).regioes.map((r) => r.id)).toEqual([
      "sa-east-1",
      "us-east-1",
      "eu-central-1",
    ]);
    const slos = await call("/v1/projetos/prj_1/slos");
    expect(SloStatusSchema.parse(await slos.json()).slos).toHaveLength(2);
    const de = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const m = await call(`/v1/projetos/prj_1/metricas?serie=latencia_p99&regiao=global&de=${de}`);
    const metricas = MetricasSchema.parse(await m.json());
    expect(metricas.passo).toBe(3600);
    expect(metricas.pontos.length).toBeGreaterThan(700);
  });

  it("hides another organization's project and refuses bad queries", async () => {
    const { call } = setup();
    expect((await call("/v1/projetos/prj_1/estado", {}, "acme")).status).toBe(404);
    const bad = await call("/v1/projetos/prj_1/metricas?serie=cpu");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(
      (await call("/v1/projetos/prj_1/metricas?serie=trafego&regiao=ap-northeast-1")).status,
    ).toBe(400);
  });

  it("runs a drill: 202, one at a time, events recorded as the steps happen", async () => {
    // Fake timers: the drill's steps come due only when the test moves the clock on, so the
    // second drill is refused while the first one is certainly running, whatever the machine.
    vi.useFakeTimers();
    try {
      const { call, store, monitoring } = setup(120);
      const start = await call("/v1/projetos/prj_1/testes-failover", {
        method: "POST",
        body: JSON.stringify({ regiao: "sa-east-1", duracao_s: 60 }),
      });
      expect(start.status).toBe(202);
      const drill = TesteFailoverSchema.parse(await start.json());
      expect(start.headers.get("location")).toBe(`/v1/projetos/prj_1/testes-failover/${drill.id}`);
      expect(drill.status).toBe("em-andamento");
      const again = await call("/v1/projetos/prj_1/testes-failover", {
        method: "POST",
        body: JSON.stringify({ regiao: "us-east-1", duracao_s: 60 }),
      });
      expect(again.status).toBe(409);

      // 60 s + one 10 s health-check interval at 120× is about 580 ms of the (fake) clock.
      await vi.advanceTimersByTimeAsync(400);
      const running = TesteFailoverSchema.parse(
        await (await call(`/v1/projetos/prj_1/testes-failover/${drill.id}`)).json(),
      );
      expect(running.status).toBe("em-andamento");
      await vi.advanceTimersByTimeAsync(1_000);
      const done = TesteFailoverSchema.parse(
        await (await call(`/v1/projetos/prj_1/testes-failover/${drill.id}`)).json(),
      );
      expect(done.status).toBe("concluido");
      expect(done.rto_s).toBe(36); // 3 × 10 s to detect + 6 s to promote the replica
      expect(store.events.map((e) => e.key)).toEqual(DRILL_STEPS.map((k) => `${drill.id}:${k}`));
      expect(store.events.find((e) => e.tipo === "failover-fim")?.dados).toMatchObject({
        regiao: "sa-east-1",
        destino: "us-east-1",
        primario: "us-east-1",
        rto_s: 36,
      });
      const list = await (await call("/v1/projetos/prj_1/testes-failover")).json();
      expect(list).toHaveLength(1);
      monitoring.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it("records steps due at the same moment in the drill's order, even when the clock ticks between timers", async () => {
    vi.useFakeTimers();
    try {
      // A clock that moves on each time it is read, as a busy machine's does between two
      // setTimeout calls: the failover starts at the moment its failure is detected.
      let reads = 0;
      const { call, store, monitoring } = setup(600, () => Date.now() + reads++);
      const start = await call("/v1/projetos/prj_1/testes-failover", {
        method: "POST",
        body: JSON.stringify({ regiao: "sa-east-1", duracao_s: 60 }),
      });
      expect(start.status).toBe(202);
      const { id } = TesteFailoverSchema.parse(await start.json());
      await vi.advanceTimersByTimeAsync(2_000);
      expect(store.events.map((e) => e.key)).toEqual(DRILL_STEPS.map((k) => `${id}:${k}`));
      monitoring.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it("a drill away from the primary still starts and ends one failover, naming both regions", async () => {
    const { call, store, monitoring } = setup(600);
    const start = await call("/v1/projetos/prj_1/testes-failover", {
      method: "POST",
      body: JSON.stringify({ regiao: "eu-central-1", duracao_s: 60 }),
    });
    expect(start.status).toBe(202);
    // At 600× the drill's steps come due within ~120 ms; wait for the last one (a loaded
    // machine may run the timers late).
    await vi.waitFor(
      () => expect(store.events.some((e) => e.key.endsWith(":trafego-restaurado"))).toBe(true),
      { timeout: 20_000, interval: 50 },
    );
    const failovers = store.events.filter((e) => e.tipo.startsWith("failover"));
    expect(failovers.map((e) => [e.tipo, e.dados.regiao, e.dados.destino])).toEqual([
      ["failover-inicio", "eu-central-1", "us-east-1"],
      ["failover-fim", "eu-central-1", "us-east-1"],
    ]);
    // No datastore primary was lost: the end comes when the gateway has moved the traffic.
    expect(failovers[1].dados).toMatchObject({ rto_s: 32, rpo_s: 0 });
    monitoring.stop();
  });

  it("refuses drills that cannot run, by the safety rules in their order, starting nothing", async () => {
    const { call, store } = setup();
    const post = (id: string, body: unknown) =>
      call(`/v1/projetos/${id}/testes-failover`, { method: "POST", body: JSON.stringify(body) });
    const refusal = async (r: Response) => ({
      status: r.status,
      type: ((await r.json()) as { type: string }).type,
    });
    expect((await post("prj_1", { regiao: "ap-northeast-1", duracao_s: 60 })).status).toBe(422);
    expect((await post("prj_1", { regiao: "sa-east-1", duracao_s: 5 })).status).toBe(422);
    expect(
      (await post("prj_1", { regiao: "sa-east-1", zona: "us-east-1a", duracao_s: 60 })).status,
    ).toBe(422);
    // One region: taking it (or a zone that takes it out) down leaves nothing serving.
    expect(await refusal(await post("prj_single", { regiao: "sa-east-1", duracao_s: 60 }))).toEqual(
      { status: 409, type: "https://tesserra.dev/problemas/teste-inseguro" },
    );
    store.projects.set("prj_zonal", {
      organizacao: "demo",
      project: {
        id: "prj_zonal",
        versao: 1,
        status: "ativo",
        blueprint: {
          ...SINGLE_REGION_WEB,
          resiliencia: "zona-unica",
          recursos: SINGLE_REGION_WEB.recursos.map((r) =>
            r.tipo === "datastore" ? { ...r, config: { ...r.config, ha: false } } : r,
          ),
        },
      },
    });
    expect(
      await refusal(
        await post("prj_zonal", { regiao: "sa-east-1", zona: "sa-east-1a", duracao_s: 60 }),
      ),
    ).toEqual({ status: 409, type: "https://tesserra.dev/problemas/teste-inseguro" });
    expect(store.drills("prj_single")).toEqual([]);
    expect(store.drills("prj_zonal")).toEqual([]);
    // A zone of a single-region design whose region survives it is safe to drill.
    const zone = await post("prj_single", {
      regiao: "sa-east-1",
      zona: "sa-east-1a",
      duracao_s: 60,
    });
    expect(zone.status).toBe(202);
    // One at a time: the second is refused and nothing is recorded for it.
    const events = store.events.length;
    expect(
      await refusal(
        await post("prj_single", { regiao: "sa-east-1", zona: "sa-east-1b", duracao_s: 60 }),
      ),
    ).toEqual({ status: 409, type: "https://tesserra.dev/problemas/teste-em-andamento" });
    expect(store.drills("prj_single")).toHaveLength(1);
    expect(store.events.length).toBe(events);
    // A project that is not active is refused first, before the other rules.
    const deploying = store.projects.get("prj_single");
    if (deploying) deploying.project = { ...deploying.project, status: "implantando" };
    expect(await refusal(await post("prj_single", { regiao: "sa-east-1", duracao_s: 60 }))).toEqual(
      { status: 409, type: "https://tesserra.dev/problemas/projeto-nao-ativo" },
    );
  });

  it("takes one zone down and keeps its region serving when every on-path resource spans two zones", async () => {
    let t = Date.parse("2026-12-01T12:00:00Z");
    const { call } = setup(60, () => t);
    const started = await call("/v1/projetos/prj_single/testes-failover", {
      method: "POST",
      body: JSON.stringify({ regiao: "sa-east-1", zona: "sa-east-1a", duracao_s: 60 }),
    });
    const drill = TesteFailoverSchema.parse(await started.json());
    expect(drill).toMatchObject({
      zona: "sa-east-1a",
      cenario: "perda-zona:sa-east-1a",
      versao: 1,
      estimado: { rto_s: 36, rpo_s: 0 },
    });
    t += 31_000 / 60; // detected (D = 30 s), the standby not yet promoted
    const estado = EstadoSchema.parse(await (await call("/v1/projetos/prj_single/estado")).json());
    const region = estado.regioes[0];
    expect(region.saudavel).toBe(true);
    expect(region.peso_trafego).toBe(1);
    expect(region.zonas.map((z) => [z.id, z.saudavel, z.replicas_saudaveis === 0])).toEqual([
      ["sa-east-1a", false, true],
      ["sa-east-1b", true, false],
      ["sa-east-1c", true, false],
    ]);
    expect(estado.failover).toMatchObject({ regiao: "sa-east-1", zona: "sa-east-1a" });
    t += 120_000 / 60;
    const report = TesteFailoverSchema.parse(
      await (await call(`/v1/projetos/prj_single/testes-failover/${drill.id}`)).json(),
    );
    expect(report.status).toBe("concluido");
    expect(Math.abs((report.rto_s ?? -99) - 36)).toBeLessThanOrEqual(1);
    expect(report.rpo_s).toBe(0);
    expect(report.primario_perdido).toBe(false);
    expect(report.linha_do_tempo.map((e) => e.evento)).toEqual([
      "zona-indisponivel",
      "falha-detectada",
      "replica-promovida",
      "zona-restabelecida",
      "trafego-restaurado",
    ]);
  });

  it("measures a zone b drill by whether replicas live there", async () => {
    let t = Date.parse("2026-12-01T12:00:00Z");
    const { call } = setup(60, () => t);
    const run = async (id: string, regiao: string, zona: string) => {
      const r = await call(`/v1/projetos/${id}/testes-failover`, {
        method: "POST",
        body: JSON.stringify({ regiao, zona, duracao_s: 60 }),
      });
      expect(r.status).toBe(202);
      const { id: tid } = TesteFailoverSchema.parse(await r.json());
      t += 200_000 / 60;
      return TesteFailoverSchema.parse(
        await (await call(`/v1/projetos/${id}/testes-failover/${tid}`)).json(),
      );
    };
    // Two web replicas a region: one lives in zone b, and fails until detection.
    const spread = await run("prj_single", "sa-east-1", "sa-east-1b");
    expect([spread.rto_s, spread.estimado.rto_s]).toEqual([30, 30]);
    // Global SaaS runs one web replica a region, in zone a: nothing serves from zone b.
    const empty = await run("prj_1", "us-east-1", "us-east-1b");
    expect([empty.rto_s, empty.estimado.rto_s, empty.requisicoes_falhas]).toEqual([0, 0, 0]);
  });

  it("practises one scenario at a time and skips one its safety rules refuse, saying why", async () => {
    vi.useFakeTimers({ now: Date.parse("2026-12-01T12:00:00Z") });
    try {
      const { call, store, monitoring } = setup(600);
      const r = await call("/v1/projetos/prj_1/runbook/praticar", { method: "POST" });
      expect(r.status).toBe(202);
      const { cenarios } = await r.json();
      expect(cenarios).toHaveLength(6);
      await vi.advanceTimersByTimeAsync(0);
      expect(store.drills("prj_1").map((d) => d.pratica)).toEqual([store.practices[0].id]);
      // A drill by hand waits for the practice.
      const manual = await call("/v1/projetos/prj_1/testes-failover", {
        method: "POST",
        body: JSON.stringify({ regiao: "us-east-1", duracao_s: 60 }),
      });
      expect((await manual.json()).type).toBe("https://tesserra.dev/problemas/teste-em-andamento");
      // The first drill ends (60 s + a passing check = 70 s, 117 ms at 600×); the second starts.
      await vi.advanceTimersByTimeAsync(120);
      expect(store.drills("prj_1")).toHaveLength(2);
      // A new version deploying: the next drills are refused when their turn comes.
      const p = store.projects.get("prj_1");
      if (p) p.project = { ...p.project, status: "implantando" };
      await vi.advanceTimersByTimeAsync(1_000);
      expect(store.drills("prj_1")).toHaveLength(2);
      const practice = store.events.filter((e) => e.dados.pratica === store.practices[0].id);
      const refusals = practice.filter((e) => e.dados.fase === "pratica-recusado");
      expect(refusals.map((e) => [e.dados.cenario, e.dados.codigo])).toEqual(
        cenarios.slice(2).map((c: string) => [c, "projeto-nao-ativo"]),
      );
      expect(practice.at(-1)?.dados.fase).toBe("pratica-fim");
      expect(store.openPractice("prj_1")).toBeUndefined();
      monitoring.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it("warms every deployed project's SLO history when it starts again", async () => {
    const { store } = setup();
    const warmed = vi.spyOn(ProjectSim.prototype, "warmHours");
    const restarted = monitoringRoutes({ store, clock: 600, organizacaoOf: () => "demo" });
    restarted.resume();
    // Not during start-up itself: the server listens first.
    expect(warmed).not.toHaveBeenCalled();
    // Each project's first slice runs on the next turn; the rest follow between requests.
    await new Promise((r) => setTimeout(r, 0));
    expect(new Set(warmed.mock.instances)).toHaveProperty("size", 2);
    restarted.stop();
    warmed.mockRestore();
  });

  it("records the steps that came due while the emulator was down, once", async () => {
    const { store } = setup();
    store.drillsOf.set("prj_1", [
      { id: "tf_old", regiao: "eu-central-1", inicio: Date.now() - 3_600_000, duracao_s: 60 },
    ]);
    const restarted = monitoringRoutes({ store, clock: 600, organizacaoOf: () => "demo" });
    restarted.resume();
    restarted.resume();
    // Down, detected, failover start and end, healthy again, traffic restored.
    expect(store.events.filter((e) => e.key.startsWith("tf_old:"))).toHaveLength(6);
    restarted.stop();
  });
});

describe("monitoring at scale (contract §9)", () => {
  // On a 3-hour boundary (a series' step starts there), after this process started: the
  // counters count from its start.
  const t0 = Math.ceil((Date.now() + 3_600_000) / 10_800_000) * 10_800_000;
  const iso = (ms: number) => new Date(ms).toISOString();

  it("answers many series in one request, in the order asked, * as every region then global", async () => {
    const { call } = setup(600, () => t0);
    const window = `de=${iso(t0 - 6 * 3_600_000)}&ate=${iso(t0)}`;
    const r = await call(
      `/v1/projetos/prj_1/metricas/lote?series=disponibilidade:*,trafego:global&${window}`,
    );
    expect(r.status).toBe(200);
    const { series } = (await r.json()) as { series: unknown[] };
    const asked = [
      ["disponibilidade", "sa-east-1"],
      ["disponibilidade", "us-east-1"],
      ["disponibilidade", "eu-central-1"],
      ["disponibilidade", "global"],
      ["trafego", "global"],
    ];
    expect(series.map((s) => MetricasSchema.parse(s)).map((s) => [s.serie, s.regiao])).toEqual(
      asked,
    );
    // Each is the answer of its own request.
    for (const [i, [serie, regiao]] of asked.entries()) {
      const one = await call(
        `/v1/projetos/prj_1/metricas?serie=${serie}&regiao=${regiao}&${window}`,
      );
      expect(series[i]).toEqual(await one.json());
    }
  });

  it("refuses a bad item, naming it, an unknown region, and more than 64 series", async () => {
    const { call } = setup(600, () => t0);
    const bad = await call(
      "/v1/projetos/prj_1/metricas/lote?series=disponibilidade:global,nada:global",
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).detail).toContain('"nada:global"');
    const region = await call("/v1/projetos/prj_1/metricas/lote?series=trafego:ap-south-9");
    expect(region.status).toBe(400);
    expect((await region.json()).detail).toContain("ap-south-9");
    const many = Array.from({ length: 17 }, () => "latencia_p99:*").join(",");
    const tooMany = await call(`/v1/projetos/prj_1/metricas/lote?series=${many}`);
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).detail).toContain("68");
    const none = await call("/v1/projetos/prj_1/metricas/lote");
    expect(none.status).toBe(400);
  });

  it("exposes counters whose 5xx share over a window is 1 − the availability series", async () => {
    let now = t0;
    const { call } = setup(600, () => now);
    const scrape = async () => {
      const r = await call("/v1/projetos/prj_1/metrics");
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toContain("text/plain; version=0.0.4");
      return parseExposition(await r.text());
    };
    const a = await scrape();
    now = t0 + 3 * 3_600_000;
    const b = await scrape();
    const delta = (name: string, match: (l: Record<string, string>) => boolean) =>
      sumOf(b, name, match) - sumOf(a, name, match);
    const all = delta("tesserra_requests_total", () => true);
    const errors = delta("tesserra_requests_total", (l) => l.codigo === "5xx");
    const series = MetricasSchema.parse(
      await (
        await call(
          `/v1/projetos/prj_1/metricas?serie=disponibilidade&regiao=global&de=${iso(t0)}&ate=${iso(now)}&passo=10800`,
        )
      ).json(),
    );
    expect(series.pontos).toHaveLength(1);
    expect(1 - errors / all).toBeCloseTo((series.pontos[0][1] ?? 0) / 100, 6);

    // The histogram: successful requests, and the median's bucket holds half of them.
    const good = delta("tesserra_request_duration_seconds_count", () => true);
    expect(good).toBeCloseTo(all - errors, 0);
    const p50 = MetricasSchema.parse(
      await (
        await call(
          `/v1/projetos/prj_1/metricas?serie=latencia_p50&regiao=global&de=${iso(t0)}&ate=${iso(now)}&passo=10800`,
        )
      ).json(),
    ).pontos[0][1];
    const under = (le: string) =>
      delta("tesserra_request_duration_seconds_bucket", (l) => l.le === le) / good;
    const bounds = [0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5];
    const above = bounds.find((x) => x * 1000 >= (p50 ?? 0)) ?? 5;
    const below = [...bounds].reverse().find((x) => x * 1000 < (p50 ?? 0) / 2);
    expect(under(String(above))).toBeGreaterThanOrEqual(0.5);
    if (below) expect(under(String(below))).toBeLessThan(0.5);
    expect(under("+Inf")).toBeCloseTo(1, 9);
    // Counters and buckets are monotonic, buckets cumulative.
    for (const [series, value] of b) expect(value).toBeGreaterThanOrEqual(a.get(series) ?? 0);
  });

  it("exports the SLOs as Prometheus rules and OpenSLO, selecting the project", async () => {
    const { call } = setup(600, () => t0);
    const rules = await call("/v1/projetos/prj_1/slos/exportar?formato=prometheus");
    expect(rules.status).toBe(200);
    expect(rules.headers.get("content-type")).toContain("application/yaml");
    const text = await rules.text();
    expect(text).toContain('tesserra_requests_total{projeto="prj_1",codigo="5xx"}');
    const slo = await call("/v1/projetos/prj_1/slos/exportar?formato=openslo");
    expect(await slo.text()).toContain("apiVersion: openslo/v1");
    const bad = await call("/v1/projetos/prj_1/slos/exportar?formato=nagios");
    expect(bad.status).toBe(400);
  });
});

/** The exposition's samples: `name{labels}` → value. */
function parseExposition(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const m = /^([a-z_:]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not an exposition line: ${line}`);
    out.set(`${m[1]}${m[2] ?? ""}`, Number(m[3]));
  }
  return out;
}

function sumOf(
  samples: Map<string, number>,
  name: string,
  match: (labels: Record<string, string>) => boolean,
): number {
  let sum = 0;
  for (const [series, value] of samples) {
    const m = /^([a-z_:]+)\{(.*)\}$/.exec(series);
    if (!m || m[1] !== name) continue;
    const labels = Object.fromEntries(
      [...m[2].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]),
    );
    if (match(labels)) sum += value;
  }
  return sum;
}
