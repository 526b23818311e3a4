/**
 * Monitoring endpoints of contract §2 (estado, slos, metricas, testes-failover) as a hono
 * sub-app. The emulator's store is injected, so these routes own no storage of their own:
 * series come from the simulation, drills and events from the project's database.
 */

import { gzipSync } from "node:zlib";
import { type Context, Hono } from "hono";
import {
  assessScenarios,
  type Blueprint,
  type NormalizedBlueprint,
  normalizeBlueprint,
  zonesOf,
} from "../../src/blueprint";
import { runbookMarkdown } from "../../src/blueprint/runbook/markdown";
import {
  buildRunbook,
  type DrillPlan,
  parseScenarioId,
  planDrill,
  scenarioId,
} from "../../src/blueprint/runbook/runbook";
import {
  LoteQuerySchema,
  MetricasQuerySchema,
  NovoTesteFailoverSchema,
  SERIES,
  type Serie,
} from "../../src/contract/monitoring";
import type { Locale } from "../../src/i18n";
import { dnsLabel, EXPORT_FORMATS, type ExportFormat, sloExportYaml } from "../../src/slo/export";
import { acceptedCodings } from "../console";
import { localeOf, problemT } from "../i18n";
import { expositionOf } from "./exposition";
import { type DrillInput, ProjectSim, seedOf } from "./model";
import {
  drillLogEvents,
  drillMeasured,
  drillPromises,
  drillReport,
  estadoAt,
  metricasAt,
  sloStatusAt,
  slosOf,
} from "./status";

/** Each drill of a practice takes its target down for this long (contract §6). */
export const PRACTICE_DRILL_S = 60;

/** Why a drill was not started (contract §6 safety rules; a practice may also find its scenario gone). */
interface Refusal {
  codigo: "projeto-nao-ativo" | "teste-em-andamento" | "teste-inseguro" | "cenario-removido";
  motivo?: "oneRegion" | "zoneOneRegion" | "othersDown";
}

/** `Accept: text/markdown` asks for the runbook as a document. */
function wantsMarkdown(accept: string | undefined): boolean {
  return /(^|,)\s*text\/markdown\b/i.test(accept ?? "");
}

export type EventoTipo =
  | "implantacao"
  | "saude"
  | "failover-inicio"
  | "failover-fim"
  | "alerta"
  | "teste-failover"
  | "revisao";

export interface MonitoredProject {
  id: string;
  versao: number;
  status: "implantando" | "ativo" | "falhou";
  blueprint: Blueprint;
  /** When the project was created (wall-clock ms); its counters start no earlier. */
  criado_em?: number;
}

/** A practice run of a project's runbook (contract §6): its scenarios, drilled one at a time. */
export interface Practice {
  id: string;
  projeto_id: string;
  cenarios: string[];
  /** The index of the next scenario to drill. */
  proximo: number;
  inicio: number;
}

export interface MonitoringStore {
  transaction<T>(fn: () => T): T;
  openPractice(projectId: string): Practice | undefined;
  openPractices(): (Practice & { organizacao: string })[];
  /** Starts a practice; atomically refuses (false) while a drill or a practice is under way. */
  insertPractice(practice: Practice, busyUntil: (d: DrillInput) => number, now: number): boolean;
  advancePractice(id: string, proximo: number): void;
  closePractice(id: string, fim: number): void;
  /** The organization's project, or undefined (another organization's project is not found). */
  project(organizacao: string, id: string): MonitoredProject | undefined;
  drills(projectId: string): DrillInput[];
  /**
   * Stores the drill; atomically refuses (returns false) when another is still under way at
   * `now`, or a practice other than the drill's own holds the project.
   */
  insertDrill(
    projectId: string,
    drill: DrillInput,
    busyUntil: (d: DrillInput) => number,
    now: number,
  ): boolean;
  /** Appends an event once per key (replays after a restart are ignored). */
  recordEvent(
    projectId: string,
    key: string,
    tipo: EventoTipo,
    dados: Record<string, unknown>,
    em: number,
  ): void;
  /** Every project with drills, for resuming their event schedules after a restart. */
  projectsWithDrills(): { organizacao: string; id: string }[];
  /** Every deployed project, for warming their SLO history when the emulator starts. */
  activeProjects(): { organizacao: string; id: string }[];
}

