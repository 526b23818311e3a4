/**
 * The optimiser (contract §8): of every design made from the input by choosing its regions,
 * resilience level, web replicas per region, datastore HA and replication, archive class and
 * the gateway's health checks, which ones meet the resilience policy, and which of those is the
 * cheapest, the least changed and the most available; and the cost/availability frontier.
 *
 * Exact without enumerating: the space is a product (43 region sets × 3^web × 4^datastores ×
 * 2^archives × 12 health checks: 96 million designs for 6 web computes, 3 datastores and
 * 2 archives), but almost none of it can win. How the search prunes, in order:
 *
 * 1. Regions and level ("outer", 43 at most) are enumerated; everything below is per outer.
 * 2. The health check only sets the detection time D: it costs nothing and moves no estimate,
 *    so it is chosen on its own (the allowed setting with the fewest changes, then largest D).
 * 3. What the policy and the rules force, resource by resource: under `multi-zona` or
 *    `multi-regiao`, a qualifying design has every web compute at ≥ 2 replicas per region and
 *    every datastore with `ha` (else `zona-unica-em-regiao` or `datastore-sem-ha`); when an
 *    explicit RPO below the asynchronous lag must hold across regions, every datastore is
 *    `sincrona`; a plan without synchronous replication never has it.
 * 4. What is left couples resources only through the availability estimate, which depends on
 *    how many resources of each kind sit at the lower of their two availabilities (one zone, or
 *    `fria`), not on which. For each count, the best resources to lower are the ones whose
 *    lowering costs least under the objective's order, taken greedily: every objective's key is
 *    lexicographic over sums (cost, changes, replicas), and a lexicographic order is compatible
 *    with addition, so the best sum is the sum of the best parts.
 * 5. Each remaining representative (a few per outer and count) is built and measured by the
 *    very functions of `assess`; the three options are assessed in full and checked by
 *    `validateBlueprint` like any design.
 *
 * One representative stands for candidates that tie on every key the contract names; ties
 * beyond those (two archives of equal price, say) go to the resource that comes first.
 */

import type { Locale } from "../i18n";
import {
  ASYNC_LAG_MAX_S,
  type Avaliacao,
  assess,
  DEFAULT_HEALTH_CHECK,
  GATEWAY_SHIFT_S,
  headlineFigures,
  PROMOTION_S,
  REGION_PRICE,
  setAt,
} from "./assess";
import { normalizeBlueprint } from "./normalize";
import type { Objetivo, Otimizacao, PontoFronteira, SemOpcao } from "./otimizacao";
import type { Plano, Resiliencia } from "./plans";
import { REGIONS } from "./regions";
import type { Blueprint, NormalizedBlueprint } from "./schema";
import { validateBlueprint } from "./validate";

export * from "./otimizacao";

export interface OptimizeOptions {
  /** The plan candidates validate on; without one, plan rules are not checked. */
  plano?: Plano;
  /** The language of the options' assessments. */
  locale?: Locale;
}

type Recurso = NormalizedBlueprint["recursos"][number];

const HEALTH_INTERVALS = [5, 10, 15, 30] as const;
const HEALTH_FAILURES = [1, 2, 3] as const;
/** The rule codes the search models itself; any other error is in every candidate alike. */
const MODELLED_ERRORS = new Set([
  "replicas-invalidas",
  "replicas-por-regiao",
  "replicas-multi-zona",
  "multi-regiao-sem-gateway",
  "datastore-sem-ha",
  "regioes-insuficientes",
  "plano-insuficiente",
]);
/** Every field a candidate may change, per resource type, in the order changes are listed. */
const FIELDS = {
  compute: ["replicas_min", "replicas_max"],
  datastore: ["ha", "replicacao"],
  archive: ["classe"],
  gateway: ["health_check/intervalo_s", "health_check/falhas_para_failover"],
} as const;

interface Outer {
  regioes: string[];
  resiliencia: Resiliencia;
}

/** A resource's setting in one candidate and what it adds to the candidate's keys. */
interface Option {
  config: Record<string, unknown>;
  /** Monthly `max` cost, in micro-dollars (integers add exactly). */
  cost: number;
  changes: number;
  replicas: number;
  /** 1 at the higher of the resource's two availabilities (two zones, `padrao`), else 0. */
  level: 0 | 1;
  valid: boolean;
  /** `zona-unica-em-regiao` would name it. */
  oneZone: boolean;
  async: boolean;
}

