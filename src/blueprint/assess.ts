/**
 * The resilience and cost assessment (contract §5, v1.1): how available a design will be, what
 * losing a region or a zone costs in recovery time (RTO) and lost writes (RPO), whether that
 * meets the user's policy, and what it costs a month. One pure function of the normalized
 * blueprint; the console runs it on every edit, the CLI prints it, the API serves it, and the
 * emulator's drills use the same constants, so an estimate and a measurement compare number
 * for number.
 */

import type { Locale } from "../i18n";
import { formatFixed, formatList } from "../i18n/format";
import type { Avaliacao, Cenario, ConformanceFinding, Correcao, Mudanca } from "./avaliacao";
import { resourceIndexOf } from "./findings";
import { blueprintT } from "./i18n";
import type { Plano } from "./plans";
import { cityOf, findRegion, greatCircleKm, nearestRegion, REGIONS } from "./regions";
import type { NormalizedBlueprint } from "./schema";
import { validateBlueprint } from "./validate";

// The wire shape lives apart (the API's schemas use it without the engine).
export * from "./avaliacao";

// --- Constants (simulated seconds; the emulator's runtime uses these very values) ---

/** Health-check defaults of a gateway: every 10 s, 3 failures in a row. */
export const DEFAULT_HEALTH_CHECK = { intervalo_s: 10, falhas_para_failover: 3 } as const;
/** The gateway moves traffic this long after a region is declared lost. */
export const GATEWAY_SHIFT_S = 2;
/** A replica becomes primary this long after its primary's region is declared lost. */
export const PROMOTION_S = 6;
/** Asynchronous replication lags at most this much; the emulator never simulates more. */
export const ASYNC_LAG_MAX_S = 2.5;

/** Policy defaults (contract §5). */
export const DEFAULT_RTO_S = 60;
export const DEFAULT_RPO_ASYNC_S = 5;
export const DEFAULT_AVAILABILITY_NO_INSIGHT = 99.9;

/** Availability of each kind of resource on the request path (contract §5). */
export const AVAILABILITY = {
  oneZone: 0.995,
  multiZone: 0.9995,
  archive: { padrao: 0.999, fria: 0.99 },
  fabric: 0.9999,
  gateway: 0.9999,
  sentinel: 0.9999,
} as const;

/** Monthly price multipliers by region (contract §5). */
export const REGION_PRICE: Readonly<Record<string, number>> = {
  "sa-east-1": 1.3,
  "us-east-1": 1.0,
  "us-west-1": 1.05,
  "eu-central-1": 1.1,
  "eu-south-1": 1.08,
  "ap-southeast-1": 1.15,
  "ap-northeast-1": 1.2,
};

type Recurso = NormalizedBlueprint["recursos"][number];

