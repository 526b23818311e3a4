/**
 * BCDR runbooks (contract §6, v1.2): for each way a deployed design can lose a region or a zone,
 * what happens and when (its steps), what the §5 assessment estimates, and whether a drill has
 * proven it (its status). One pure function of the normalized blueprint and the project's
 * finished drills: the API serves it, the CLI prints it for a blueprint file, the console shows
 * it, and the emulator plans its drills with the same estimates.
 */
import { DEFAULT_LOCALE, defineCatalog, type Locale, translator } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { assessScenarios, budgetSpentOf, type DrillFacts, drillFacts } from "../assess";
import type { Cenario } from "../avaliacao";
import { cityOf, nearestRegion } from "../regions";
import { DEFAULT_TEST_VALIDITY_DAYS, type NormalizedBlueprint } from "../schema";
import en from "./messages/en.json" with { type: "json" };
import type { CenarioRunbook, Evidencia, Passo, Runbook, ScenarioStatus } from "./shape";

export * from "./shape";

export const runbookMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json", { with: { type: "json" } }),
});
export type RunbookMessageKey = keyof typeof en;
export const runbookT = (locale: Locale = DEFAULT_LOCALE) => translator(runbookMessages, locale);

const DAY_S = 86_400;

/** A scenario's id: `perda-regiao:<regiao>` or `perda-zona:<zona>` (contract §6). */
export function scenarioId(regiao: string, zona: string | null): string {
  return zona ? `perda-zona:${zona}` : `perda-regiao:${regiao}`;
}

/** The region and zone a scenario id names (the inverse of `scenarioId`). */
export function parseScenarioId(id: string): { regiao: string; zona: string | null } {
  const [tipo, where = ""] = id.split(":");
  return tipo === "perda-zona"
    ? { regiao: regionOfZone(where), zona: where }
    : { regiao: where, zona: null };
}

/** The region a zone belongs to (`sa-east-1a` → `sa-east-1`). */
export function regionOfZone(zona: string): string {
  return zona.slice(0, -1);
}

/** What a drill of `regiao` (or one of its zones) will do and what the design promises for it. */
export interface DrillPlan {
  cenario: string;
  /** The loss takes the region out of rotation (a region drill, or zone `a` holding a single-zone resource). */
  regionOut: boolean;
  /** Where the region's traffic goes (the region itself when it stays in rotation). */
  destino: string | undefined;
  /** The datastores' in-region standby is promoted (zone `a` of the primary's region, region kept). */
  promotesInRegion: boolean;
  /** Some replicas in the lost zone serve requests until the loss is detected. */
  servesThere: boolean;
  /** The drill's `estimado` (contract §6), with the error budget it spends (§8). */
  estimado: { rto_s: number | null; rpo_s: number | null; orcamento_gasto: number | null };
  /** Detection time D of the design, simulated seconds. */
  detection: number;
}

/**
 * Where a region's traffic goes when it is taken out: the other region of `regioes` nearest by
 * great-circle distance, a tie to the earlier one (contract §8 `destino`).
 */
export function destinationOf(bp: NormalizedBlueprint, regiao: string): string | undefined {
  return nearestRegion(regiao, bp.regioes);
}

export function planDrill(
  bp: NormalizedBlueprint,
  regiao: string,
  zona: string | null,
  facts: DrillFacts = drillFacts(bp),
  cenarios: Cenario[] = assessScenarios(bp).cenarios,
): DrillPlan {
  const primary = bp.regioes[0];
  const hasDatastore = facts.datastores.length > 0;
  const base = { cenario: scenarioId(regiao, zona), detection: facts.detection };
  const zoneA = zona === `${regiao}a`;
  if (zona === null || zoneA) {
    const tipo = zona === null ? "perda-regiao" : "perda-zona";
    const c = cenarios.find((x) => x.tipo === tipo && x.regiao === regiao);
    const regionOut = zona === null || !facts.zoneSafe;
    return {
      ...base,
      regionOut,
      destino: regionOut ? (facts.failsOver ? destinationOf(bp, regiao) : undefined) : regiao,
      promotesInRegion: !regionOut && hasDatastore && regiao === primary,
      servesThere: true,
      estimado: {
        rto_s: c?.rto_s ?? null,
        rpo_s: c?.rpo_s ?? null,
        orcamento_gasto: c?.orcamento_gasto ?? null,
      },
    };
  }
  // Zone b or c: only replicas of a compute that spans zones live there; no primary does.
  return {
    ...base,
    regionOut: false,
    destino: regiao,
    promotesInRegion: false,
    servesThere: facts.webInEveryZone,
    estimado: {
      rto_s: facts.webInEveryZone ? facts.detection : 0,
      rpo_s: 0,
      // The zone's third of the region's traffic fails until it is taken out of rotation.
      orcamento_gasto: budgetSpentOf(bp, facts.webInEveryZone ? facts.detection : 0, false),
    },
  };
}