export interface MonitoringOptions {
  store: MonitoringStore;
  clock: number;
  organizacaoOf: (c: Context) => string;
  now?: () => number;
}

function problem(
  c: Context,
  status: 400 | 404 | 409 | 422,
  title: string,
  detail: string,
  type = "about:blank",
) {
  return c.json({ type, title, status, detail }, status, {
    "Content-Type": "application/problem+json",
    Vary: "Accept-Language",
  });
}

/** At most this many series in one `lote` request, after `*` is expanded (contract §9). */
export const LOTE_MAX = 64;
/** When this process started serving: the Prometheus counters count from here. */
const startedAt = Date.now();

/** `lote` answers kept for windows that have passed (each can be a megabyte). */
const LOTE_ANSWERS_MAX = 50;

/** Series answers kept for windows that have passed; past it the cache starts over. */
const SERIES_ANSWERS_MAX = 2_000;
/** The longest the background warm-up holds the event loop at a time. */
const WARM_SLICE_MS = 8;

/** Per project and version, one simulation (its hourly sums stay warm between requests). */
class SimCache {
  private readonly sims = new Map<
    string,
    { versao: number; bp: NormalizedBlueprint; sim: ProjectSim }
  >();
  constructor(private readonly clock: number) {}

  get(
    project: MonitoredProject,
    drills: DrillInput[],
  ): { sim: ProjectSim; bp: NormalizedBlueprint } {
    let entry = this.sims.get(project.id);
    if (!entry || entry.versao !== project.versao) {
      const bp = normalizeBlueprint(project.blueprint);
      entry = {
        versao: project.versao,
        bp,
        sim: new ProjectSim(seedOf(project.id), bp, this.clock, drills),
      };
      this.sims.set(project.id, entry);
    } else entry.sim.setDrills(drills);
    return entry;
  }

  /** The project's current simulation, if one was made. */
  peek(projectId: string): ProjectSim | undefined {
    return this.sims.get(projectId)?.sim;
  }
}

