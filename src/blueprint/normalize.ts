import type { Resiliencia } from "./plans";
import { type Blueprint, BlueprintSchema, type NormalizedBlueprint } from "./schema";

/** Default `regioes` by resilience level (contract §1). */
export function defaultRegions(resiliencia: Resiliencia): string[] {
  return resiliencia === "multi-regiao"
    ? ["sa-east-1", "us-east-1", "eu-central-1"]
    : ["sa-east-1"];
}

/**
 * Fills in every contract default. Takes a blueprint that passed shape validation; the input
 * is not touched, the result is a new object.
 */
export function normalizeBlueprint(blueprint: Blueprint): NormalizedBlueprint {
  const parsed = BlueprintSchema.parse(blueprint);
  return { ...parsed, regioes: parsed.regioes ?? defaultRegions(parsed.resiliencia) };
}