/** A finished drill, as evidence for the scenario it exercised. */
export interface DrillEvidence {
  id: string;
  cenario: string;
  /** When it finished (traffic back), wall-clock ms. */
  terminado_em: number;
  versao: number | null;
  rto_s: number | null;
  rpo_s: number | null;
  estimado: { rto_s: number | null; rpo_s: number | null };
}

export interface RunbookOptions {
  projeto?: string | null;
  versao?: number | null;
  /** Wall-clock ms; the runbook's `gerado_em` and the age of its evidence. */
  agora?: number;
  /** Simulated seconds per wall second (the emulator's clock): evidence ages in simulated time. */
  clock?: number;
  /** The project's finished drills, any order. */
  testes?: readonly DrillEvidence[];
  locale?: Locale;
}

function stepsOf(
  bp: NormalizedBlueprint,
  plan: DrillPlan,
  facts: DrillFacts,
  regiao: string,
  t: ReturnType<typeof runbookT>,
): Passo[] {
  const D = facts.detection;
  const primary = bp.regioes[0];
  const steps: Omit<Passo, "ordem">[] = [
    {
      acao: "detectar",
      automatico: true,
      apos_s: D,
      ...(facts.gateway ? { recurso: facts.gateway } : {}),
      descricao: t("step.detectar", {
        gateway: facts.gateway ?? "none",
        interval: facts.healthCheck.intervalo_s,
        failures: facts.healthCheck.falhas_para_failover,
        detection: D,
      }),
    },
  ];
  const destino = plan.destino ?? regiao;
  const where = { city: cityOf(regiao), destination: cityOf(destino), destinationId: destino };
  if (plan.regionOut)
    steps.push({
      acao: "desviar-trafego",
      automatico: true,
      apos_s: D + 2,
      regiao: destino,
      descricao: t("step.desviar-trafego", where),
    });
  const primaryLost = plan.regionOut && regiao === primary;
  if (primaryLost || plan.promotesInRegion)
    for (const datastore of facts.datastores)
      steps.push({
        acao: "promover-replica",
        automatico: true,
        apos_s: D + 6,
        recurso: datastore,
        regiao: primaryLost ? destino : regiao,
        descricao: primaryLost
          ? t("step.promover-replica", { datastore, ...where })
          : t("step.promover-replica.zona", { datastore, city: cityOf(regiao) }),
      });
  steps.push({
    acao: "verificar",
    automatico: false,
    apos_s: null,
    descricao: t("step.verificar"),
  });
  if (plan.regionOut)
    steps.push({
      acao: "retornar",
      automatico: false,
      apos_s: null,
      descricao:
        primaryLost && facts.datastores.length
          ? t("step.retornar.primario", { ...where, datastores: facts.datastores.join(", ") })
          : t("step.retornar", where),
    });
  return steps.map((s, i) => ({ ordem: i + 1, ...s }));
}

function statusOf(
  sobrevive: boolean,
  estimado: { rto_s: number | null; rpo_s: number | null },
  teste: DrillEvidence | undefined,
  politica: { rto_s: number; rpo_s: number },
  ageDays: number,
  validity: number,
): ScenarioStatus {
  if (!sobrevive) return "sem-failover";
  if (!teste) return "nunca-testado";
  if (teste.estimado.rto_s !== estimado.rto_s || teste.estimado.rpo_s !== estimado.rpo_s)
    return "desatualizado";
  if (
    (teste.rto_s !== null && teste.rto_s > politica.rto_s) ||
    (teste.rpo_s !== null && teste.rpo_s > politica.rpo_s)
  )
    return "reprovado";
  if (ageDays > validity) return "vencido";
  return "testado";
}

/** The runbook of a normalized, valid blueprint (contract §6). Pure. */
export function buildRunbook(bp: NormalizedBlueprint, options: RunbookOptions = {}): Runbook {
  const agora = options.agora ?? Date.now();
  const clock = options.clock ?? 1;
  const t = runbookT(options.locale);
  const facts = drillFacts(bp);
  const { cenarios, politica } = assessScenarios(bp);
  const validity = bp.politica?.validade_teste_dias ?? DEFAULT_TEST_VALIDITY_DAYS;
  // The latest finished drill of each scenario.
  const latest = new Map<string, DrillEvidence>();
  for (const d of options.testes ?? []) {
    const seen = latest.get(d.cenario);
    if (!seen || d.terminado_em > seen.terminado_em) latest.set(d.cenario, d);
  }
  const out: CenarioRunbook[] = cenarios.map((c) => {
    const zona = c.tipo === "perda-zona" ? `${c.regiao}a` : null;
    const id = scenarioId(c.regiao, zona);
    const estimado = { rto_s: c.rto_s, rpo_s: c.rpo_s };
    const teste = latest.get(id);
    const ageDays = teste ? ((agora - teste.terminado_em) / 1000) * (clock / DAY_S) : 0;
    const plan = planDrill(bp, c.regiao, zona, facts, cenarios);
    return {
      id,
      tipo: c.tipo,
      regiao: c.regiao,
      zona,
      sobrevive: c.sobrevive,
      estimado,
      status: statusOf(c.sobrevive, estimado, teste, politica, ageDays, validity),
      passos: c.sobrevive ? stepsOf(bp, plan, facts, c.regiao, t) : [],
      teste: teste ? evidenceOf(teste) : null,
    };
  });
  return {
    projeto: options.projeto ?? null,
    nome: bp.nome,
    versao: options.versao ?? null,
    gerado_em: new Date(agora).toISOString(),
    validade_teste_dias: validity,
    testado: out.every((c) => c.status === "testado"),
    politica,
    cenarios: out,
  };
}