export function monitoringRoutes(options: MonitoringOptions) {
  const { store, clock, organizacaoOf } = options;
  const now = options.now ?? Date.now;
  const sims = new SimCache(clock);
  const seriesAnswers = new Map<string, string>();
  const loteAnswers = new Map<string, { text: string; gzip?: Buffer }>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** Runs `fn` in `ms`, unless stop() comes first. */
  const after = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const app = new Hono();

  const load = (c: Context) => {
    const project = store.project(organizacaoOf(c), c.req.param("id") ?? "");
    if (!project) return undefined;
    return { project, ...sims.get(project, store.drills(project.id)) };
  };
  const notFound = (c: Context) =>
    problem(
      c,
      404,
      problemT(c)("notFound.title"),
      problemT(c)("notFound.detail", { id: c.req.param("id") ?? "" }),
    );

  /**
   * Records each drill step as an event when its time comes (at once for steps already past),
   * in the drill's order: one timer at a time, for the next step, so two steps due at the same
   * moment (a failure detected starts the failover) can never be recorded the wrong way round.
   */
  function schedule(projectId: string, sim: ProjectSim, bp: NormalizedBlueprint, drillId: string) {
    const phase = sim.drillPhases().find((p) => p.drill.id === drillId);
    if (!phase) return;
    const steps = drillLogEvents(phase);
    const record = (e: (typeof steps)[number]) => {
      // The end of a failover carries what it cost, as the drill's report measured it.
      const report = e.tipo === "failover-fim" ? drillReport(sim, bp, drillId, e.at) : undefined;
      store.recordEvent(
        projectId,
        `${drillId}:${e.code}`,
        e.tipo,
        {
          teste: drillId,
          ...e.dados,
          ...(report ? { rto_s: report.rto_s, rpo_s: report.rpo_s } : {}),
        },
        e.at,
      );
    };
    let next = 0;
    const run = () => {
      while (next < steps.length && steps[next].at <= now()) record(steps[next++]);
      if (next >= steps.length) return;
      after(steps[next].at - now(), () => {
        record(steps[next++]); // its time has come, whatever a coarse clock says
        run();
      });
    };
    run();
  }

  /** The moment a drill stops holding the project: back in rotation after a passing check. */
  const busyUntilOf = (sim: ProjectSim) => (d: DrillInput) =>
    d.inicio + sim.wallMs(d.duracao_s + sim.topology.healthCheck.intervalo_s);

  /**
   * The safety rules of contract §6, in their order: a drill that cannot run safely is refused
   * and nothing starts. `pratica`: the practice starting the drill (it holds the project itself).
   */
  function safetyRefusal(
    p: { project: MonitoredProject; sim: ProjectSim },
    plan: DrillPlan,
    regiao: string,
    zona: string | null,
    t: number,
    pratica?: string,
  ): Refusal | undefined {
    if (p.project.status !== "ativo") return { codigo: "projeto-nao-ativo" };
    const busy = busyUntilOf(p.sim);
    const practice = store.openPractice(p.project.id);
    if (
      store.drills(p.project.id).some((d) => busy(d) > t) ||
      (practice && practice.id !== pratica)
    )
      return { codigo: "teste-em-andamento" };
    if (!plan.regionOut) return undefined;
    if (!p.sim.topology.canFailOver)
      return { codigo: "teste-inseguro", motivo: zona ? "zoneOneRegion" : "oneRegion" };
    const others = estadoAt(p.sim, t).regioes.filter((r) => r.id !== regiao);
    if (others.every((r) => !r.saudavel)) return { codigo: "teste-inseguro", motivo: "othersDown" };
    return undefined;
  }

  function refuse(c: Context, refusal: Refusal, regiao: string, zona: string | null) {
    const t = problemT(c);
    const target = zona ?? regiao;
    const [title, detail] =
      refusal.codigo === "projeto-nao-ativo"
        ? [t("notReady.title"), t("notReady.detail")]
        : refusal.codigo === "teste-em-andamento"
          ? [t("busy.title"), t("busy.detail")]
          : [
              t("unsafe.title"),
              t(`unsafe.${refusal.motivo ?? "oneRegion"}`, {
                target,
                zones: zonesOf(regiao)
                  .filter((z) => z !== `${regiao}a`)
                  .join(", "),
              }),
            ];
    return problem(c, 409, title, detail, `https://tesserra.dev/problemas/${refusal.codigo}`);
  }

  /** The project's runbook now: its design, and its drills that have finished. */
  function runbookOf(
    p: { project: MonitoredProject; sim: ProjectSim; bp: NormalizedBlueprint },
    t: number,
    locale: Locale,
  ) {
    // The design's scenarios once, not once per drill.
    const scenarios = assessScenarios(p.bp);
    const testes = p.sim
      .drillPhases()
      .filter((ph) => t >= ph.recovered)
      .map((ph) => ({
        id: ph.drill.id,
        cenario: scenarioId(ph.drill.regiao, ph.zona),
        terminado_em: ph.recovered,
        versao: ph.drill.versao ?? null,
        ...drillMeasured(p.sim, ph),
        estimado: drillPromises(p.bp, ph.drill, scenarios).estimado,
      }));
    return buildRunbook(p.bp, {
      projeto: p.project.id,
      versao: p.project.versao,
      agora: t,
      clock,
      testes,
      locale,
    });
  }

  /**
   * Drills a practice's scenarios one at a time, each checked against the safety rules when it
   * starts (a refused one is skipped, with an event saying why). Its progress is stored, so a
   * restart picks it up where it was.
   */
  function runPractice(organizacao: string, projectId: string, practiceId: string) {
    const step = () => {
      const practice = store.openPractice(projectId);
      if (practice?.id !== practiceId) return;
      const t = now();
      const project = store.project(organizacao, projectId);
      if (!project) {
        store.closePractice(practiceId, t);
        return;
      }
      const loaded = { project, ...sims.get(project, store.drills(projectId)) };
      const busy = busyUntilOf(loaded.sim);
      const running = store.drills(projectId).find((d) => busy(d) > t);
      // The previous drill's last events come due as this step does: record them first, so the
      // log never shows a drill starting before the one before it ended.
      const previous = store.drills(projectId).findLast((d) => d.pratica === practiceId);
      if (previous && !running) schedule(projectId, loaded.sim, loaded.bp, previous.id);
      if (running) {
        after(busy(running) - t, step);
        return;
      }
      if (practice.proximo >= practice.cenarios.length) {
        store.transaction(() => {
          store.closePractice(practiceId, t);
          store.recordEvent(
            projectId,
            `${practiceId}:fim`,
            "teste-failover",
            { fase: "pratica-fim", pratica: practiceId },
            t,
          );
        });
        return;
      }
      const cenario = practice.cenarios[practice.proximo];
      const { regiao, zona } = parseScenarioId(cenario);
      const plan = planDrill(loaded.bp, regiao, zona);
      const refusal: Refusal | undefined = loaded.sim.topology.regions.includes(regiao)
        ? safetyRefusal(loaded, plan, regiao, zona, t, practiceId)
        : { codigo: "cenario-removido" };
      const drill: DrillInput = {
        id: `tf_${crypto.randomUUID().slice(0, 12)}`,
        regiao,
        zona,
        inicio: t,
        duracao_s: PRACTICE_DRILL_S,
        versao: project.versao,
        plano: plan,
        pratica: practiceId,
      };
      const started = store.transaction(() => {
        store.advancePractice(practiceId, practice.proximo + 1);
        if (!refusal && store.insertDrill(projectId, drill, busy, t)) return true;
        store.recordEvent(
          projectId,
          `${practiceId}:${practice.proximo}:recusado`,
          "teste-failover",
          {
            fase: "pratica-recusado",
            pratica: practiceId,
            cenario,
            codigo: refusal?.codigo ?? "teste-em-andamento",
          },
          t,
        );
        return false;
      });
      if (started) {
        const fresh = sims.get(project, store.drills(projectId));
        schedule(projectId, fresh.sim, fresh.bp, drill.id);
        after(busy(drill) - now(), step);
      } else after(0, step);
    };
    step();
  }

  app.get("/:id/estado", (c) => {
    const p = load(c);
    if (!p) return notFound(c);
    return c.json(estadoAt(p.sim, now()));
  });

  /**
   * The SLO status is a function of the project's version, its drills and the second asked
   * about (every figure counts whole minutes; the burn-down's last point is stamped to the
   * second): many dashboards polling one project share one computation per second. `em` is
   * the moment of each answer.
   */
  const sloAnswers = new Map<string, Omit<ReturnType<typeof sloStatusAt>, "em">>();
  app.get("/:id/slos", (c) => {
    const p = load(c);
    if (!p) return notFound(c);
    const t = now();
    const key = `${p.project.id}|${p.project.versao}|${drillsKey(p)}|${Math.floor(t / 1000)}`;
    let answer = sloAnswers.get(key);
    if (!answer) {
      const { em: _em, ...rest } = sloStatusAt(p.sim, p.bp, t);
      answer = rest;
      if (sloAnswers.size >= SERIES_ANSWERS_MAX) sloAnswers.clear();
      sloAnswers.set(key, answer);
    }
    return c.json({ em: new Date(t).toISOString(), ...answer });
  });

  /** The window a series query asks for, or the problem with it. */
  const windowOf = (c: Context, q: { de?: string; ate?: string }) => {
    const ate = q.ate ? Date.parse(q.ate) : now();
    const de = q.de ? Date.parse(q.de) : ate - 86_400_000;
    if (!(de < ate))
      return problem(c, 400, problemT(c)("range.title"), problemT(c)("range.detail"));
    if (ate - de > 31 * 86_400_000)
      return problem(c, 400, problemT(c)("rangeLong.title"), problemT(c)("rangeLong.detail"));
    return { de, ate };
  };
  const regionProblem = (c: Context, regiao: string, regions: readonly string[]) =>
    problem(
      c,
      400,
      problemT(c)("region.title"),
      problemT(c)("region.series", { region: regiao, regions: regions.join(", ") }),
    );

  /** What a project's drills are, for the keys of answers computed from them. */
  const drillsKey = (p: NonNullable<ReturnType<typeof load>>) =>
    p.sim
      .drillPhases()
      .map((ph) => `${ph.drill.id}@${ph.drill.inicio}`)
      .join(",");

  /**
   * One series' answer as JSON text. A window that has fully passed is a pure function of the
   * project's version, its drills and the window: dashboards opened by many people (or
   * reloaded) share one computation.
   */
  function seriesText(
    p: NonNullable<ReturnType<typeof load>>,
    q: { serie: Serie; regiao: string; de: number; ate: number; passo?: number },
  ): string {
    const key = `${p.project.id}|${p.project.versao}|${drillsKey(p)}|${q.serie}|${q.regiao}|${q.de}|${q.ate}|${q.passo ?? ""}`;
    let text = q.ate <= now() ? seriesAnswers.get(key) : undefined;
    if (!text) {
      text = JSON.stringify(metricasAt(p.sim, q));
      if (q.ate <= now()) {
        if (seriesAnswers.size >= SERIES_ANSWERS_MAX) seriesAnswers.clear();
        seriesAnswers.set(key, text);
      }
    }
    return text;
  }

  const queryProblem = (c: Context, issues: { path: PropertyKey[]; message: string }[]) =>
    problem(
      c,
      400,
      problemT(c)("query.title"),
      issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; "),
    );

  app.get("/:id/metricas", (c) => {
    const parsed = MetricasQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return queryProblem(c, parsed.error.issues);
    const p = load(c);
    if (!p) return notFound(c);
    const q = parsed.data;
    if (q.regiao !== "global" && !p.sim.topology.regions.includes(q.regiao))
      return regionProblem(c, q.regiao, p.sim.topology.regions);
    const window = windowOf(c, q);
    if (window instanceof Response) return window;
    return c.body(seriesText(p, { ...q, ...window }), 200, {
      "Content-Type": "application/json",
    });
  });

  /**
   * Many series in one request (contract §9): `series=<serie>:<regiao>,...` in the order asked;
   * `*` is every region of the project in `regioes` order, then `global`. At most 64 after `*`
   * is expanded; a bad item is a 400 that names it.
   */
  app.get("/:id/metricas/lote", (c) => {
    const parsed = LoteQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return queryProblem(c, parsed.error.issues);
    const p = load(c);
    if (!p) return notFound(c);
    const { regions } = p.sim.topology;
    const wanted: { serie: Serie; regiao: string }[] = [];
    for (const item of parsed.data.series.split(",")) {
      const [serie, regiao, ...rest] = item.split(":");
      if (!(SERIES as readonly string[]).includes(serie) || regiao === undefined || rest.length)
        return problem(
          c,
          400,
          problemT(c)("query.title"),
          problemT(c)("lote.item", { item, series: SERIES.join(", ") }),
        );
      if (regiao !== "*" && regiao !== "global" && !regions.includes(regiao))
        return regionProblem(c, regiao, regions);
      for (const r of regiao === "*" ? [...regions, "global"] : [regiao])
        wanted.push({ serie: serie as Serie, regiao: r });
    }
    if (wanted.length > LOTE_MAX)
      return problem(
        c,
        400,
        problemT(c)("query.title"),
        problemT(c)("lote.tooMany", { count: wanted.length, max: LOTE_MAX }),
      );
    const window = windowOf(c, parsed.data);
    if (window instanceof Response) return window;
    // A window that has passed is answered once, and compressed once: a dashboard's every
    // series is a megabyte of JSON for 30 days in seven regions.
    const key = `${p.project.id}|${p.project.versao}|${drillsKey(p)}|${parsed.data.series}|${window.de}|${window.ate}|${parsed.data.passo ?? ""}`;
    const past = window.ate <= now();
    let answer = past ? loteAnswers.get(key) : undefined;
    if (!answer) {
      const texts = wanted.map((w) => seriesText(p, { ...w, ...window, passo: parsed.data.passo }));
      answer = { text: `{"series":[${texts.join(",")}]}` };
      if (past) {
        if (loteAnswers.size >= LOTE_ANSWERS_MAX) loteAnswers.clear();
        loteAnswers.set(key, answer);
      }
    }
    const headers = { "Content-Type": "application/json", Vary: "Accept-Encoding" };
    if (
      answer.text.length >= 64 * 1024 &&
      acceptedCodings(c.req.header("Accept-Encoding")).has("gzip")
    ) {
      answer.gzip ??= gzipSync(answer.text, { level: 1 });
      return c.body(new Uint8Array(answer.gzip), 200, {
        ...headers,
        "Content-Encoding": "gzip",
        "Content-Length": String(answer.gzip.length),
      });
    }
    return c.body(answer.text, 200, headers);
  });

  /** The project's counters in the Prometheus text format (contract §9), from this process's start. */
  app.get("/:id/metrics", (c) => {
    const p = load(c);
    if (!p) return notFound(c);
    const t = now();
    const origin = Math.max(startedAt, p.project.criado_em ?? startedAt);
    const text = expositionOf(p.sim, p.project.id, slosOf(p.bp), origin, t);
    return c.body(text, 200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" });
  });

  /** The SLOs as Prometheus rules or OpenSLO documents (contract §9), selecting this project. */
  app.get("/:id/slos/exportar", (c) => {
    const formato = c.req.query("formato") ?? "prometheus";
    if (!(EXPORT_FORMATS as readonly string[]).includes(formato))
      return problem(
        c,
        400,
        problemT(c)("query.title"),
        problemT(c)("export.format", { format: formato, formats: EXPORT_FORMATS.join(", ") }),
      );
    const p = load(c);
    if (!p) return notFound(c);
    const yaml = sloExportYaml(
      {
        projeto: p.project.id,
        servico: dnsLabel(p.bp.nome),
        nome: p.bp.nome,
        slos: slosOf(p.bp),
      },
      formato as ExportFormat,
    );
    return c.body(yaml, 200, {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${p.project.id}-slos-${formato}.yaml"`,
    });
  });

  app.get("/:id/testes-failover", (c) => {
    const p = load(c);
    if (!p) return notFound(c);
    const t = now();
    const reports = p.sim
      .drillPhases()
      .map((ph) => drillReport(p.sim, p.bp, ph.drill.id, t))
      .filter((r) => r !== undefined)
      .reverse();
    return c.json(reports);
  });

  app.post("/:id/testes-failover", async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return problem(c, 400, problemT(c)("malformed.title"), problemT(c)("drillJson.detail"));
    }
    const parsed = NovoTesteFailoverSchema.safeParse(body);
    if (!parsed.success)
      return c.json(
        {
          type: "about:blank",
          title: problemT(c)("drillInvalid.title"),
          status: 422,
          detail: problemT(c)("drillInvalid.detail"),
          problemas: parsed.error.issues.map((i) => ({
            ponteiro: `/${i.path.join("/")}`,
            codigo: "esquema",
            severidade: "erro",
            mensagem: i.message,
          })),
        },
        422,
        { "Content-Type": "application/problem+json" },
      );
    const p = load(c);
    if (!p) return notFound(c);
    const { regiao, duracao_s } = parsed.data;
    const zona = parsed.data.zona ?? null;
    if (!p.sim.topology.regions.includes(regiao))
      return problem(
        c,
        422,
        problemT(c)("region.title"),
        problemT(c)("region.drill", { regions: p.sim.topology.regions.join(", "), region: regiao }),
      );
    if (zona !== null && !zonesOf(regiao).includes(zona))
      return problem(
        c,
        422,
        problemT(c)("zone.title"),
        problemT(c)("zone.drill", {
          region: regiao,
          zones: zonesOf(regiao).join(", "),
          zone: zona,
        }),
      );
    const t = now();
    const plan = planDrill(p.bp, regiao, zona);
    const refusal = safetyRefusal(p, plan, regiao, zona, t);
    if (refusal) return refuse(c, refusal, regiao, zona);
    const drill: DrillInput = {
      id: `tf_${crypto.randomUUID().slice(0, 12)}`,
      regiao,
      zona,
      inicio: t,
      duracao_s,
      versao: p.project.versao,
      plano: plan,
    };
    if (!store.insertDrill(p.project.id, drill, busyUntilOf(p.sim), t))
      return refuse(c, { codigo: "teste-em-andamento" }, regiao, zona);
    const fresh = sims.get(p.project, store.drills(p.project.id));
    schedule(p.project.id, fresh.sim, fresh.bp, drill.id);
    return c.json(drillReport(fresh.sim, fresh.bp, drill.id, t), 202, {
      Location: `/v1/projetos/${p.project.id}/testes-failover/${drill.id}`,
    });
  });

  app.get("/:id/runbook", (c) => {
    const p = load(c);
    if (!p) return notFound(c);
    const locale = localeOf(c);
    const runbook = runbookOf(p, now(), locale);
    if (wantsMarkdown(c.req.header("Accept")))
      return c.body(runbookMarkdown(runbook, locale, clock), 200, {
        "Content-Type": "text/markdown; charset=utf-8",
        Vary: "Accept, Accept-Language",
      });
    return c.json(runbook, 200, { Vary: "Accept, Accept-Language" });
  });

  app.post("/:id/runbook/praticar", (c) => {
    const p = load(c);
    if (!p) return notFound(c);
    const t = now();
    const runbook = runbookOf(p, t, "en");
    const cenarios = runbook.cenarios
      .filter((s) => s.sobrevive && s.status !== "testado")
      .map((s) => s.id);
    const practice: Practice = {
      id: `pr_${crypto.randomUUID().slice(0, 12)}`,
      projeto_id: p.project.id,
      cenarios,
      proximo: 0,
      inicio: t,
    };
    const started = store.transaction(() => {
      if (!store.insertPractice(practice, busyUntilOf(p.sim), t)) return false;
      store.recordEvent(
        p.project.id,
        `${practice.id}:inicio`,
        "teste-failover",
        { fase: "pratica-inicio", pratica: practice.id, cenarios },
        t,
      );
      return true;
    });
    if (!started) return refuse(c, { codigo: "teste-em-andamento" }, "", null);
    const organizacao = organizacaoOf(c);
    queueMicrotask(() => runPractice(organizacao, p.project.id, practice.id));
    return c.json({ cenarios }, 202);
  });

  app.get("/:id/testes-failover/:tid", (c) => {
    const p = load(c);
    if (!p) return notFound(c);
    const report = drillReport(p.sim, p.bp, c.req.param("tid"), now());
    if (!report)
      return problem(
        c,
        404,
        problemT(c)("drillNotFound.title"),
        problemT(c)("drillNotFound.detail", { id: c.req.param("tid") ?? "" }),
      );
    return c.json(report);
  });

  /**
   * After a restart: record the drill steps that came due while the emulator was down, schedule
   * the rest, and warm the SLO history of every project already deployed (a deployment that
   * ended before the restart warmed a simulation that is gone).
   */
  function resume() {
    for (const { organizacao, id } of store.projectsWithDrills()) {
      const project = store.project(organizacao, id);
      if (!project) continue;
      const { sim, bp } = sims.get(project, store.drills(id));
      for (const ph of sim.drillPhases()) schedule(id, sim, bp, ph.drill.id);
    }
    for (const practice of store.openPractices())
      runPractice(practice.organizacao, practice.projeto_id, practice.id);
    // From the next turn: the server starts listening first, and requests come between slices.
    for (const { organizacao, id } of store.activeProjects()) after(0, () => warm(organizacao, id));
  }

  /**
   * Fills a project's hourly sums for its SLOs' windows in the background, in slices of a few
   * milliseconds between other requests, so its first `/slos` (weeks of minutes in every
   * region) answers from the cache instead of holding the server for a second. Called when a
   * deployment ends.
   */
  function warm(organizacao: string, id: string) {
    const project = store.project(organizacao, id);
    if (project?.status !== "ativo") return;
    const { sim, bp } = sims.get(project, store.drills(id));
    const t = now();
    const slos = slosOf(bp);
    if (slos.length === 0) return;
    const from = t - Math.max(...slos.map((s) => s.janela_dias)) * 86_400_000;
    const limiars = [...new Set(slos.map((s) => (s.sli === "latencia" ? s.limiar_ms : undefined)))];
    const slice = () => {
      // A newer version of the project has a simulation of its own: this one is done with.
      if (sims.peek(id) !== sim) return;
      if (sim.warmHours(limiars, from, t, performance.now() + WARM_SLICE_MS)) return;
      after(0, slice);
    };
    slice();
  }

  function stop() {
    for (const t of timers) clearTimeout(t);
    timers.clear();
  }

  /** A project's runbook now, for a review's evidence; undefined when the project is not found. */
  function runbookFor(organizacao: string, id: string, locale: Locale) {
    const project = store.project(organizacao, id);
    if (!project) return undefined;
    return runbookOf({ project, ...sims.get(project, store.drills(id)) }, now(), locale);
  }

  return { app, resume, warm, stop, runbookFor };
}
