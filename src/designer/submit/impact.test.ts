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
    expect(rows.map((r) => [r.figure, r.before, r.after, r.change, r.arrow])).toEqual([
      ["availability", "99.9900 %", "99.9900 %", "same", "="],
      ["rto", "36 s", "21 s", "better", "↓"],
      ["rpo", "2.5 s", "2.5 s", "same", "="],
      ["cost", "$597.90 – $858.00", "$597.90 – $1,089.20", "worse", "↑"],
    ]);
    // The same money as the Resilience view, in the reader's locale.
    expect(impactRows(before, assess(normalizeBlueprint(next)), "pt-BR")[3].after).toBe(
      "US$\u00a0597,90 – US$\u00a01.089,20",
    );
  });

  it("shows a new project's figures with nothing to compare", () => {
    expect(impactRows(null, before).every((r) => r.change === "new" && r.before === "—")).toBe(
      true,
    );
  });
});
