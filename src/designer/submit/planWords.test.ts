import { describe, expect, it } from "vitest";
import { defaultRegions, diffBlueprints, GLOBAL_SAAS } from "../../blueprint";
import { planWords } from "./planWords";

describe("a plan in words", () => {
  it("says a moved primary region once, in words, and each field's values before → after", () => {
    const before = {
      ...structuredClone(GLOBAL_SAAS),
      regioes: ["eu-central-1", "sa-east-1", "us-east-1"],
    };
    const after = structuredClone(before);
    after.regioes = ["sa-east-1", "eu-central-1", "us-east-1", "ap-northeast-1"];
    const compute = after.recursos[0];
    if (compute.tipo !== "compute") throw new Error("seed starts with a compute");
    compute.config.replicas_min = 8;
    const words = planWords(before, after, diffBlueprints(before, after));
    expect(words.blueprint).toEqual([
      { field: "primary", before: "Frankfurt", after: "São Paulo" },
      {
        field: "regions",
        before: "Frankfurt, São Paulo, Ashburn",
        after: "São Paulo, Frankfurt, Ashburn, Tokyo",
      },
    ]);
    expect(words.resources.get("app-global")).toEqual([
      { campo: "/config/replicas_min", before: "3", after: "8" },
    ]);
    // Only the regions moved for the others: no field of their own, no repeat of /regioes.
    expect(words.resources.get("db-global")).toEqual([]);
  });

  it("keeps the primary out of the words when the first region stays", () => {
    const before = structuredClone(GLOBAL_SAAS);
    const after = {
      ...structuredClone(GLOBAL_SAAS),
      regioes: [...defaultRegions("multi-regiao"), "ap-northeast-1"],
    };
    expect(
      planWords(before, after, diffBlueprints(before, after)).blueprint.map((b) => b.field),
    ).toEqual(["regions"]);
  });
});