/** Key parts in objective order: [cost, changes, replicas]. */
type Key = [number, number, number];
type Order = readonly [number, number, number];
const COST_FIRST: Order = [0, 1, 2];
const CHANGES_FIRST: Order = [1, 0, 2];

function compareKeys(a: Key, b: Key, order: Order): number {
  for (const i of order) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
const keyOf = (o: Option): Key => [o.cost, o.changes, o.replicas];
const micro = (usd: number) => Math.round(usd * 1e6);
const lexRegions = (a: readonly string[], b: readonly string[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
};

/** Regions: the first kept, then 0–3 others (the input's in its order, new ones by catalog). */
function outersOf(bp: NormalizedBlueprint): Outer[] {
  const first = bp.regioes[0];
  const others = REGIONS.map((r) => r.id).filter((id) => id !== first);
  const out: Outer[] = [
    { regioes: [first], resiliencia: "multi-zona" },
    { regioes: [first], resiliencia: "zona-unica" },
  ];
  const subsets: string[][] = [];
  const walk = (from: number, chosen: string[]) => {
    if (chosen.length > 0) subsets.push(chosen);
    if (chosen.length === 3) return;
    for (let i = from; i < others.length; i++) walk(i + 1, [...chosen, others[i]]);
  };
  walk(0, []);
  for (const subset of subsets) {
    const kept = bp.regioes.filter((r) => r !== first && subset.includes(r));
    const added = others.filter((r) => subset.includes(r) && !bp.regioes.includes(r));
    out.push({ regioes: [first, ...new Set(kept), ...added], resiliencia: "multi-regiao" });
  }
  return out;
}

interface Context {
  bp: NormalizedBlueprint;
  plano: Plano | undefined;
  gatewayIndex: number;
  hasDatastore: boolean;
  /** Web computes, datastores, archives: the resources whose choices move the estimate. */
  categories: number[][];
  policy: { rto_s: number; rpo_s: number | undefined; disponibilidade_pct: number };
}

function contextOf(
  bp: NormalizedBlueprint,
  plano: Plano | undefined,
  politica: Avaliacao["politica"],
): Context {
  const categories: number[][] = [[], [], []];
  bp.recursos.forEach((r, i) => {
    if (r.tipo === "compute" && r.config.subtipo === "web") categories[0].push(i);
    else if (r.tipo === "datastore") categories[1].push(i);
    else if (r.tipo === "archive") categories[2].push(i);
  });
  // The effective policy, from the input's assessment; only the RPO default depends on the
  // candidate, so only an explicit RPO is kept.
  return {
    bp,
    plano,
    gatewayIndex: bp.recursos.findIndex((r) => r.tipo === "gateway"),
    hasDatastore: categories[1].length > 0,
    categories,
    policy: {
      rto_s: politica.rto_s,
      rpo_s: bp.politica?.rpo_s,
      disponibilidade_pct: politica.disponibilidade_pct,
    },
  };
}

const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);

/** The settings a resource may take under an outer, with what each adds. */
function optionsOf(ctx: Context, o: Outer, r: Recurso): Option[] {
  const R = o.regioes.length;
  const M = o.regioes.reduce((s, id) => s + (REGION_PRICE[id] ?? 1), 0);
  const multiAllowed = o.resiliencia !== "zona-unica";
  const base = { valid: true, oneZone: false, async: false, replicas: 0 };
  switch (r.tipo) {
    case "compute": {
      const replica = 24 * r.config.cpu + (3 * r.config.memoria_mb) / 1024;
      const priced = (min: number) => {
        const max = Math.max(r.config.replicas_max, min);
        return {
          config: { replicas_min: min, replicas_max: max },
          cost: micro(((replica * max) / R) * M),
          changes: Number(min !== r.config.replicas_min) + Number(max !== r.config.replicas_max),
          replicas: min,
        };
      };
      if (r.config.subtipo !== "web") {
        const floor = o.resiliencia === "multi-zona" ? 2 : R;
        return [{ ...base, ...priced(Math.max(r.config.replicas_min, floor)), level: 1 }];
      }
      return [1, 2, 3].map((k) => {
        const multi = multiAllowed && k >= 2;
        return {
          ...base,
          ...priced(k * R),
          level: multi ? 1 : 0,
          valid: !(o.resiliencia === "multi-zona" && k * R < 2),
          oneZone: multiAllowed && !multi,
        };
      });
    }
    case "datastore": {
      const out: Option[] = [];
      for (const ha of [true, false])
        for (const replicacao of ["assincrona", "sincrona"] as const) {
          const multi = multiAllowed && ha;
          out.push({
            ...base,
            config: { ha, replicacao },
            cost: micro((ha ? 2 : 1) * (50 + 0.1 * r.config.tamanho_gb) * M),
            changes: Number(ha !== r.config.ha) + Number(replicacao !== r.config.replicacao),
            level: multi ? 1 : 0,
            valid:
              !(multiAllowed && !ha) &&
              !(replicacao === "sincrona" && ctx.plano !== undefined && ctx.plano !== "enterprise"),
            oneZone: multiAllowed && !ha,
            async: replicacao === "assincrona",
          });
        }
      return out;
    }
    case "archive":
      return (["padrao", "fria"] as const).map((classe) => ({
        ...base,
        config: { classe },
        cost: micro((classe === "fria" ? 3 : 12) * M),
        changes: Number(classe !== r.config.classe),
        level: classe === "padrao" ? 1 : 0,
      }));
    default:
      return [];
  }
}

interface HealthCheckChoice {
  hc: Record<string, unknown> | undefined;
  D: number;
  changes: number;
}

/** The gateway's health-check settings, each with its detection time and changes. */
function healthChecksOf(ctx: Context): HealthCheckChoice[] {
  const g = ctx.bp.recursos[ctx.gatewayIndex];
  if (g?.tipo !== "gateway")
    return [
      {
        hc: undefined,
        D: DEFAULT_HEALTH_CHECK.intervalo_s * DEFAULT_HEALTH_CHECK.falhas_para_failover,
        changes: 0,
      },
    ];
  const cur = g.config.health_check;
  return HEALTH_INTERVALS.flatMap((intervalo_s) =>
    HEALTH_FAILURES.map((falhas_para_failover) => ({
      hc: { ...cur, intervalo_s, falhas_para_failover },
      D: intervalo_s * falhas_para_failover,
      changes:
        Number(intervalo_s !== cur.intervalo_s) +
        Number(falhas_para_failover !== cur.falhas_para_failover),
    })),
  );
}

/** What the search keeps of a design: its parts and keys, and (once built) its figures. */
interface Candidate {
  outer: Outer;
  choice: Map<number, Option>;
  hc: HealthCheckChoice;
  key: Key;
  D: number;
  bp: NormalizedBlueprint;
  figures: { custo_max: number; disponibilidade_estimada_pct: number };
}

type Filter = (o: Option) => boolean;

/**
 * For each count of lowered resources per category, the best choice under `order` among the
 * options `filter` keeps (step 4 above); `undefined` when some resource has no such option.
 */
function representatives(
  ctx: Context,
  options: Map<number, Option[]>,
  filter: Filter,
  order: Order,
): Map<number, Option>[] | undefined {
  const perCategory: { base: Map<number, Option>; lowerings: [number, Option][][] }[] = [];
  for (const indices of ctx.categories) {
    const base = new Map<number, Option>();
    const flexible: { index: number; lo: Option; delta: Key }[] = [];
    let forcedLow: [number, Option][] = [];
    for (const i of indices) {
      const kept = (options.get(i) ?? []).filter(filter);
      const best = (level: 0 | 1) =>
        kept
          .filter((o) => o.level === level)
          .reduce<Option | undefined>(
            (a, o) => (!a || compareKeys(keyOf(o), keyOf(a), order) < 0 ? o : a),
            undefined,
          );
      const hi = best(1);
      const lo = best(0);
      if (!hi && !lo) return undefined;
      if (hi) base.set(i, hi);
      if (hi && lo) {
        const [a, b] = [keyOf(lo), keyOf(hi)];
        flexible.push({ index: i, lo, delta: [a[0] - b[0], a[1] - b[1], a[2] - b[2]] });
      } else if (lo) forcedLow = [...forcedLow, [i, lo]];
    }
    flexible.sort((a, b) => compareKeys(a.delta, b.delta, order) || a.index - b.index);
    const lowerings: [number, Option][][] = [];
    for (let k = 0; k <= flexible.length; k++)
      lowerings.push([
        ...forcedLow,
        ...flexible.slice(0, k).map((f): [number, Option] => [f.index, f.lo]),
      ]);
    perCategory.push({ base, lowerings });
  }
  // Every combination of counts across the three categories.
  let combos: Map<number, Option>[] = [new Map()];
  for (const { base, lowerings } of perCategory) {
    const next: Map<number, Option>[] = [];
    for (const partial of combos)
      for (const lowered of lowerings) {
        const m = new Map(partial);
        for (const [i, o] of base) m.set(i, o);
        for (const [i, o] of lowered) m.set(i, o);
        next.push(m);
      }
    combos = next;
  }
  return combos;
}

/** The normalized candidate: the input with the outer and each chosen setting. */
function build(
  bp: NormalizedBlueprint,
  outer: Outer,
  choice: Map<number, Option>,
  fixed: Map<number, Option>,
  gatewayIndex: number,
  hc: Record<string, unknown> | undefined,
): NormalizedBlueprint {
  return {
    ...bp,
    resiliencia: outer.resiliencia,
    regioes: outer.regioes,
    recursos: bp.recursos.map((r, i) => {
      const o = choice.get(i) ?? fixed.get(i);
      let config = o ? { ...r.config, ...o.config } : r.config;
      if (i === gatewayIndex && hc) config = { ...config, health_check: hc } as typeof config;
      return config === r.config ? r : ({ ...r, config } as unknown as Recurso);
    }),
  };
}

/** RTO of a candidate that meets the zone rule (contract §5), or null when nothing survives. */
function rtoOf(ctx: Context, outer: Outer, D: number): number | null {
  const failsOver = ctx.gatewayIndex >= 0 && outer.regioes.length >= 2;
  if (failsOver) return D + (ctx.hasDatastore ? PROMOTION_S : GATEWAY_SHIFT_S);
  const zoneSafe =
    outer.resiliencia !== "zona-unica" ||
    (ctx.categories[0].length === 0 && ctx.categories[1].length === 0);
  return zoneSafe ? D + (ctx.hasDatastore ? PROMOTION_S : 0) : null;
}

/**
 * An explicit RPO under the asynchronous lag, with traffic failing over between regions: every
 * datastore must replicate synchronously.
 */
function forcesSync(ctx: Context, outer: Outer): boolean {
  const failsOver = ctx.gatewayIndex >= 0 && outer.regioes.length >= 2;
  return failsOver && ctx.policy.rpo_s !== undefined && ctx.policy.rpo_s < ASYNC_LAG_MAX_S;
}

interface Search {
  qualifying: Candidate[];
  valid: Candidate[];
  /**
   * Candidates that validate and meet the zone rule, cost-first: only asked for (`why`) when
   * nothing qualifies, to say which constraint no candidate meets.
   */
  zoneOk: Candidate[];
}

function search(ctx: Context, why = false): Search {
  const { bp } = ctx;
  const hcs = healthChecksOf(ctx);
  const result: Search = { qualifying: [], valid: [], zoneOk: [] };
  for (const outer of outersOf(bp)) {
    if (outer.resiliencia === "multi-regiao" && (ctx.gatewayIndex < 0 || ctx.plano === "starter"))
      continue; // multi-regiao-sem-gateway, plano-insuficiente: nothing under it validates
    const options = new Map<number, Option[]>();
    const fixed = new Map<number, Option>();
    let fixedKey: Key = [0, 0, 0];
    bp.recursos.forEach((r, i) => {
      const opts = optionsOf(ctx, outer, r);
      if (r.tipo === "compute" && r.config.subtipo !== "web") {
        fixed.set(i, opts[0]);
        fixedKey = [
          fixedKey[0] + opts[0].cost,
          fixedKey[1] + opts[0].changes,
          fixedKey[2] + opts[0].replicas,
        ];
      } else if (opts.length > 0) options.set(i, opts);
    });
    const outerChanges =
      Number(outer.resiliencia !== bp.resiliencia) + Number(changed(outer.regioes, bp.regioes));
    const multiAllowed = outer.resiliencia !== "zona-unica";
    const forceSync = forcesSync(ctx, outer);
    const zoneOk: Filter = (o) => o.valid && !(multiAllowed && o.oneZone);
    const qualifies: Filter = (o) => zoneOk(o) && !(forceSync && o.async);
    const rtoOk = hcs.filter((h) => {
      const rto = rtoOf(ctx, outer, h.D);
      return rto === null || rto <= ctx.policy.rto_s;
    });
    // Step 2: the health check with the fewest changes, then the largest D.
    const bestHc = (list: HealthCheckChoice[]) =>
      list.reduce<HealthCheckChoice | undefined>(
        (a, h) => (!a || h.changes < a.changes || (h.changes === a.changes && h.D > a.D) ? h : a),
        undefined,
      );
    const make = (choice: Map<number, Option>, hc: HealthCheckChoice): Candidate => {
      let key: Key = [fixedKey[0], fixedKey[1] + outerChanges + hc.changes, fixedKey[2]];
      for (const o of choice.values())
        key = [key[0] + o.cost, key[1] + o.changes, key[2] + o.replicas];
      const candidate = build(bp, outer, choice, fixed, ctx.gatewayIndex, hc.hc);
      return {
        outer,
        choice,
        hc,
        key,
        D: hc.D,
        bp: candidate,
        figures: headlineFigures(candidate),
      };
    };
    const keepHc = bestHc(hcs);
    if (!keepHc) continue;
    for (const choice of representatives(ctx, options, (o) => o.valid, COST_FIRST) ?? [])
      result.valid.push(make(choice, keepHc));
    if (why)
      for (const choice of representatives(ctx, options, zoneOk, COST_FIRST) ?? [])
        result.zoneOk.push(make(choice, keepHc));
    const hc = bestHc(rtoOk);
    if (!hc) continue;
    for (const order of [COST_FIRST, CHANGES_FIRST])
      for (const choice of representatives(ctx, options, qualifies, order) ?? []) {
        const c = make(choice, hc);
        if (c.figures.disponibilidade_estimada_pct >= ctx.policy.disponibilidade_pct)
          result.qualifying.push(c);
      }
  }
  return result;
}

/** The shared order that settles ties after each objective's own key (contract §8). */
function shared(a: Candidate, b: Candidate): number {
  return (
    a.key[1] - b.key[1] ||
    a.figures.custo_max - b.figures.custo_max ||
    b.D - a.D ||
    a.key[2] - b.key[2] ||
    lexRegions(a.outer.regioes, b.outer.regioes)
  );
}

const RANKINGS: Record<Objetivo, (a: Candidate, b: Candidate) => number> = {
  "menor-custo": (a, b) => a.figures.custo_max - b.figures.custo_max || shared(a, b),
  "menos-mudancas": (a, b) => a.key[1] - b.key[1] || shared(a, b),
  "maior-disponibilidade": (a, b) =>
    b.figures.disponibilidade_estimada_pct - a.figures.disponibilidade_estimada_pct || shared(a, b),
};

/** The fields that differ between the normalized input and a candidate, in blueprint order. */
export function changesBetween(
  from: NormalizedBlueprint,
  to: NormalizedBlueprint,
): { ponteiro: string; de: unknown; para: unknown }[] {
  const out: { ponteiro: string; de: unknown; para: unknown }[] = [];
  if (from.resiliencia !== to.resiliencia)
    out.push({ ponteiro: "/resiliencia", de: from.resiliencia, para: to.resiliencia });
  if (changed(from.regioes, to.regioes))
    out.push({ ponteiro: "/regioes", de: from.regioes, para: to.regioes });
  from.recursos.forEach((r, i) => {
    const fields: readonly string[] = FIELDS[r.tipo as keyof typeof FIELDS] ?? [];
    for (const field of fields) {
      const read = (x: Recurso) =>
        field
          .split("/")
          .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], x.config);
      const de = read(r);
      const para = read(to.recursos[i]);
      if (changed(de, para)) out.push({ ponteiro: `/recursos/${i}/config/${field}`, de, para });
    }
  });
  return out;
}

