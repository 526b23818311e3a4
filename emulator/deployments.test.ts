import { describe, expect, it } from "vitest";
import { GLOBAL_SAAS, normalizeBlueprint } from "../src/blueprint";
import {
  deploymentEnd,
  deploymentStatusAt,
  deploymentTransitions,
  QUEUE_S,
  STEP_S,
  scheduleDeployment,
  stepStatusAt,
} from "./deployments";

const bp = normalizeBlueprint(GLOBAL_SAAS);

describe("scheduleDeployment", () => {
  it("provisions every resource in every region, data before compute before the gateway", () => {
    const steps = scheduleDeployment(bp, 0, 1);
    expect(steps).toHaveLength(bp.recursos.length * bp.regioes.length);
    const inRegion = steps.filter((s) => s.regiao === bp.regioes[0]).map((s) => s.tipo);
    expect(inRegion.indexOf("datastore")).toBeLessThan(inRegion.indexOf("compute"));
    expect(inRegion.indexOf("compute")).toBeLessThan(inRegion.indexOf("gateway"));
    expect(deploymentEnd(steps, 0)).toBe((QUEUE_S + STEP_S * bp.recursos.length) * 1000);
  });

  it("runs faster by the clock multiplier", () => {
    const end = deploymentEnd(scheduleDeployment(bp, 0, 60), 0);
    expect(end).toBeCloseTo(((QUEUE_S + STEP_S * bp.recursos.length) * 1000) / 60, 6);
  });

  it("has nothing to do for unchanged resources", () => {
    const steps = scheduleDeployment(bp, 0, 1, new Set(bp.recursos.map((r) => r.nome)));
    expect(deploymentStatusAt(steps, 0)).toBe("pronto");
  });

  it("moves each step pendente → provisionando → pronto over time", () => {
    const steps = scheduleDeployment(bp, 0, 1);
    const last = steps.at(-1);
    if (!last) throw new Error("no steps");
    expect(stepStatusAt(last, last.inicio - 1)).toBe("pendente");
    expect(stepStatusAt(last, last.inicio)).toBe("provisionando");
    expect(stepStatusAt(last, last.fim)).toBe("pronto");
    expect(deploymentStatusAt(steps, 0)).toBe("pendente");
    expect(deploymentStatusAt(steps, QUEUE_S * 1000)).toBe("provisionando");
  });

  it("emits each transition once, in time order, and a final event last", () => {
    const steps = scheduleDeployment(bp, 0, 1);
    const events = deploymentTransitions("im_1", steps, 0);
    expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
    expect(events.length).toBe(steps.length * 2 + 1);
    expect(events.at(-1)?.dados).toEqual({ implantacao: "im_1", status: "pronto" });
    for (let i = 1; i < events.length; i++)
      expect(events[i].at).toBeGreaterThanOrEqual(events[i - 1].at);
  });
});
