import { describe, expect, it } from "vitest";
import { assess, GLOBAL_SAAS, normalizeBlueprint } from "../../blueprint";
import { impactRows } from "./impact";

describe("a plan's impact on the assessment", () => {
  const before = assess(normalizeBlueprint(GLOBAL_SAAS));

  it("says better or worse in words, with the direction, for each figure", () => {
    const next = structuredClone(GLOBAL_SAAS);
    const gateway = next.recursos[2];
    if (gateway.tipo !== "gateway") throw new Error("seed's third resource is the gateway");
    gateway.config.health_check = { intervalo_s: 5 };
    const compute = next.recursos[0];
    if (compute.tipo !== "compute") throw new Error("seed starts with a compute");
    compute.config.replicas_max = 20;
    const rows = impactRows(before, assess(normalizeBlueprint(next)));
    expect(rows.map((r) => [r.label, r.before, r.after, r.change, r.arrow])).toEqual([
      ["Availability", "99.9900 %", "99.9900 %", "same", "="],
      ["Worst RTO", "36 s", "21 s", "better", "↓"],
      ["Worst RPO", "2.5 s", "2.5 s", "same", "="],
      ["Monthly cost", "$597.90 – $858.00", "$597.90 – $1089.20", "worse", "↑"],
    ]);
  });

  it("shows a new project's figures with nothing to compare", () => {
    expect(impactRows(null, before).every((r) => r.change === "new" && r.before === "—")).toBe(
      true,
    );
  });
});
