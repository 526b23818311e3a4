/**
 * What-if on the canvas (contract §8): a region or zone loss played out on the design, from
 * the same assessment and constants as everything else. Pure: the canvas and the panel draw it.
 */
import {
  type Avaliacao,
  type Blueprint,
  budgetSloOf,
  type Cenario,
  type DrillFacts,
  drillFacts,
  GATEWAY_SHIFT_S,
  normalizeBlueprint,
  PROMOTION_S,
} from "../../blueprint";

export type PhaseKind = "loss" | "detected" | "traffic" | "promoted" | "down";

export interface Phase {
  at: number;
  kind: PhaseKind;
}

export interface Simulation {
  cenario: Cenario;
  /** Where the loss is: the region, and zone `a` of it for a zone loss. */
  regiao: string;
  zona: string | null;
  /** Whether the region leaves rotation (a region loss, or a zone loss it cannot ride out). */
  regionOut: boolean;
  phases: Phase[];
  /** When the timeline ends: recovery (`rto_s`), or detection when nothing survives. */
  end: number;
  /** The datastores' primary before the loss, and where it is after a promotion. */
  primary: string;
  promotedTo: string | null;
  /** RTO and RPO against the policy; null when the design does not survive. */
  holds: boolean | null;
  politica: Avaliacao["politica"];
}

export const scenarioKey = (c: Pick<Cenario, "tipo" | "regiao">) => `${c.tipo}:${c.regiao}`;

/** The simulation of one of the assessment's scenarios; undefined when it has none such. */
export function simulate(
  a: Avaliacao,
  facts: DrillFacts,
  tipo: Cenario["tipo"],
  regiao: string,
): Simulation | undefined {
  const cenario = a.cenarios.find((c) => c.tipo === tipo && c.regiao === regiao);
  if (!cenario) return undefined;
  const primary = a.cenarios[0]?.regiao ?? regiao;
  const D = facts.detection;
  const hasDatastore = facts.datastores.length > 0;
  const regionOut = tipo === "perda-regiao" || cenario.destino !== regiao;
  const phases: Phase[] = [
    { at: 0, kind: "loss" },
    { at: D, kind: "detected" },
  ];
  let promotedTo: string | null = null;
  if (!cenario.sobrevive) phases.push({ at: D, kind: "down" });
  else {
    if (regionOut) phases.push({ at: D + GATEWAY_SHIFT_S, kind: "traffic" });
    if (hasDatastore && regiao === primary) {
      phases.push({ at: D + PROMOTION_S, kind: "promoted" });
      promotedTo = regionOut ? cenario.destino : regiao;
    }
  }
  const end = cenario.sobrevive && cenario.rto_s !== null ? cenario.rto_s : D;
  return {
    cenario,
    regiao,
    zona: tipo === "perda-zona" ? `${regiao}a` : null,
    regionOut,
    phases,
    end,
    primary,
    promotedTo,
    holds:
      cenario.sobrevive && cenario.rto_s !== null && cenario.rpo_s !== null
        ? cenario.rto_s <= a.politica.rto_s && cenario.rpo_s <= a.politica.rpo_s
        : null,
    politica: a.politica,
  };
}

/** The phases reached at `t` seconds, in order (the loss always). */
export function reached(sim: Simulation, t: number): Phase[] {
  return sim.phases.filter((p) => p.at <= t);
}

/** What the canvas shows at `t`: each fact becomes true as its phase is reached. */
export function stateAt(sim: Simulation, t: number) {
  const kinds = new Set(reached(sim, t).map((p) => p.kind));
  return {
    detected: kinds.has("detected"),
    trafficMoved: kinds.has("traffic"),
    promoted: kinds.has("promoted"),
    down: kinds.has("down"),
    /** Writes lost: the unreplicated ones, gone when the replica is promoted. */
    writesLost: kinds.has("promoted") ? (sim.cenario.rpo_s ?? 0) : 0,
    /** The share of the error budget spent so far: the scenario's, pro rata up to its end. */
    budgetSpent:
      sim.cenario.orcamento_gasto === null || sim.end === 0
        ? null
        : (sim.cenario.orcamento_gasto * Math.min(t, sim.end)) / sim.end,
  };
}

export interface SimulationModel {
  sim: Simulation | undefined;
  /** The SLO whose error budget the scenario spends (contract §8), named beside the figure. */
  budget: { objetivo: number; janela_dias: number };
}

let lastModel:
  | { doc: unknown; avaliacao: Avaliacao; active: object; value: SimulationModel }
  | undefined;

/**
 * The simulation of the design being edited (a valid one: it has an assessment), once per
 * document, assessment and chosen scenario: the canvas and the panel both draw it.
 */
export function simulationOf(
  doc: unknown,
  avaliacao: Avaliacao,
  active: { tipo: Cenario["tipo"]; regiao: string },
): SimulationModel {
  const last = lastModel;
  // The assessment first: it is never undefined, so a match says there was a last one.
  if (last?.avaliacao === avaliacao && last.doc === doc && last.active === active)
    return last.value;
  const bp = normalizeBlueprint(doc as Blueprint);
  const value = {
    sim: simulate(avaliacao, drillFacts(bp), active.tipo, active.regiao),
    budget: budgetSloOf(bp, avaliacao.politica),
  };
  lastModel = { doc, avaliacao, active, value };
  return value;
}
