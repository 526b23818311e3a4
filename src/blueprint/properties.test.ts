import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileJsonTextArb, mutatedBlueprintArb, validBlueprintArb } from "./arbitraries";
import { fromPointer } from "./findings";
import { blueprintJsonSchema } from "./jsonSchema";
import { BlueprintSchema } from "./schema";
import { FORBIDDEN_KEYS, validateBlueprint } from "./validate";

function hasForbiddenKey(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.some(hasForbiddenKey);
  return Object.keys(value).some(
    (k) => FORBIDDEN_KEYS.has(k) || hasForbiddenKey((value as Record<string, unknown>)[k]),
  );
}

/** A pointer is valid when it parses and everything up to its last segment exists in the document. */
function pointerResolvesToParent(doc: unknown, pointer: string): boolean {
  if (pointer !== "" && !pointer.startsWith("/")) return false;
  if (/~[^01]|~$/.test(pointer)) return false;
  const segments = fromPointer(pointer);
  let node = doc;
  for (const seg of segments.slice(0, -1)) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, seg)) return false;
    node = (node as Record<string, unknown>)[seg];
  }
  return segments.length === 0 || (typeof node === "object" && node !== null);
}

describe("properties of validateBlueprint", () => {
  it("a generated valid blueprint survives JSON.stringify → validate unchanged", () => {
    fc.assert(
      fc.property(validBlueprintArb, (bp) => {
        const direct = validateBlueprint(bp);
        expect(direct.problemas.filter((f) => f.severidade === "erro")).toEqual([]);
        const roundTripped = validateBlueprint(JSON.parse(JSON.stringify(bp)));
        expect(roundTripped.valido).toBe(true);
        expect(roundTripped.blueprint).toEqual(bp);
        expect(JSON.stringify(roundTripped.blueprint)).toBe(JSON.stringify(bp));
      }),
      { numRuns: 1000 },
    );
  });

  it("arbitrary JSON never throws, never pollutes Object.prototype, and points at real places", () => {
    const check = (doc: unknown) => {
      const result = validateBlueprint(doc);
      expect(Object.keys(Object.prototype)).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      for (const f of result.problemas) {
        expect(
          pointerResolvesToParent(doc, f.ponteiro),
          `${f.ponteiro} in ${JSON.stringify(doc)}`,
        ).toBe(true);
        expect(f.mensagem).not.toBe("");
      }
      if (result.valido) expect(result.problemas.every((f) => f.severidade === "aviso")).toBe(true);
    };
    fc.assert(
      fc.property(hostileJsonTextArb, (text) => check(JSON.parse(text))),
      { numRuns: 1000 },
    );
    fc.assert(fc.property(mutatedBlueprintArb, check), { numRuns: 1000 });
  });
});

describe("the JSON Schema and zod agree on shape", () => {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  const validateWithSchema = ajv.compile(blueprintJsonSchema());
  const zodAccepts = (doc: unknown) =>
    BlueprintSchema.safeParse(doc).success && !hasForbiddenKey(doc);

  it("for generated valid and mutated documents", () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(validBlueprintArb, mutatedBlueprintArb), (doc) => {
        const zod = zodAccepts(doc);
        expect(validateWithSchema(doc), JSON.stringify(doc)).toBe(zod);
        if (zod) accepted++;
        else refused++;
      }),
      { numRuns: 1000 },
    );
    // Both sides of the comparison were exercised, or the test would prove nothing.
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });
});
