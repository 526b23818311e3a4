/**
 * What the Runbook page derives from the API's answers: whether a practice is under way (from
 * the project's events, so a reload mid-practice still knows), and where each step sits on a
 * scenario's time axis.
 */
import type { CenarioRunbook, ScenarioStatus } from "../../blueprint/runbook/shape";
import type { Evento } from "../../contract/schemas";

export interface PracticeProgress {
  pratica: string;
  cenarios: string[];
  /** Scenarios whose drill has ended or that were skipped, in the order they finished. */
  done: string[];
  /** Scenarios skipped by a safety rule, with its code. */
  refused: { cenario: string; codigo: string }[];
}

const text = (v: unknown) => (typeof v === "string" ? v : undefined);

/** The latest practice that has started and not ended, if any. */
export function practiceUnderWay(eventos: readonly Evento[]): PracticeProgress | undefined {
  let current: PracticeProgress | undefined;
  for (const e of eventos) {
    if (e.tipo !== "teste-failover") continue;
    const pratica = text(e.dados.pratica);
    if (!pratica) continue;
    const fase = text(e.dados.fase);
    if (fase === "pratica-inicio") {
      const cenarios = Array.isArray(e.dados.cenarios)
        ? e.dados.cenarios.filter((c): c is string => typeof c === "string")
        : [];
      current = { pratica, cenarios, done: [], refused: [] };
    } else if (current?.pratica === pratica) {
      const cenario = text(e.dados.cenario);
      if (fase === "pratica-fim") current = undefined;
      else if (fase === "fim" && cenario) current.done.push(cenario);
      else if (fase === "pratica-recusado" && cenario) {
        current.done.push(cenario);
        current.refused.push({ cenario, codigo: text(e.dados.codigo) ?? "" });
      }
    }
  }
  return current;
}

/** A step's place on the scenario's time axis, as a fraction of the axis. */
export interface AxisMark {
  ordem: number;
  acao: string;
  apos_s: number;
  at: number;
}

/**
 * The automatic steps on an axis from the loss (0 s) to a little past the later of the last
 * step and the policy's RTO, so the policy line is always on it.
 */
export function timeAxis(
  c: Pick<CenarioRunbook, "passos">,
  policyRto: number,
): { end: number; marks: AxisMark[]; policyAt: number } {
  const timed = c.passos.filter((p) => p.apos_s !== null);
  const last = Math.max(0, ...timed.map((p) => p.apos_s ?? 0));
  const end = Math.ceil((Math.max(last, policyRto) * 1.1) / 5) * 5 || 5;
  return {
    end,
    marks: timed.map((p) => ({
      ordem: p.ordem,
      acao: p.acao,
      apos_s: p.apos_s ?? 0,
      at: (p.apos_s ?? 0) / end,
    })),
    policyAt: policyRto / end,
  };
}

/** How each status reads at a glance: its badge tone (never the only cue: text and icon too). */
export const STATUS_TONE: Record<ScenarioStatus, "ok" | "warning" | "critical" | "neutral"> = {
  testado: "ok",
  "nunca-testado": "neutral",
  desatualizado: "warning",
  vencido: "warning",
  reprovado: "critical",
  "sem-failover": "critical",
};
