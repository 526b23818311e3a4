/**
 * What a review signs (contract §7): the design itself, not its drawing. The normalized
 * blueprint (defaults applied, as the assessment reads it) without `diagrama`, as RFC 8785
 * (JCS) canonical JSON, so moving boxes or writing a default out never changes it. The
 * emulator hashes this text with SHA-256.
 */
import canonicalize from "canonicalize";
import type { NormalizedBlueprint } from "./schema";

export function canonicalDesign(bp: NormalizedBlueprint): string {
  const { diagrama: _drawing, ...design } = bp;
  const text = canonicalize(design);
  if (text === undefined) throw new Error("a blueprint always has a canonical form");
  return text;
}
