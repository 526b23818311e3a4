/**
 * The monitoring answers (contract §2: estado, slos, metricas, testes-failover) computed from a
 * project's simulation at a moment. Pure: the caller passes the time.
 */

import type { NormalizedBlueprint, Slo } from "../../src/blueprint";
import { assessScenarios, DEFAULT_SLOS, zonesOf } from "../../src/blueprint";
import { planDrill, scenarioId } from "../../src/blueprint/runbook/runbook";
import type {
  Estado,
  Metricas,
  Serie,
  SloStatus,
  TesteFailover,
} from "../../src/contract/monitoring";
import { slosOfBlueprint } from "../../src/slo/export";
import {
  alertsFiring,
  BURN_WINDOWS,
  budgetRemaining,
  burnRates,
  errorBudget,
  type RequestCounts,
  sliFraction,
  sumCounts,
  WINDOW_SECONDS,
} from "../../src/slo/slo";
import { type DrillPhases, HOUR_MS, MINUTE_MS, type ProjectSim } from "./model";

const iso = (ms: number) => new Date(ms).toISOString();
const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** A drill that has taken the whole region out at `t`. */
function phaseAt(sim: ProjectSim, region: string, t: number): DrillPhases | undefined {
  return sim
    .drillPhases()
    .find((p) => p.regionOut && p.drill.regiao === region && t >= p.down && t < p.recovered);
}

/** A zone drill that keeps its region in rotation, under way at `t` in that zone. */
function zonePhaseAt(sim: ProjectSim, zone: string, t: number): DrillPhases | undefined {
  return sim
    .drillPhases()
    .find((p) => !p.regionOut && p.zona === zone && t >= p.down && t < p.recovered);
}

/** Instantaneous traffic share per region, after the gateway moved traffic away from lost regions. */
export function trafficWeights(sim: ProjectSim, t: number): Map<string, number> {
  const minute = Math.floor(t / MINUTE_MS) * MINUTE_MS;
  const demand = new Map(sim.topology.regions.map((r) => [r, sim.sample(r, minute).requests]));
  const served = new Map(demand);
  for (const p of sim.drillPhases()) {
    if (!p.regionOut || t < p.trafficMoved || t >= p.recovered || !p.takeover) continue;
    const moved = served.get(p.drill.regiao) ?? 0;
    served.set(p.drill.regiao, 0);
    served.set(p.takeover, (served.get(p.takeover) ?? 0) + moved);
  }
  const total = [...served.values()].reduce((a, b) => a + b, 0) || 1;
  return new Map([...served].map(([r, v]) => [r, v / total]));
}