/** Applies changes to a blueprint as written (a copy); defaults stay implicit elsewhere. */
export function applyChanges(
  input: Blueprint,
  mudancas: readonly { ponteiro: string; para: unknown }[],
): Blueprint {
  const next = structuredClone(input);
  for (const c of mudancas) setAt(next, c.ponteiro, structuredClone(c.para));
  return next;
}

/** The Pareto frontier of the valid candidates' points, cheapest first (contract §8). */
function frontierOf(valid: Candidate[], qualifying: Candidate[]): PontoFronteira[] {
  const id = (f: Candidate["figures"]) => `${f.custo_max}|${f.disponibilidade_estimada_pct}`;
  const points = new Map<string, Candidate["figures"]>();
  for (const c of valid) points.set(id(c.figures), c.figures);
  const meets = new Set(qualifying.map((c) => id(c.figures)));
  const all = [...points.values()].sort(
    (a, b) =>
      a.custo_max - b.custo_max || b.disponibilidade_estimada_pct - a.disponibilidade_estimada_pct,
  );
  const out: PontoFronteira[] = [];
  let best = Number.NEGATIVE_INFINITY;
  // Cheapest first: a point survives when it is more available than every cheaper one (equal
  // cost: only the most available, which sorts first).
  for (const p of all) {
    if (p.disponibilidade_estimada_pct <= best) continue;
    best = p.disponibilidade_estimada_pct;
    out.push({ ...p, atende: meets.has(id(p)) });
  }
  return out;
}

