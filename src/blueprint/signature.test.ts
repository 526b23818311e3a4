import { describe, expect, it } from "vitest";
import { normalizeBlueprint } from "./normalize";
import { canonicalDesign } from "./signature";
import { GLOBAL_SAAS } from "./templates";

describe("canonicalDesign", () => {
  const base = canonicalDesign(normalizeBlueprint(GLOBAL_SAAS));

  it("ignores the drawing and defaults written out", () => {
    const drawn = normalizeBlueprint({
      ...GLOBAL_SAAS,
      diagrama: { posicoes: { "app-global": { x: 10, y: 20 } } },
    });
    expect(canonicalDesign(drawn)).toBe(base);
    const explicit = normalizeBlueprint({
      ...GLOBAL_SAAS,
      regioes: ["sa-east-1", "us-east-1", "eu-central-1"],
      recursos: GLOBAL_SAAS.recursos.map((r) =>
        r.tipo === "datastore" ? { ...r, config: { ...r.config, replicacao: "assincrona" } } : r,
      ),
    });
    expect(canonicalDesign(explicit)).toBe(base);
  });

  it("sorts keys (RFC 8785) and changes with the design", () => {
    expect(base.startsWith('{"nome":"Global SaaS","recursos":[')).toBe(true);
    const bigger = normalizeBlueprint({
      ...GLOBAL_SAAS,
      recursos: GLOBAL_SAAS.recursos.map((r) =>
        r.tipo === "compute" ? { ...r, config: { ...r.config, replicas_min: 6 } } : r,
      ),
    });
    expect(canonicalDesign(bigger)).not.toBe(base);
  });
});
