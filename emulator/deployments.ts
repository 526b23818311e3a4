/**
 * A deployment's schedule: each resource is provisioned in each region, regions in parallel,
 * resources in dependency layers (networks and data first, then compute, then what scales
 * and fronts it). The schedule is fixed when the deployment is created (wall-clock times,
 * already scaled by the clock), so a step's status at any moment is a pure function of time:
 * nothing has to be written while it runs, and a restart, even after `kill -9`, resumes it.
 */

import type { NormalizedBlueprint, TipoRecurso } from "../src/blueprint";
import type { StepStatus } from "../src/contract/schemas";

/** Simulated seconds a resource takes to provision in one region ("a few seconds a step"). */
export const STEP_S = 3;
/** Simulated seconds a deployment waits in the queue before its first step. */
export const QUEUE_S = 1;

const LAYER: Record<TipoRecurso, number> = {
  fabric: 0,
  datastore: 1,
  archive: 1,
  insight: 1,
  compute: 2,
  autoscale: 3,
  gateway: 4,
  sentinel: 5,
};

export interface ScheduledStep {
  recurso: string;
  tipo: TipoRecurso;
  regiao: string;
  /** Wall-clock ms when provisioning starts; equal to `fim` for a step with nothing to do. */
  inicio: number;
  fim: number;
}

/**
 * `unchanged` names resources the plan leaves as they are: their steps are ready at once.
 */
export function scheduleDeployment(
  bp: NormalizedBlueprint,
  start: number,
  clock: number,
  unchanged: ReadonlySet<string> = new Set(),
): ScheduledStep[] {
  const stepMs = (STEP_S * 1000) / clock;
  const queueMs = (QUEUE_S * 1000) / clock;
  const ordered = bp.recursos
    .map((r, i) => ({ r, i }))
    .sort((a, b) => LAYER[a.r.tipo] - LAYER[b.r.tipo] || a.i - b.i)
    .map(({ r }) => r);
  const steps: ScheduledStep[] = [];
  for (const regiao of bp.regioes) {
    let t = start + queueMs;
    for (const r of ordered) {
      if (unchanged.has(r.nome)) {
        steps.push({ recurso: r.nome, tipo: r.tipo, regiao, inicio: start, fim: start });
        continue;
      }
      steps.push({ recurso: r.nome, tipo: r.tipo, regiao, inicio: t, fim: t + stepMs });
      t += stepMs;
    }
  }
  return steps;
}

export function stepStatusAt(step: ScheduledStep, now: number): StepStatus {
  if (now >= step.fim) return "pronto";
  if (now >= step.inicio) return "provisionando";
  return "pendente";
}

export function deploymentStatusAt(steps: readonly ScheduledStep[], now: number): StepStatus {
  const statuses = steps.map((s) => stepStatusAt(s, now));
  if (statuses.every((s) => s === "pronto")) return "pronto";
  if (statuses.some((s) => s !== "pendente")) return "provisionando";
  return "pendente";
}

export function deploymentEnd(steps: readonly ScheduledStep[], start: number): number {
  return steps.reduce((end, s) => Math.max(end, s.fim), start);
}

export interface StepTransition {
  key: string;
  at: number;
  dados: Record<string, unknown>;
}

/** The events a deployment emits: each step starting and finishing, then the whole done. */
export function deploymentTransitions(
  implantacao: string,
  steps: readonly ScheduledStep[],
  start: number,
): StepTransition[] {
  const out: StepTransition[] = [];
  for (const s of steps) {
    const base = { implantacao, recurso: s.recurso, tipo: s.tipo, regiao: s.regiao };
    if (s.fim > s.inicio)
      out.push({
        key: `${implantacao}:${s.recurso}:${s.regiao}:provisionando`,
        at: s.inicio,
        dados: { ...base, status: "provisionando" },
      });
    out.push({
      key: `${implantacao}:${s.recurso}:${s.regiao}:pronto`,
      at: s.fim,
      dados: { ...base, status: "pronto" },
    });
  }
  out.sort((a, b) => a.at - b.at);
  out.push({
    key: `${implantacao}:concluida`,
    at: deploymentEnd(steps, start),
    dados: { implantacao, status: "pronto" },
  });
  return out;
}
