import type * as z from "zod";
import type { Locale } from "../i18n";
import { type Finding, toPointer } from "./findings";
import { blueprintT } from "./i18n";
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
  /** The language of the finding messages; English when absent. */
  locale?: Locale;
}

/** Validates shape, then every rule of the contract's table. Never throws, never mutates. */
export function validateBlueprint(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const problemas: Finding[] = [];
  const t = blueprintT(options.locale);
  const forbidden = findForbiddenKeys(input);
  for (const path of forbidden)
    problemas.push({
      ponteiro: toPointer(path),
      codigo: "campo-desconhecido",
      severidade: "erro",
      mensagem: t("schema.chaveProibida", { key: String(path[path.length - 1]) }),
    });

  const unsafeStrings = findUnsafeStrings(input);
  for (const path of unsafeStrings)
    problemas.push({
      ponteiro: toPointer(path),
      codigo: "esquema",
      severidade: "erro",
      mensagem: t("schema.textoInseguro"),
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
            mensagem: t("schema.campoDesconhecido", { key }),
          });
        }
      } else {
        problemas.push({
          ponteiro: toPointer(issue.path),
          codigo: "esquema",
          severidade: "erro",
          mensagem: describeIssue(issue, t),
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
      mensagem: t("schema.recursosDemais", { max: MAX_RESOURCES, count: overCap }),
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

type T = ReturnType<typeof blueprintT>;

function typeName(v: unknown, t: T): string {
  if (v === null) return t("type.null");
  if (Array.isArray(v)) return t("type.array");
  if (typeof v === "number") return Number.isInteger(v) ? t("type.number") : t("type.fraction");
  if (typeof v === "object") return t("type.object");
  if (typeof v === "string") return t("type.string");
  if (typeof v === "boolean") return t("type.boolean");
  return t("type.other", { type: typeof v });
}

const EXPECTED_KEYS = {
  object: "type.object",
  array: "type.array",
  string: "type.string",
  number: "type.number",
  int: "type.integer",
  boolean: "type.boolean",
} as const;

/** A message a person can act on, for one zod issue. */
function describeIssue(issue: z.core.$ZodIssue, t: T): string {
  const field = String(issue.path[issue.path.length - 1] ?? "");
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined && issue.path.length) return t("schema.obrigatorio", { field });
      if (issue.path.length === 0) return t("schema.naoObjeto", { got: typeName(issue.input, t) });
      const key = EXPECTED_KEYS[issue.expected as keyof typeof EXPECTED_KEYS];
      const expected = key ? t(key) : issue.expected;
      if (
        issue.expected === "int" ||
        (issue.expected === "number" && typeof issue.input === "number")
      )
        return t("schema.inteiro", { got: JSON.stringify(issue.input) });
      return t("schema.tipoErrado", { expected, got: typeName(issue.input, t) });
    }
    case "too_small":
    case "too_big": {
      const bound = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
      const small = issue.code === "too_small";
      const cmp = small ? (issue.inclusive ? "min" : "gt") : issue.inclusive ? "max" : "lt";
      if (issue.origin === "string")
        return small && bound === 1 ? t("schema.vazio") : t("schema.caracteres", { cmp, bound });
      if (issue.origin === "array") return t("schema.itens", { cmp, bound });
      return typeof issue.input === "number"
        ? t("schema.limiteRecebido", { cmp, bound, got: issue.input })
        : t("schema.limite", { cmp, bound });
    }
    case "invalid_value": {
      const options = issue.values.map((v) => JSON.stringify(v)).join(", ");
      const got = JSON.stringify(issue.input);
      return issue.values.length === 1
        ? t("schema.valor", { options, got })
        : t("schema.umDe", { options, got });
    }
    case "invalid_union":
      if (issue.path[issue.path.length - 1] === "tipo") {
        const tipo =
          typeof issue.input === "object" && issue.input !== null
            ? (issue.input as Record<string, unknown>).tipo
            : issue.input;
        const types = RESOURCE_TYPES.join(", ");
        return tipo === undefined
          ? t("schema.tipoAusente", { types })
          : t("schema.tipoDesconhecido", { got: JSON.stringify(tipo), types });
      }
      return issue.message;
    default:
      return issue.message;
  }
}