function evidenceOf(d: DrillEvidence): Evidencia {
  return {
    id: d.id,
    terminado_em: new Date(d.terminado_em).toISOString(),
    versao: d.versao,
    rto_s: d.rto_s,
    rpo_s: d.rpo_s,
    estimado: { rto_s: d.estimado.rto_s, rpo_s: d.estimado.rpo_s },
  };
}

/** Seconds as people read them: "36 s", "2.5 s" ("2,5 s" in Portuguese), "—" for none. */
export function formatRunbookSeconds(s: number | null, locale: Locale = DEFAULT_LOCALE): string {
  return s === null ? "—" : `${formatNumber(locale, s, { maximumFractionDigits: 1 })} s`;
}

/** A scenario's name in words: "São Paulo region loss", "São Paulo zone loss (sa-east-1a)". */
export function scenarioName(
  c: Pick<CenarioRunbook, "tipo" | "regiao" | "zona">,
  locale: Locale = DEFAULT_LOCALE,
): string {
  return runbookT(locale)(`scenario.${c.tipo}`, { city: cityOf(c.regiao), zone: c.zona ?? "" });
}

/** A scenario's name from its id: `perda-zona:sa-east-1a` → "São Paulo zone loss (sa-east-1a)". */
export function scenarioNameOfId(id: string, locale: Locale = DEFAULT_LOCALE): string {
  const { regiao, zona } = parseScenarioId(id);
  return scenarioName({ tipo: zona ? "perda-zona" : "perda-regiao", regiao, zona }, locale);
}

/** A status in words. */
export function statusName(status: ScenarioStatus, locale: Locale = DEFAULT_LOCALE): string {
  return runbookT(locale)(`status.${status}`);
}

/** Why a scenario has its status, in a sentence. */
export function statusDetail(
  runbook: Pick<Runbook, "politica" | "validade_teste_dias" | "gerado_em">,
  c: CenarioRunbook,
  locale: Locale = DEFAULT_LOCALE,
  clock = 1,
): string {
  const t = runbookT(locale);
  const s = (x: number | null) => formatRunbookSeconds(x, locale);
  const pair = (e: { rto_s: number | null; rpo_s: number | null }) =>
    `${s(e.rto_s)} / ${s(e.rpo_s)}`;
  switch (c.status) {
    case "desatualizado":
      return t("statusLong.desatualizado", {
        before: pair(c.teste?.estimado ?? c.estimado),
        now: pair(c.estimado),
      });
    case "reprovado":
      return t("statusLong.reprovado", {
        rto: s(c.teste?.rto_s ?? null),
        rpo: s(c.teste?.rpo_s ?? null),
        rtoPolicy: s(runbook.politica.rto_s),
        rpoPolicy: s(runbook.politica.rpo_s),
      });
    case "vencido": {
      const ms = Date.parse(runbook.gerado_em) - Date.parse(c.teste?.terminado_em ?? "");
      return t("statusLong.vencido", {
        days: Math.floor(((ms / 1000) * clock) / DAY_S),
        validity: runbook.validade_teste_dias,
      });
    }
    case "testado":
      return t("statusLong.testado", {
        rto: s(c.teste?.rto_s ?? null),
        rpo: s(c.teste?.rpo_s ?? null),
      });
    default:
      return t(`statusLong.${c.status}`);
  }
}

/** The runbook's verdict in one sentence: "Not BCDR-ready: 4 of 6 scenarios tested; …". */
export function runbookSummary(runbook: Runbook, locale: Locale = DEFAULT_LOCALE): string {
  const t = runbookT(locale);
  const total = runbook.cenarios.length;
  if (runbook.testado) return t("summary.ready", { total });
  const open = runbook.cenarios.filter((c) => c.status !== "testado");
  const shown = open.slice(0, 3).map((c) =>
    t("summary.detail", {
      scenario: scenarioName(c, locale),
      status: statusName(c.status, locale),
    }),
  );
  if (open.length > 3) shown.push(t("summary.more", { count: open.length - 3 }));
  return t("summary.notReady", {
    tested: total - open.length,
    total,
    details: new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(shown),
  });
}