export function estadoAt(sim: ProjectSim, t: number): Estado {
  const { regions, replicasMin, replicasMax } = sim.topology;
  const weights = trafficWeights(sim, t);
  const minute = Math.floor(t / MINUTE_MS) * MINUTE_MS;
  const perRegionMin = Math.ceil(replicasMin / regions.length);
  const perRegionMax = Math.max(perRegionMin, Math.ceil(replicasMax / regions.length));
  const ongoing = sim.drillPhases().find((p) => t >= p.down && t < p.recovered);
  return {
    em: iso(t),
    regioes: regions.map((id) => {
      const phase = phaseAt(sim, id, t);
      const down = phase !== undefined && t < phase.up;
      // Health checks declare the zones unhealthy only after enough failures in a row.
      const verdictUnhealthy = phase !== undefined && t >= phase.detected;
      const s = sim.sample(id, minute);
      const share = (weights.get(id) ?? 0) * regions.length;
      // Autoscale follows load between the per-region minimum and maximum.
      const replicas =
        replicasMin === 0
          ? 0
          : Math.min(
              perRegionMax,
              Math.max(
                perRegionMin,
                Math.ceil(perRegionMin * (0.7 + 0.5 * share) * (s.p50 > 60 ? 1.1 : 1)),
              ),
            );
      const zonas = zonesOf(id).map((zone, z) => {
        const total = Math.floor(replicas / 3) + (z < replicas % 3 ? 1 : 0);
        const lost = zonePhaseAt(sim, zone, t);
        return {
          id: zone,
          saudavel: !verdictUnhealthy && !(lost && t >= lost.detected),
          replicas_saudaveis: down || (lost && t < lost.up) ? 0 : total,
          replicas_total: total,
        };
      });
      return {
        id,
        saudavel: !verdictUnhealthy,
        peso_trafego: round(weights.get(id) ?? 0, 4),
        zonas,
      };
    }),
    datastores: sim.topology.datastores.map((d) => {
      const primario = sim.primaryAt(t);
      return {
        nome: d.nome,
        primario,
        replicacao: d.replicacao,
        replicas: regions
          .filter((r) => r !== primario)
          .map((regiao) => {
            const phase = phaseAt(sim, regiao, t);
            const base = d.replicacao === "sincrona" ? 0 : sim.sample(regiao, minute).lagS;
            // A replica in a lost region falls behind for as long as it is away.
            const behind =
              phase && t >= phase.down && t < phase.recovered
                ? ((t - phase.down) / 1000) * sim.clock
                : 0;
            return { regiao, atraso_s: round(base + behind, 2) };
          }),
      };
    }),
    failover: ongoing
      ? {
          regiao: ongoing.drill.regiao,
          zona: ongoing.zona,
          desde: iso(ongoing.down),
          teste: ongoing.drill.id,
        }
      : null,
  };
}

export const slosOf = slosOfBlueprint;

export function sloStatusAt(sim: ProjectSim, bp: NormalizedBlueprint, t: number): SloStatus {
  const regions = sim.topology.regions;
  return {
    em: iso(t),
    slos: slosOf(bp).map((slo) => {
      const limiar = slo.sli === "latencia" ? slo.limiar_ms : undefined;
      const windowMs = slo.janela_dias * 86_400_000;
      const perRegion = regions.map((regiao) => {
        const window = sim.counts(regiao, slo.sli, limiar, t - windowMs, t);
        const burn = Object.fromEntries(
          BURN_WINDOWS.map((w) => [
            w,
            sim.counts(regiao, slo.sli, limiar, t - WINDOW_SECONDS[w] * 1000, t),
          ]),
        ) as Record<(typeof BURN_WINDOWS)[number], RequestCounts>;
        return { regiao, window, burn };
      });
      const view = (
        window: RequestCounts,
        burn: Record<(typeof BURN_WINDOWS)[number], RequestCounts>,
      ) => {
        const taxas_queima = burnRates(burn, slo.objetivo);
        return {
          sli_pct: round(sliFraction(window) * 100, 5),
          orcamento_restante: round(budgetRemaining(window, slo.objetivo), 5),
          taxas_queima: Object.fromEntries(
            Object.entries(taxas_queima).map(([k, v]) => [k, round(v, 4)]),
          ) as typeof taxas_queima,
        };
      };
      const globalWindow = sumCounts(perRegion.map((r) => r.window));
      const orcamento_serie = burnDown(sim, slo, t, globalWindow.total);
      const globalBurn = Object.fromEntries(
        BURN_WINDOWS.map((w) => [w, sumCounts(perRegion.map((r) => r.burn[w]))]),
      ) as Record<(typeof BURN_WINDOWS)[number], RequestCounts>;
      const global = view(globalWindow, globalBurn);
      const regioes = perRegion.map((r) => ({ regiao: r.regiao, ...view(r.window, r.burn) }));
      return {
        nome: slo.nome,
        sli: slo.sli,
        objetivo: slo.objetivo,
        janela_dias: slo.janela_dias,
        ...(limiar !== undefined ? { limiar_ms: limiar } : {}),
        global,
        regioes,
        orcamento_serie,
        alertas: [
          ...alertsFiring(global.taxas_queima),
          ...regioes.flatMap((r) =>
            alertsFiring(r.taxas_queima).map((a) => ({ ...a, regiao: r.regiao })),
          ),
        ],
      };
    }),
  };
}

