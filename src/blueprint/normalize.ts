import { defaultRegions } from "./plans";
import { type Blueprint, BlueprintSchema, type NormalizedBlueprint } from "./schema";

/**
 * Fills in every contract default. Takes a blueprint that passed shape validation; the input
 * is not touched, the result is a new object.
 */
export function normalizeBlueprint(blueprint: Blueprint): NormalizedBlueprint {
  const parsed = BlueprintSchema.parse(blueprint);
  return { ...parsed, regioes: parsed.regioes ?? defaultRegions(parsed.resiliencia) };
}
