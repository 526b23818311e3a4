import { describe, expect, it } from "vitest";
import { assess, GLOBAL_SAAS, normalizeBlueprint } from "../blueprint";
import { fixLabel, regionLossSentence } from "./resilience";

describe("the Resilience view's words", () => {
  const a = assess(normalizeBlueprint(GLOBAL_SAAS));

  it("says what losing a region does, with the figures of the assessment", () => {
    expect(regionLossSentence(a, "sa-east-1")).toBe(
      "If São Paulo goes down: traffic moves to Ashburn in 36 s; up to 2.5 s of writes are lost.",
    );
    expect(regionLossSentence(a, "eu-central-1")).toBe(
      "If Frankfurt goes down: traffic moves to Ashburn in 32 s; no write is lost.",
    );
  });

  it("names one-click fixes by the field they set", () => {
    expect(fixLabel("/recursos/0/config/replicas_min", 6)).toBe("Set replicas_min to 6");
    expect(
      fixLabel("/recursos/2/config/health_check", { intervalo_s: 8, falhas_para_failover: 3 }),
    ).toBe("Check every 8 s × 3");
    expect(fixLabel("/recursos/1/config/replicacao", "sincrona")).toBe(
      "Set replicacao to sincrona",
    );
  });
});