// Hour-aligned steps from an hour up, so long ranges read the cached hourly sums.
/**
 * Budget remaining through the current window: at each step, the share of the window's whole
 * budget (budget × the window's requests) not yet spent since the window began. It ends at the
 * window's orcamento_restante.
 */
function burnDown(sim: ProjectSim, slo: Slo, t: number, windowTotal: number): [number, number][] {
  const limiar = slo.sli === "latencia" ? slo.limiar_ms : undefined;
  const windowMs = slo.janela_dias * 86_400_000;
  const stepMs =
    slo.janela_dias <= 7 ? HOUR_MS : slo.janela_dias <= 30 ? 4 * HOUR_MS : 12 * HOUR_MS;
  const allowed = windowTotal * errorBudget(slo.objetivo);
  const start = t - windowMs;
  const out: [number, number][] = [];
  let bad = 0;
  let from = start;
  // Step edges on whole hours so the sums come from the hourly cache.
  let edge = Math.ceil(start / HOUR_MS) * HOUR_MS;
  while (from < t) {
    const to = Math.min(edge, t);
    const c = sumCounts(sim.topology.regions.map((r) => sim.counts(r, slo.sli, limiar, from, to)));
    bad += c.total - c.good;
    out.push([Math.floor(to / 1000), round(allowed > 0 ? 1 - bad / allowed : 1, 5)]);
    from = to;
    edge = to + stepMs;
  }
  return out;
}

const NICE_STEPS = [60, 300, 900, 3600, 10_800, 21_600, 43_200, 86_400];
export const MAX_POINTS = 10_000;

/** The step for a range: the caller's, raised until the range fits in 10,000 points; else ≤ 1,500 points. */
export function stepFor(rangeMs: number, wanted?: number): number {
  const seconds = rangeMs / 1000;
  if (wanted !== undefined) {
    let step = Math.max(60, Math.ceil(wanted / 60) * 60);
    while (seconds / step > MAX_POINTS) step *= 2;
    return step;
  }
  return NICE_STEPS.find((s) => seconds / s <= 1_500) ?? 86_400;
}

const UNITS: Record<Serie, string> = {
  disponibilidade: "%",
  latencia_p50: "ms",
  latencia_p95: "ms",
  latencia_p99: "ms",
  taxa_erro: "%",
  trafego: "req/s",
  atraso_replicacao: "s",
};

interface Bucket {
  total: number;
  bad: number;
  p50Weighted: number;
  lagSum: number;
  minutes: number;
}

function bucket(sim: ProjectSim, region: string, from: number, to: number): Bucket {
  const b: Bucket = { total: 0, bad: 0, p50Weighted: 0, lagSum: 0, minutes: 0 };
  let t = from;
  while (t < to) {
    if (t % HOUR_MS === 0 && t + HOUR_MS <= to) {
      const h = sim.hour(region, t);
      b.total += h.total;
      b.bad += h.bad;
      b.p50Weighted += h.p50Weighted;
      b.lagSum += h.lagSum;
      b.minutes += h.minutes;
      t += HOUR_MS;
    } else {
      const m = sim.minute(region, t);
      b.total += m.total;
      b.bad += m.bad;
      b.p50Weighted += m.p50 * m.total;
      b.lagSum += m.lagS;
      b.minutes += 1;
      t += MINUTE_MS;
    }
  }
  return b;
}