/** A resource the model reasons about, with where it sits in the blueprint. */
interface OnPath {
  index: number;
  recurso: Recurso;
  availability: number;
  /** Only computes and datastores can sit in one zone; the rest are regional services. */
  singleZone: boolean;
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const cents = (x: number) => round(x, 2);

export interface AssessOptions {
  /** Where each datastore's primary is; by default the first region (contract §5). */
  primario?: string;
  /** The language of the conformance messages; English when absent. */
  locale?: Locale;
  /** The plan the design is checked against: a fix that the plan refuses is not offered. */
  plano?: Plano;
}

/** The facts every figure depends on, read once. */
function modelOf(bp: NormalizedBlueprint) {
  const regions = bp.regioes;
  const R = regions.length;
  const multiZoneAllowed = bp.resiliencia !== "zona-unica";
  const gatewayIndex = bp.recursos.findIndex((r) => r.tipo === "gateway");
  const gateway = gatewayIndex >= 0 ? bp.recursos[gatewayIndex] : undefined;
  const hc = gateway?.tipo === "gateway" ? gateway.config.health_check : DEFAULT_HEALTH_CHECK;
  const detection = hc.intervalo_s * hc.falhas_para_failover;
  let globalAvailability = 1;
  const regional: OnPath[] = [];
  const datastores: { index: number; replicacao: "assincrona" | "sincrona" }[] = [];
  /** A compute or datastore: in two zones of each region when it may and can be. */
  const zonal = (index: number, recurso: Recurso, spansZones: boolean) => {
    const multi = multiZoneAllowed && spansZones;
    regional.push({
      index,
      recurso,
      availability: multi ? AVAILABILITY.multiZone : AVAILABILITY.oneZone,
      singleZone: !multi,
    });
  };
  bp.recursos.forEach((recurso, index) => {
    switch (recurso.tipo) {
      case "gateway":
        globalAvailability *= AVAILABILITY.gateway;
        break;
      case "sentinel":
        globalAvailability *= AVAILABILITY.sentinel;
        break;
      case "compute":
        if (recurso.config.subtipo === "web")
          zonal(index, recurso, Math.floor(recurso.config.replicas_min / R) >= 2);
        break;
      case "datastore":
        datastores.push({ index, replicacao: recurso.config.replicacao });
        zonal(index, recurso, recurso.config.ha);
        break;
      case "archive":
        regional.push({
          index,
          recurso,
          availability: AVAILABILITY.archive[recurso.config.classe],
          singleZone: false,
        });
        break;
      case "fabric":
        regional.push({ index, recurso, availability: AVAILABILITY.fabric, singleZone: false });
        break;
      default:
        break; // insight and autoscale are not on the request path
    }
  });
  return {
    regions,
    R,
    gatewayIndex,
    hc,
    detection,
    globalAvailability,
    regional,
    datastores,
    failsOver: gateway !== undefined && R >= 2,
    anyAsync: datastores.some((d) => d.replicacao === "assincrona"),
  };
}

type Model = ReturnType<typeof modelOf>;

function availabilityOf(m: Model): number {
  // Every region runs the same stack, so S_r is the same for all of them.
  const stack = m.regional.reduce((a, r) => a * r.availability, 1);
  const a = m.failsOver
    ? m.globalAvailability * (1 - (1 - stack) ** m.R)
    : m.globalAvailability * stack;
  return round(100 * a, 4);
}

/** The availability SLO whose error budget a scenario spends (contract §8). */
export function budgetSloOf(
  bp: NormalizedBlueprint,
  politica: Avaliacao["politica"],
): { objetivo: number; janela_dias: number } {
  for (const r of bp.recursos)
    if (r.tipo === "insight")
      for (const slo of r.config.slos)
        if (slo.sli === "disponibilidade")
          return { objetivo: slo.objetivo, janela_dias: slo.janela_dias };
  return { objetivo: politica.disponibilidade_pct, janela_dias: 28 };
}

/**
 * The share of the availability SLO's error budget an outage of `rto` seconds spends (contract
 * §8): all of a region's traffic (1/R of the total) when the region is taken out, a third of it
 * when one zone of three is lost and the region stays. Rounded to 6 decimals.
 */
export function budgetSpentOf(
  bp: NormalizedBlueprint,
  rto: number | null,
  regionOut: boolean,
): number | null {
  if (rto === null) return null;
  const m = modelOf(bp);
  return budgetSpent(m, budgetSloOf(bp, policyOf(bp, m)), rto, regionOut);
}

/** §8: a region out spends 1/R of the traffic's budget for `rto` seconds, a zone 1/(3R). */
function budgetSpent(
  m: Pick<Model, "R">,
  slo: { objetivo: number; janela_dias: number },
  rto: number,
  regionOut: boolean,
): number {
  const share = regionOut ? 1 / m.R : 1 / (3 * m.R);
  return round((share * rto) / (slo.janela_dias * 86400 * (1 - slo.objetivo / 100)), 6);
}

/** Extra latency for traffic served from `to` instead of `from`: 0.015 ms per km, rounded. */
export function extraLatencyMs(from: string, to: string): number {
  const a = findRegion(from);
  const b = findRegion(to);
  return a && b && from !== to ? Math.round(0.015 * greatCircleKm(a, b)) : 0;
}

function scenariosOf(
  m: Model,
  primary: string,
  budget: { objetivo: number; janela_dias: number },
): Cenario[] {
  const hasDatastore = m.datastores.length > 0;
  const lost = {
    sobrevive: false,
    rto_s: null,
    rpo_s: null,
    destino: null,
    latencia_extra_ms: null,
    orcamento_gasto: null,
  } as const;
  const regionLoss = (regiao: string): Cenario => {
    if (!m.failsOver) return { tipo: "perda-regiao", regiao, ...lost };
    const rto = m.detection + (hasDatastore && regiao === primary ? PROMOTION_S : GATEWAY_SHIFT_S);
    // A tie goes to the earlier region of `regioes` (nearestRegion keeps the first it meets).
    const destino = nearestRegion(regiao, m.regions) ?? regiao;
    return {
      tipo: "perda-regiao",
      regiao,
      sobrevive: true,
      rto_s: rto,
      rpo_s: m.anyAsync && regiao === primary ? ASYNC_LAG_MAX_S : 0,
      destino,
      latencia_extra_ms: extraLatencyMs(regiao, destino),
      orcamento_gasto: budgetSpent(m, budget, rto, true),
    };
  };
  const losses = m.regions.map(regionLoss);
  // Zone `a` of each region holds the single-zone resources.
  const zoneSafe = m.regional.every((r) => !r.singleZone);
  const zones = losses.map((loss): Cenario => {
    if (!zoneSafe) return { ...loss, tipo: "perda-zona" };
    // The in-region standby is promoted in the primary's region.
    const rto = m.detection + (hasDatastore && loss.regiao === primary ? PROMOTION_S : 0);
    return {
      tipo: "perda-zona",
      regiao: loss.regiao,
      sobrevive: true,
      rto_s: rto,
      rpo_s: 0,
      destino: loss.regiao,
      latencia_extra_ms: 0,
      orcamento_gasto: budgetSpent(m, budget, rto, false),
    };
  });
  return [...losses, ...zones];
}

function worst(cenarios: Cenario[], key: "rto_s" | "rpo_s"): number | null {
  let w: number | null = null;
  for (const c of cenarios) {
    const v = c[key];
    if (c.sobrevive && v !== null && (w === null || v > w)) w = v;
  }
  return w;
}

function policyOf(bp: NormalizedBlueprint, m: Model): Avaliacao["politica"] {
  let highestSlo: number | undefined;
  for (const r of bp.recursos)
    if (r.tipo === "insight")
      for (const slo of r.config.slos)
        if (slo.sli === "disponibilidade")
          highestSlo = Math.max(highestSlo ?? Number.NEGATIVE_INFINITY, slo.objetivo);
  return {
    rto_s: bp.politica?.rto_s ?? DEFAULT_RTO_S,
    rpo_s: bp.politica?.rpo_s ?? (m.anyAsync ? DEFAULT_RPO_ASYNC_S : 0),
    disponibilidade_pct:
      bp.politica?.disponibilidade_pct ?? highestSlo ?? DEFAULT_AVAILABILITY_NO_INSIGHT,
  };
}

/** The health-check setting that brings the worst RTO within the policy, if one exists. */
function healthCheckFix(
  m: Model,
  worstRto: number,
  policyRto: number,
): { intervalo_s: number; falhas_para_failover: number; rto: number } | undefined {
  const extra = worstRto - m.detection;
  const budget = policyRto - extra;
  // Keep the failure count if possible (fewer failures means more false alarms).
  for (let falhas = m.hc.falhas_para_failover; falhas >= 1; falhas--) {
    const intervalo = Math.min(300, Math.floor(budget / falhas));
    if (intervalo >= 5)
      return {
        intervalo_s: intervalo,
        falhas_para_failover: falhas,
        rto: intervalo * falhas + extra,
      };
  }
  return undefined;
}

function conformanceOf(
  bp: NormalizedBlueprint,
  m: Model,
  estimate: number,
  cenarios: Cenario[],
  politica: Avaliacao["politica"],
  options: AssessOptions,
): ConformanceFinding[] {
  const t = blueprintT(options.locale);
  const findings: ConformanceFinding[] = [];
  const addsNoError = fixChecker(bp, options.plano);
  /** A fix made of `mudancas`, or nothing when applying them would add an error. */
  const offer = (mudancas: Mudanca[]): { correcao: Correcao } | Record<string, never> =>
    mudancas.length > 0 && addsNoError(mudancas) ? { correcao: { ...mudancas[0], mudancas } } : {};
  const rto = worst(cenarios, "rto_s");
  const rpo = worst(cenarios, "rpo_s");
  const primary = m.regions[0];

  if (rto !== null && rto > politica.rto_s) {
    const fix = healthCheckFix(m, rto, politica.rto_s);
    const base = t("assess.rtoBase", {
      interval: m.hc.intervalo_s,
      failures: m.hc.falhas_para_failover,
      detection: m.detection,
      rto,
      policy: politica.rto_s,
    });
    findings.push({
      ponteiro:
        m.gatewayIndex >= 0 ? `/recursos/${m.gatewayIndex}/config/health_check` : "/politica/rto_s",
      codigo: "rto-acima-da-politica",
      severidade: "aviso",
      mensagem:
        m.gatewayIndex < 0
          ? t("assess.rtoSemGateway", { rto, policy: politica.rto_s })
          : fix
            ? `${base} ${t("assess.rtoFix", { interval: fix.intervalo_s, failures: fix.falhas_para_failover, rto: fix.rto })}`
            : `${base} ${t("assess.rtoSemFix", { policy: politica.rto_s, fastest: 5 + rto - m.detection })}`,
      ...(fix && m.gatewayIndex >= 0
        ? offer([
            {
              ponteiro: `/recursos/${m.gatewayIndex}/config/health_check`,
              valor: {
                ...m.hc,
                intervalo_s: fix.intervalo_s,
                falhas_para_failover: fix.falhas_para_failover,
              },
            },
          ])
        : {}),
    });
  }

  if (rpo !== null && rpo > politica.rpo_s) {
    const asyncs = m.datastores.filter((d) => d.replicacao === "assincrona");
    const async = asyncs[0];
    if (async) {
      const nome = bp.recursos[async.index].nome;
      findings.push({
        ponteiro: `/recursos/${async.index}/config/replicacao`,
        codigo: "rpo-acima-da-politica",
        severidade: "aviso",
        mensagem: t("assess.rpo", {
          name: nome,
          city: cityOf(primary),
          region: primary,
          rpo: round(rpo, 2),
          policy: round(politica.rpo_s, 2),
        }),
        // The primary's region loses the writes of every asynchronous datastore: all of them.
        ...offer(
          asyncs.map((d) => ({
            ponteiro: `/recursos/${d.index}/config/replicacao`,
            valor: "sincrona",
          })),
        ),
      });
    }
  }

  if (estimate < politica.disponibilidade_pct) {
    const advice = availabilityAdvice(bp, m, politica.disponibilidade_pct, t, options.locale);
    findings.push({
      ponteiro: advice.ponteiro,
      codigo: "disponibilidade-abaixo-da-politica",
      severidade: "aviso",
      mensagem: `${t("assess.disponibilidade", { estimate: formatFixed(options.locale ?? "en", estimate, 4, false), policy: politica.disponibilidade_pct })} ${advice.text}`,
      ...(advice.mudancas ? offer(advice.mudancas) : {}),
    });
  }

  if (bp.resiliencia !== "zona-unica")
    for (const r of m.regional) {
      if (!r.singleZone) continue;
      const fix = raiseToMultiZone(m, r);
      findings.push({
        ponteiro: fix.ponteiro,
        codigo: "zona-unica-em-regiao",
        severidade: "aviso",
        mensagem: `${
          r.recurso.tipo === "compute"
            ? t("assess.zonaUnicaCompute", {
                name: r.recurso.nome,
                perRegion: Math.floor(r.recurso.config.replicas_min / m.R),
                total: r.recurso.config.replicas_min,
                regions: m.R,
              })
            : t("assess.zonaUnicaDatastore", { name: r.recurso.nome })
        } ${fix.label(t)}.`,
        ...offer(fix.mudancas),
      });
    }
  return findings;
}

/**
 * The fields that put a compute or datastore in two zones of every region: `replicas_min` at
 * two per region (and `replicas_max` raised to it where it was lower), or `ha`.
 */
function raiseToMultiZone(
  m: Pick<Model, "R">,
  r: OnPath,
): { ponteiro: string; mudancas: Mudanca[]; label: (t: ReturnType<typeof blueprintT>) => string } {
  if (r.recurso.tipo === "compute") {
    const valor = 2 * m.R;
    const ponteiro = `/recursos/${r.index}/config/replicas_min`;
    const max = r.recurso.config.replicas_max;
    const mudancas: Mudanca[] = [{ ponteiro, valor }];
    if (max < valor) mudancas.push({ ponteiro: `/recursos/${r.index}/config/replicas_max`, valor });
    return {
      ponteiro,
      mudancas,
      label: (t) =>
        max < valor
          ? t("assess.fixReplicasMax", { name: r.recurso.nome, value: valor })
          : t("assess.fixReplicas", { name: r.recurso.nome, value: valor }),
    };
  }
  const ponteiro = `/recursos/${r.index}/config/ha`;
  return {
    ponteiro,
    mudancas: [{ ponteiro, valor: true }],
    label: (t) => t("assess.fixHa", { name: r.recurso.nome }),
  };
}

/** Availability of a regional resource at its best: in two zones where it can be. */
function bestOf(r: OnPath): number {
  return r.singleZone ? AVAILABILITY.multiZone : r.availability;
}

/** The estimate (rounded, as compared) of `regions` regions running `stack`, behind `global`. */
function estimateOf(global: number, stack: number, regions: number, failsOver: boolean): number {
  return round(100 * (failsOver ? global * (1 - (1 - stack) ** regions) : global * stack), 4);
}

/**
 * What reaches the availability policy, found in this order: the fewest single-zone resources
 * put in two zones (a one-click fix, offered only when its own estimate meets the policy); a
 * higher resilience level or more regions, with every resource in two zones (advice: choosing
 * regions is the user's); else no change of zones or regions does, and the message names the
 * ceiling and the global resources that set it.
 */
function availabilityAdvice(
  bp: NormalizedBlueprint,
  m: Model,
  policy: number,
  t: ReturnType<typeof blueprintT>,
  locale: Locale | undefined,
): { ponteiro: string; text: string; mudancas?: Mudanca[] } {
  const pct4 = (x: number) => formatFixed(locale ?? "en", x, 4, false);
  const single = bp.resiliencia === "zona-unica" ? [] : m.regional.filter((r) => r.singleZone);
  // Every single-zone resource has the same availability: the first ones in the blueprint go,
  // one more each step, each step's stack the previous one's with that resource raised.
  let stack = m.regional.reduce((a, r) => a * r.availability, 1);
  for (let k = 1; k <= single.length; k++) {
    stack *= bestOf(single[k - 1]) / single[k - 1].availability;
    const after = estimateOf(m.globalAvailability, stack, m.R, m.failsOver);
    if (after >= policy) {
      const fixes = single.slice(0, k).map((r) => raiseToMultiZone(m, r));
      return {
        ponteiro: fixes[0].ponteiro,
        text: t("assess.disponibilidadeFix", {
          fix: formatList(
            locale ?? "en",
            fixes.map((f) => f.label(t)),
            "conjunction",
          ),
          after: pct4(after),
        }),
        mudancas: fixes.flatMap((f) => f.mudancas),
      };
    }
  }
  const bestStack = m.regional.reduce((a, r) => a * bestOf(r), 1);
  const hasGateway = m.gatewayIndex >= 0;
  // Failing over between regions takes a gateway: one more global resource when it is added.
  const regionalGlobal = m.globalAvailability * (hasGateway ? 1 : AVAILABILITY.gateway);
  if (
    bp.resiliencia === "zona-unica" &&
    estimateOf(m.globalAvailability, bestStack, 1, false) >= policy
  )
    return {
      ponteiro: "/resiliencia",
      text: t("assess.disponibilidadeNivel", {
        after: pct4(estimateOf(m.globalAvailability, bestStack, 1, false)),
      }),
    };
  const from = bp.resiliencia === "multi-regiao" ? m.R + 1 : 2;
  for (let regions = from; regions <= REGIONS.length; regions++) {
    const after = estimateOf(regionalGlobal, bestStack, regions, true);
    if (after >= policy)
      return {
        ponteiro: bp.resiliencia === "multi-regiao" ? "/regioes" : "/resiliencia",
        text: t("assess.disponibilidadeRegioes", {
          regions,
          after: pct4(after),
          level: bp.resiliencia === "multi-regiao" ? "same" : "multi",
          gateway: hasGateway ? "yes" : "no",
        }),
      };
  }
  const { ceiling } = explainAvailability(bp);
  const globals = bp.recursos.filter((r) => r.tipo === "gateway" || r.tipo === "sentinel");
  return {
    ponteiro: "/politica/disponibilidade_pct",
    text:
      globals.length > 0
        ? t("assess.disponibilidadeTeto", {
            policy,
            ceiling: pct4(ceiling),
            components: formatList(
              locale ?? "en",
              globals.map((r) => `${r.nome} (${r.tipo})`),
              "conjunction",
            ),
          })
        : t("assess.disponibilidadeTetoRegional", { policy, ceiling: pct4(ceiling) }),
  };
}

/** Fix checks already made, by what was checked (see `fixChecker`). */
const fixChecks = new Map<string, boolean>();

/** A resource's config without its fabric (which names other resources). */
function configOf(r: NormalizedBlueprint["recursos"][number]): Record<string, unknown> {
  const config = r.config as Record<string, unknown>;
  if (!("fabric" in config)) return config;
  const { fabric: _fabric, ...rest } = config;
  return rest;
}

/**
 * For one assessment: whether applying `mudancas` to `bp` adds no error, by the same
 * validation as everywhere (schema, rules, the plan's limits), run on the resources the
 * changes touch: the fields a fix sets (replicas, `ha`, `replicacao`, health checks) are
 * checked by rules of their own resource and the blueprint's level and regions, never by
 * another resource. Remembered by what was checked, so a design with many alike resources
 * checks each kind once; what every check shares (level, regions, plan) is written into that
 * key once per assessment, not once per finding.
 */
function fixChecker(bp: NormalizedBlueprint, plano: Plano | undefined) {
  const shared = JSON.stringify([bp.resiliencia, bp.regioes, plano ?? null]);
  return (mudancas: Mudanca[]): boolean => {
    const indices: number[] = [];
    const touched: { i: number; field: string; valor: unknown }[] = [];
    for (const c of mudancas) {
      const i = resourceIndexOf(c.ponteiro);
      // A fix sets a field of a resource, never a whole one.
      const field = c.ponteiro.indexOf("/", "/recursos/".length);
      if (i === undefined || field < 0 || !bp.recursos[i]) return false;
      if (!indices.includes(i)) indices.push(i);
      touched.push({ i, field: c.ponteiro.slice(field), valor: c.valor });
    }
    // The touched resources without what names other resources or themselves (their name,
    // connections, fabric): no rule that reads a fix's fields reads those, and without them
    // alike resources check once, not once each (1,000 resources: ~300 findings, a few kinds).
    // The key is written piece by piece (JSON never holds a raw \u0000 or \u0001); the
    // documents are built only when the key is new.
    let key = shared;
    for (const i of indices)
      key += `\u0000${bp.recursos[i].tipo}\u0000${JSON.stringify(configOf(bp.recursos[i]))}`;
    const local = touched.map(({ i, field, valor }) => ({
      ponteiro: `/recursos/${indices.indexOf(i)}${field}`,
      valor,
    }));
    for (const c of local) key += `\u0001${c.ponteiro}\u0000${JSON.stringify(c.valor)}`;
    const known = fixChecks.get(key);
    if (known !== undefined) return known;
    const recursos = indices.map((i, k) => ({
      tipo: bp.recursos[i].tipo,
      nome: `r${k}`,
      config: configOf(bp.recursos[i]),
    }));
    const before = { nome: "fix", resiliencia: bp.resiliencia, regioes: bp.regioes, recursos };
    const after = structuredClone(before);
    for (const c of local) setAt(after, c.ponteiro, c.valor);
    const errors = (doc: unknown) =>
      new Set(
        validateBlueprint(doc, { plano })
          .problemas.filter((f) => f.severidade === "erro")
          .map((f) => `${f.codigo} ${f.ponteiro}`),
      );
    const had = errors(before);
    const clean = [...errors(after)].every((e) => had.has(e));
    if (fixChecks.size > 1_000) fixChecks.clear();
    fixChecks.set(key, clean);
    return clean;
  };
}

/** Sets the value at a JSON Pointer (objects only; the pointers above address config fields). */
export function setAt(doc: unknown, ponteiro: string, valor: unknown): void {
  const path = ponteiro
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  let node = doc as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = valor;
}

function costOf(bp: NormalizedBlueprint, m: Model): Avaliacao["custo_mensal_usd"] {
  const multipliers = m.regions.map((r) => REGION_PRICE[r] ?? 1);
  const sumMultipliers = multipliers.reduce((a, b) => a + b, 0);
  const perRegion = m.regions.map(() => ({ min: 0, max: 0 }));
  const byResource: { nome: string; min: number; max: number }[] = [];
  let globalMin = 0;
  let globalMax = 0;
  const regional = (nome: string, min: number, max: number) => {
    // `min` and `max` are one region's price at multiplier 1.
    multipliers.forEach((k, i) => {
      perRegion[i].min += min * k;
      perRegion[i].max += max * k;
    });
    byResource.push({ nome, min: min * sumMultipliers, max: max * sumMultipliers });
  };
  const global = (nome: string, price: number) => {
    globalMin += price;
    globalMax += price;
    byResource.push({ nome, min: price, max: price });
  };
  for (const r of bp.recursos) {
    switch (r.tipo) {
      case "compute": {
        const replica = 24 * r.config.cpu + (3 * r.config.memoria_mb) / 1024;
        regional(
          r.nome,
          (replica * r.config.replicas_min) / m.R,
          (replica * r.config.replicas_max) / m.R,
        );
        break;
      }
      case "datastore": {
        const price = (r.config.ha ? 2 : 1) * (50 + 0.1 * r.config.tamanho_gb);
        regional(r.nome, price, price);
        break;
      }
      case "archive": {
        const price = r.config.classe === "fria" ? 3 : 12;
        regional(r.nome, price, price);
        break;
      }
      case "fabric":
        regional(r.nome, 5, 5);
        break;
      case "gateway":
        global(r.nome, 20);
        break;
      case "sentinel":
        global(r.nome, 15 + 5 * r.config.regras.length);
        break;
      case "insight":
        global(r.nome, 8 + 0.02 * r.config.retencao_dias * bp.recursos.length);
        break;
      case "autoscale":
        global(r.nome, 0);
        break;
    }
  }
  const totalMin = perRegion.reduce((a, r) => a + r.min, globalMin);
  const totalMax = perRegion.reduce((a, r) => a + r.max, globalMax);
  return {
    min: cents(totalMin),
    max: cents(totalMax),
    por_regiao: m.regions.map((regiao, i) => ({
      regiao,
      min: cents(perRegion[i].min),
      max: cents(perRegion[i].max),
    })),
    por_recurso: byResource.map((r) => ({ nome: r.nome, min: cents(r.min), max: cents(r.max) })),
  };
}

/** The §5 assessment of a normalized, valid blueprint. Pure; never throws on valid input. */
export function assess(bp: NormalizedBlueprint, options: AssessOptions = {}): Avaliacao {
  const m = modelOf(bp);
  const estimate = availabilityOf(m);
  const politica = policyOf(bp, m);
  const cenarios = scenariosOf(m, options.primario ?? m.regions[0], budgetSloOf(bp, politica));
  return {
    disponibilidade_estimada_pct: estimate,
    cenarios,
    rto_s: worst(cenarios, "rto_s"),
    rpo_s: worst(cenarios, "rpo_s"),
    politica,
    conformidade: conformanceOf(bp, m, estimate, cenarios, politica, options),
    custo_mensal_usd: costOf(bp, m),
  };
}

/**
 * The two figures the optimiser compares, by the very arithmetic of `assess` (the same
 * functions, so a candidate's point on the frontier is its assessment's, to the cent).
 */
export function headlineFigures(bp: NormalizedBlueprint): {
  disponibilidade_estimada_pct: number;
  custo_max: number;
} {
  const m = modelOf(bp);
  return { disponibilidade_estimada_pct: availabilityOf(m), custo_max: costOf(bp, m).max };
}

/**
 * Only the scenarios and the effective policy: what a runbook needs, without the conformance
 * findings and their checked fixes (the costly part of `assess`).
 */
export function assessScenarios(
  bp: NormalizedBlueprint,
  primario?: string,
): { cenarios: Cenario[]; politica: Avaliacao["politica"] } {
  const m = modelOf(bp);
  const politica = policyOf(bp, m);
  return {
    cenarios: scenariosOf(m, primario ?? m.regions[0], budgetSloOf(bp, politica)),
    politica,
  };
}

/**
 * Resources that are a single point of failure in their region: an on-path compute or
 * datastore that lives in one zone, so losing that zone takes the region out. By index into
 * `recursos`.
 */
export function singlePointsOfFailure(bp: NormalizedBlueprint): Set<number> {
  const m = modelOf(bp);
  return new Set(m.regional.filter((r) => r.singleZone).map((r) => r.index));
}

/** Why the estimate is what it is: each factor of the §5 product, and how far it can go. */
export interface AvailabilityExplanation {
  /** Global resources every request passes through (gateway, sentinel), as fractions. */
  global: { nome: string; tipo: string; availability: number }[];
  /** The regional resources on the request path, in every region alike. */
  regional: { nome: string; tipo: string; availability: number; zones: 1 | 2 }[];
  /** One region's stack S_r: the product of its regional resources. */
  region: number;
  regions: number;
  /** Whether a region loss fails over (a gateway and ≥ 2 regions): regions back each other up. */
  failsOver: boolean;
  /** 1 − (1 − S_r)^R with fail-over, else S_r: the regional part of the estimate. */
  regionalPart: number;
  /** The rounded estimate, as `disponibilidade_estimada_pct`. */
  estimate: number;
  /** The best estimate any change of zones or regions (up to the catalog's) reaches. */
  ceiling: number;
}

export function explainAvailability(bp: NormalizedBlueprint): AvailabilityExplanation {
  const m = modelOf(bp);
  const region = m.regional.reduce((a, r) => a * r.availability, 1);
  const bestStack = m.regional.reduce((a, r) => a * bestOf(r), 1);
  const withGateway = m.globalAvailability * (m.gatewayIndex >= 0 ? 1 : AVAILABILITY.gateway);
  return {
    global: bp.recursos.flatMap((r) =>
      r.tipo === "gateway" || r.tipo === "sentinel"
        ? [{ nome: r.nome, tipo: r.tipo, availability: AVAILABILITY[r.tipo] }]
        : [],
    ),
    regional: m.regional.map((r) => ({
      nome: r.recurso.nome,
      tipo: r.recurso.tipo,
      availability: r.availability,
      zones: r.singleZone ? 1 : 2,
    })),
    region,
    regions: m.R,
    failsOver: m.failsOver,
    regionalPart: m.failsOver ? 1 - (1 - region) ** m.R : region,
    estimate: availabilityOf(m),
    ceiling: Math.max(
      estimateOf(withGateway, bestStack, REGIONS.length, true),
      estimateOf(m.globalAvailability, bestStack, 1, false),
    ),
  };
}

/** What a drill of a region or one of its zones does to this design (contract §6). */
export interface DrillFacts {
  /** Detection time D, simulated seconds. */
  detection: number;
  gateway: string | undefined;
  healthCheck: { intervalo_s: number; falhas_para_failover: number };
  /** A gateway and ≥ 2 regions: a region can be taken out of rotation. */
  failsOver: boolean;
  /** Every regional on-path resource spans ≥ 2 zones: losing zone `a` keeps the region. */
  zoneSafe: boolean;
  /** Some on-path web compute spans ≥ 2 zones (it has replicas in zones `b` and `c`). */
  webInEveryZone: boolean;
  datastores: string[];
  anyAsync: boolean;
}

export function drillFacts(bp: NormalizedBlueprint): DrillFacts {
  const m = modelOf(bp);
  const gateway = m.gatewayIndex >= 0 ? bp.recursos[m.gatewayIndex].nome : undefined;
  return {
    detection: m.detection,
    gateway,
    healthCheck: { intervalo_s: m.hc.intervalo_s, falhas_para_failover: m.hc.falhas_para_failover },
    failsOver: m.failsOver,
    zoneSafe: m.regional.every((r) => !r.singleZone),
    webInEveryZone: m.regional.some((r) => r.recurso.tipo === "compute" && !r.singleZone),
    datastores: m.datastores.map((d) => bp.recursos[d.index].nome),
    anyAsync: m.anyAsync,
  };
}