/** Why nothing qualifies: the first constraint, in `SEM_OPCAO` order, that empties the set. */
function whyNone(ctx: Context, s: Search): SemOpcao {
  if (s.valid.length === 0) return { codigo: "invalido", melhor: null };
  if (s.zoneOk.length === 0) return { codigo: "zona-unica-em-regiao", melhor: null };
  const estimate = (c: Candidate) => c.figures.disponibilidade_estimada_pct;
  const available = s.zoneOk.filter((c) => estimate(c) >= ctx.policy.disponibilidade_pct);
  if (available.length === 0)
    return {
      codigo: "disponibilidade-abaixo-da-politica",
      melhor: Math.max(...s.zoneOk.map(estimate)),
    };
  // Synchronous replication forced where the plan refuses it: no datastore option is left.
  const syncRefused = ctx.plano !== undefined && ctx.plano !== "enterprise";
  const rpoOk = available.filter(
    (c) => !(forcesSync(ctx, c.outer) && ctx.hasDatastore && syncRefused),
  );
  if (rpoOk.length === 0) return { codigo: "rpo-acima-da-politica", melhor: ASYNC_LAG_MAX_S };
  const quickest = Math.min(...healthChecksOf(ctx).map((h) => h.D));
  const fastest = Math.min(...rpoOk.map((c) => rtoOf(ctx, c.outer, quickest) ?? 0));
  if (fastest > ctx.policy.rto_s) return { codigo: "rto-acima-da-politica", melhor: fastest };
  return { codigo: "combinacao", melhor: null };
}