export function metricasAt(
  sim: ProjectSim,
  query: { serie: Serie; regiao: string; de: number; ate: number; passo?: number },
): Metricas {
  const passo = stepFor(query.ate - query.de, query.passo);
  const stepMs = passo * 1000;
  const start = Math.floor(query.de / stepMs) * stepMs;
  const regions = query.regiao === "global" ? sim.topology.regions : [query.regiao];
  const pontos: [number, number | null][] = [];
  for (let t = start; t < query.ate && pontos.length < MAX_POINTS; t += stepMs) {
    const end = Math.min(t + stepMs, Math.ceil(query.ate / MINUTE_MS) * MINUTE_MS);
    const parts = regions.map((r) => ({ region: r, b: bucket(sim, r, t, end) }));
    const total = parts.reduce((a, p) => a + p.b.total, 0);
    const bad = parts.reduce((a, p) => a + p.b.bad, 0);
    const p50 = total > 0 ? parts.reduce((a, p) => a + p.b.p50Weighted, 0) / total : null;
    let value: number | null;
    switch (query.serie) {
      case "disponibilidade":
        value = total > 0 ? round(100 * (1 - bad / total), 4) : null;
        break;
      case "taxa_erro":
        value = total > 0 ? round((100 * bad) / total, 4) : null;
        break;
      case "trafego":
        value = round(total / ((end - t) / 1000), 2);
        break;
      case "latencia_p50":
        value = p50 === null ? null : round(p50, 1);
        break;
      case "latencia_p95":
        value = p50 === null ? null : round(p50 * 2.1, 1);
        break;
      case "latencia_p99":
        value = p50 === null ? null : round(p50 * 3.4, 1);
        break;
      case "atraso_replicacao": {
        // Lag is a replica's: a region holding the primary at that moment has none (a gap, not
        // a flat zero), and global shows the worst replica.
        const replicas = parts.filter((p) => p.region !== sim.primaryAt(t));
        const lags = replicas.map((p) => (p.b.minutes ? p.b.lagSum / p.b.minutes : 0));
        value = lags.length ? round(Math.max(...lags), 2) : null;
        break;
      }
    }
    pontos.push([Math.floor(t / 1000), value]);
  }
  return { serie: query.serie, regiao: query.regiao, passo, unidade: UNITS[query.serie], pontos };
}

/**
 * What the drill is held to: the estimate of the deployed version when it started (contract
 * §6: a region's §5 `perda-regiao`, zone `a`'s `perda-zona`, zones `b`/`c` their own) and
 * today's policy. A drill stored before v1.2 has no plan: the current design's region loss.
 */
export function drillPromises(
  bp: NormalizedBlueprint,
  drill: DrillPhases["drill"],
  { cenarios, politica } = assessScenarios(bp),
) {
  const planned = () => planDrill(bp, drill.regiao, drill.zona ?? null, undefined, cenarios);
  const estimado = drill.plano?.estimado ?? planned().estimado;
  return {
    estimado: {
      rto_s: estimado.rto_s,
      rpo_s: estimado.rpo_s,
      // A plan stored before v1.2's §8 has no budget: the current design's estimate stands in.
      orcamento_gasto:
        "orcamento_gasto" in estimado && estimado.orcamento_gasto !== undefined
          ? estimado.orcamento_gasto
          : planned().estimado.orcamento_gasto,
    },
    rto_alvo_s: politica.rto_s,
    rpo_alvo_s: politica.rpo_s,
  };
}

export interface DrillEvent {
  at: number;
  code:
    | "regiao-indisponivel"
    | "zona-indisponivel"
    | "falha-detectada"
    | "trafego-realocado"
    | "replica-promovida"
    | "regiao-restabelecida"
    | "zona-restabelecida"
    | "trafego-restaurado";
  /** A region, or the zone of a zone drill that kept its region in rotation. */
  regiao: string;
}

