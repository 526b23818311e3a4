import type * as z from "zod";
import { type Finding, toPointer } from "./findings";
import type { Plano } from "./plans";
import { checkRules } from "./rules";
import { type Blueprint, BlueprintSchema, MAX_RESOURCES, RESOURCE_TYPES } from "./schema";

/** Keys that could reach an object's prototype chain; refused anywhere (contract §1). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
]);

export interface ValidationResult {
  /** True when no finding is an error (warnings allowed). */
  valido: boolean;
  problemas: Finding[];
  /** The blueprint as written, present when its shape is valid. */
  blueprint?: Blueprint;
}

export interface ValidateOptions {
  /** The account plan; plan rules are checked only when it is given. */
  plano?: Plano;
}

/** Validates shape, then every rule of the contract's table. Never throws, never mutates. */
export function validateBlueprint(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const problemas: Finding[] = [];
  const forbidden = findForbiddenKeys(input);
  for (const path of forbidden)
    problemas.push({
      ponteiro: toPointer(path),
      codigo: "campo-desconhecido",
      severidade: "erro",
      mensagem: `The key "${String(path[path.length - 1])}" is not allowed anywhere in a blueprint. Remove it.`,
    });

  const unsafeStrings = findUnsafeStrings(input);
  for (const path of unsafeStrings)
    problemas.push({
      ponteiro: toPointer(path),
      codigo: "esquema",
      severidade: "erro",
      mensagem:
        "Contains a NUL character or a broken Unicode character (a lone surrogate); remove it. Such text cannot be stored or shown faithfully.",
    });

  const parsed = BlueprintSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          if (FORBIDDEN_KEYS.has(key)) continue; // reported above, once
          problemas.push({
            ponteiro: toPointer([...issue.path, key]),
            codigo: "campo-desconhecido",
            severidade: "erro",
            mensagem: `Unknown field "${key}": the contract does not define it here. Remove it or check its spelling.`,
          });
        }
      } else {
        problemas.push({
          ponteiro: toPointer(issue.path),
          codigo: "esquema",
          severidade: "erro",
          mensagem: describeIssue(issue),
        });
      }
    }
  }
  const overCap = exceedsResourceCap(input);
  if (overCap)
    problemas.push({
      ponteiro: "/recursos",
      codigo: "esquema",
      severidade: "erro",
      mensagem: `A blueprint has at most ${MAX_RESOURCES} resources; this one has ${overCap}. Split it into several projects.`,
    });
  problemas.push(...checkRules(input, options));
  const valido = !problemas.some((f) => f.severidade === "erro");
  return parsed.success && forbidden.length === 0 && unsafeStrings.length === 0 && !overCap
    ? { valido, problemas, blueprint: input as Blueprint }
    : { valido, problemas };
}

/** The resource count when it is over the contract's cap, else 0. */
export function exceedsResourceCap(input: unknown): number {
  if (typeof input !== "object" || input === null || !Object.hasOwn(input, "recursos")) return 0;
  const recursos = (input as { recursos: unknown }).recursos;
  return Array.isArray(recursos) && recursos.length > MAX_RESOURCES ? recursos.length : 0;
}

const MAX_WALK_DEPTH = 256;

function findForbiddenKeys(input: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const seen = new Set<object>();
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    if (path.length > MAX_WALK_DEPTH) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) walk(value[i], [...path, i]);
      return;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) found.push([...path, key]);
      else walk((value as Record<string, unknown>)[key], [...path, key]);
    }
  };
  walk(input, []);
  return found;
}

/** A NUL or a lone surrogate: text no store, terminal or browser keeps faithfully. */
export function isUnsafeText(text: string): boolean {
  return text.includes("\u0000") || !text.isWellFormed();
}

/** Paths of every string value or key holding unsafe text (a key's path ends in the key). */
function findUnsafeStrings(input: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string") {
      if (isUnsafeText(value)) found.push(path);
      return;
    }
    if (typeof value !== "object" || value === null || path.length > MAX_WALK_DEPTH) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(v, [...path, i]);
      });
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      if (isUnsafeText(key)) found.push([...path, key]);
      else walk(v, [...path, key]);
    }
  };
  walk(input, []);
  return found;
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "number") return Number.isInteger(v) ? "a number" : "a fractional number";
  if (typeof v === "object") return "an object";
  return `a ${typeof v}`;
}

const EXPECTED_NAMES: Record<string, string> = {
  object: "an object",
  array: "an array",
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
};

/** A message a person can act on, for one zod issue. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length
    ? `"${String(issue.path[issue.path.length - 1])}"`
    : "The blueprint";
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return `Required field ${field} is missing.`;
      if (issue.path.length === 0)
        return `A blueprint must be a JSON object, not ${typeName(issue.input)}.`;
      const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
      if (
        issue.expected === "int" ||
        (issue.expected === "number" && typeof issue.input === "number")
      )
        return `Must be a whole number; got ${JSON.stringify(issue.input)}.`;
      return `Must be ${expected}; got ${typeName(issue.input)}.`;
    }
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const small = issue.code === "too_small";
      const cmp = small
        ? issue.inclusive
          ? "at least"
          : "greater than"
        : issue.inclusive
          ? "at most"
          : "less than";
      const plural = Number(bound) === 1 ? "" : "s";
      if (issue.origin === "string")
        return small && Number(bound) === 1
          ? "Must not be empty."
          : `Must have ${cmp} ${bound} character${plural}.`;
      if (issue.origin === "array") return `Must have ${cmp} ${bound} item${plural}.`;
      const got = typeof issue.input === "number" ? `; got ${issue.input}` : "";
      return `Must be ${cmp} ${bound}${got}.`;
    }
    case "invalid_value": {
      const options = issue.values.map((v) => JSON.stringify(v)).join(", ");
      return issue.values.length === 1
        ? `Must be ${options}; got ${JSON.stringify(issue.input)}.`
        : `Must be one of ${options}; got ${JSON.stringify(issue.input)}.`;
    }
    case "invalid_union":
      if (issue.path[issue.path.length - 1] === "tipo") {
        const tipo =
          typeof issue.input === "object" && issue.input !== null
            ? (issue.input as Record<string, unknown>).tipo
            : issue.input;
        return tipo === undefined
          ? `Required field "tipo" is missing: say which product this resource is (${RESOURCE_TYPES.join(", ")}).`
          : `Unknown tipo ${JSON.stringify(tipo)}; choose one of ${RESOURCE_TYPES.join(", ")}.`;
      }
      return issue.message;
    case "invalid_format":
      return issue.message;
    default:
      return issue.message;
  }
}