/**
 * `optimize(blueprint, plano)` of contract §8. `input` must have a valid shape (it is
 * normalized); rule errors are allowed (a candidate may not have them).
 */
export function optimize(input: Blueprint, options: OptimizeOptions = {}): Otimizacao {
  const { plano, locale } = options;
  const bp = normalizeBlueprint(input);
  const own = assess(bp, { plano, locale });
  const validation = validateBlueprint(input, { plano });
  const atual = {
    custo_max: own.custo_mensal_usd.max,
    disponibilidade_estimada_pct: own.disponibilidade_estimada_pct,
    atende: validation.valido && own.conformidade.length === 0,
  };
  // An error the search does not model (a dangling connection, say) is in every candidate.
  const unmodelled = validation.problemas.some(
    (f) =>
      f.severidade === "erro" &&
      !MODELLED_ERRORS.has(f.codigo) &&
      !/^\/regioes\/[1-9]/.test(f.ponteiro),
  );
  if (unmodelled)
    return { atual, opcoes: [], fronteira: [], sem_opcao: { codigo: "invalido", melhor: null } };
  const ctx = contextOf(bp, plano, own.politica);
  const s = search(ctx);
  const opcoes = s.qualifying.length
    ? (Object.keys(RANKINGS) as Objetivo[]).map((objetivo) => {
        const best = s.qualifying.reduce((a, c) => (RANKINGS[objetivo](c, a) < 0 ? c : a));
        const mudancas = changesBetween(bp, best.bp);
        return {
          objetivo,
          mudancas,
          blueprint: applyChanges(input, mudancas) as unknown as Record<string, unknown>,
          avaliacao: assess(best.bp, { plano, locale }),
        };
      })
    : [];
  return {
    atual,
    opcoes,
    fronteira: frontierOf(s.valid, s.qualifying),
    ...(opcoes.length === 0 ? { sem_opcao: whyNone(ctx, search(ctx, true)) } : {}),
  };
}