export function drillEvents(p: DrillPhases): DrillEvent[] {
  if (!p.regionOut && p.zona) {
    const z = p.zona;
    const events: DrillEvent[] = [
      { at: p.down, code: "zona-indisponivel", regiao: z },
      { at: p.detected, code: "falha-detectada", regiao: z },
    ];
    if (p.promotesInRegion)
      events.push({ at: p.promoted, code: "replica-promovida", regiao: p.drill.regiao });
    events.push(
      { at: p.up, code: "zona-restabelecida", regiao: z },
      { at: p.recovered, code: "trafego-restaurado", regiao: z },
    );
    return events.sort((a, b) => a.at - b.at);
  }
  const r = p.drill.regiao;
  const events: DrillEvent[] = [
    { at: p.down, code: "regiao-indisponivel", regiao: r },
    { at: p.detected, code: "falha-detectada", regiao: r },
  ];
  if (p.takeover)
    events.push({ at: p.trafficMoved, code: "trafego-realocado", regiao: p.takeover });
  if (p.primaryLost)
    events.push({ at: p.promoted, code: "replica-promovida", regiao: p.primaryAfter });
  events.push({ at: p.up, code: "regiao-restabelecida", regiao: r });
  events.push({ at: p.recovered, code: "trafego-restaurado", regiao: r });
  return events.sort((a, b) => a.at - b.at);
}

/** An event the drill records in the project's log (contract §2 `Evento`). */
export interface DrillLogEvent {
  at: number;
  /** Unique within the drill: the event's replay-safe key. */
  code: string;
  tipo: "teste-failover" | "saude" | "failover-inicio" | "failover-fim";
  dados: Record<string, unknown>;
}

/**
 * The drill's events for the project's log. Every failover has exactly one start (when the
 * loss is detected) and one end (when the gateway and the datastore serve everything from
 * elsewhere), and both name the lost region (`regiao`) and where traffic went (`destino`).
 */
export function drillLogEvents(p: DrillPhases): DrillLogEvent[] {
  const lost = p.drill.regiao;
  const scenario = { cenario: scenarioId(lost, p.zona), ...(p.zona ? { zona: p.zona } : {}) };
  const practice = p.drill.pratica ? { pratica: p.drill.pratica } : {};
  if (!p.regionOut) {
    // A zone lost, its region still serving: no traffic leaves the region, so no failover.
    const events: DrillLogEvent[] = [
      {
        at: p.down,
        code: "zona-indisponivel",
        tipo: "teste-failover",
        dados: { fase: "inicio", regiao: lost, ...scenario, ...practice },
      },
      {
        at: p.detected,
        code: "falha-detectada",
        tipo: "saude",
        dados: { fase: "zona-indisponivel", evento: "falha-detectada", regiao: lost, ...scenario },
      },
      {
        at: p.up,
        code: "zona-restabelecida",
        tipo: "saude",
        dados: {
          fase: "zona-restabelecida",
          evento: "zona-restabelecida",
          regiao: lost,
          ...scenario,
        },
      },
      {
        at: p.recovered,
        code: "trafego-restaurado",
        tipo: "teste-failover",
        dados: { fase: "fim", regiao: lost, ...scenario, ...practice },
      },
    ];
    return events.sort((a, b) => a.at - b.at);
  }
  const events: DrillLogEvent[] = [
    {
      at: p.down,
      code: "regiao-indisponivel",
      tipo: "teste-failover",
      dados: { fase: "inicio", regiao: lost, ...scenario, ...practice },
    },
    {
      at: p.detected,
      code: "falha-detectada",
      tipo: "saude",
      dados: { fase: "regiao-indisponivel", evento: "falha-detectada", regiao: lost },
    },
  ];
  if (p.takeover) {
    const route = { regiao: lost, destino: p.takeover };
    events.push(
      {
        at: p.detected,
        code: "failover-iniciado",
        tipo: "failover-inicio",
        dados: { fase: "inicio", ...route },
      },
      {
        at: Math.max(p.trafficMoved, p.promoted),
        code: "failover-concluido",
        tipo: "failover-fim",
        dados: { fase: "fim", ...route, ...(p.primaryLost ? { primario: p.primaryAfter } : {}) },
      },
    );
  }
  events.push(
    {
      at: p.up,
      code: "regiao-restabelecida",
      tipo: "saude",
      dados: { fase: "regiao-restabelecida", evento: "regiao-restabelecida", regiao: lost },
    },
    {
      at: p.recovered,
      code: "trafego-restaurado",
      tipo: "teste-failover",
      dados: { fase: "fim", regiao: lost, ...scenario, ...practice },
    },
  );
  return events.sort((a, b) => a.at - b.at);
}

/**
 * What a finished drill measured: RTO from the loss until everything is served again, RPO the
 * writes a lost asynchronous primary had not yet replicated (its lag at the moment of loss).
 */
export function drillMeasured(sim: ProjectSim, p: DrillPhases): { rto_s: number; rpo_s: number } {
  const sync = sim.topology.datastores.some((d) => d.replicacao === "sincrona");
  return {
    rto_s: round(((p.restored - p.down) / 1000) * sim.clock, 1),
    rpo_s:
      p.primaryLost && !sync
        ? round(sim.sample(p.primaryBefore, Math.floor(p.down / MINUTE_MS) * MINUTE_MS).lagS, 2)
        : 0,
  };
}

export function drillReport(
  sim: ProjectSim,
  bp: NormalizedBlueprint,
  drillId: string,
  t: number,
): TesteFailover | undefined {
  const p = sim.drillPhases().find((x) => x.drill.id === drillId);
  if (!p) return undefined;
  const simSeconds = (from: number, to: number) => round(((to - from) / 1000) * sim.clock, 1);
  const at = (when: number) => (t >= when ? simSeconds(p.down, when) : null);
  const restoredAt = p.restored;
  const done = t >= p.recovered;
  // Failed requests: what the drill added to the failures the SLOs count (the region's
  // traffic until the gateway moved it, every region's writes until a replica took over), from
  // the same minutes the SLOs read, so the budget it says it spent is the budget they lose.
  let extra = 0;
  for (let m = Math.floor(p.down / MINUTE_MS) * MINUTE_MS; m < p.recovered; m += MINUTE_MS)
    for (const r of sim.topology.regions) {
      const own = sim.sample(r, m);
      extra += sim.minute(r, m).bad - own.requests * own.errorRate;
    }
  const failed = Math.max(0, Math.round(extra));
  const availability = slosOf(bp).find((s) => s.sli === "disponibilidade") ?? DEFAULT_SLOS[0];
  const windowTotal = sim.topology.regions.reduce(
    (a, r) =>
      a +
      sim.counts(
        r,
        "disponibilidade",
        undefined,
        p.down - availability.janela_dias * 86_400_000,
        p.down,
      ).total,
    0,
  );
  const rpo = drillMeasured(sim, p).rpo_s;
  return {
    id: p.drill.id,
    regiao: p.drill.regiao,
    zona: p.zona,
    cenario: scenarioId(p.drill.regiao, p.zona),
    versao: p.drill.versao ?? null,
    duracao_s: p.drill.duracao_s,
    status: done ? "concluido" : "em-andamento",
    inicio: iso(p.down),
    fim: done ? iso(p.recovered) : null,
    primario_perdido: p.primaryLost,
    deteccao_s: at(p.detected),
    trafego_realocado_s: at(p.trafficMoved),
    rto_s: at(restoredAt),
    rpo_s: t >= p.promoted ? rpo : null,
    ...drillPromises(bp, p.drill),
    requisicoes_falhas: t >= restoredAt ? failed : null,
    orcamento_gasto:
      t >= restoredAt && windowTotal > 0
        ? round(failed / (windowTotal * errorBudget(availability.objetivo)), 6)
        : null,
    linha_do_tempo: drillEvents(p)
      .filter((e) => e.at <= t)
      .map((e) => ({
        em: iso(e.at),
        apos_s: simSeconds(p.down, e.at),
        evento: e.code,
        regiao: e.regiao,
      })),
  };
}
