/**
 * Export writes keys in contract order (blueprint, resource, config), whatever order the
 * user's edits left them in, so exported files read like the contract and diff cleanly.
 * Keys the contract does not know keep their place after the known ones: export never drops
 * anything the user wrote.
 */
import { BlueprintSchema, CONFIG_SCHEMAS, HealthCheckSchema, SloSchema } from "../blueprint";
import { type Doc, isObject, type Json, type JsonObject } from "./doc";

const BLUEPRINT_KEYS = Object.keys(BlueprintSchema.shape);
const RESOURCE_KEYS = ["tipo", "nome", "config", "conexoes"];
const SLO_KEYS = Object.keys(SloSchema.shape);
const HEALTH_KEYS = Object.keys(HealthCheckSchema.shape);

function ordered(obj: JsonObject, keys: readonly string[], child?: (k: string, v: Json) => Json) {
  const out: JsonObject = {};
  const all = [
    ...keys.filter((k) => Object.hasOwn(obj, k)),
    ...Object.keys(obj).filter((k) => !keys.includes(k)),
  ];
  for (const k of all) out[k] = child ? child(k, obj[k]) : obj[k];
  return out;
}

function orderConfig(tipo: Json, config: Json): Json {
  if (!isObject(config)) return config;
  const schema = CONFIG_SCHEMAS[tipo as keyof typeof CONFIG_SCHEMAS];
  if (!schema) return config;
  return ordered(config, Object.keys(schema.shape), (k, v) => {
    if (k === "health_check" && isObject(v)) return ordered(v, HEALTH_KEYS);
    if (k === "slos" && Array.isArray(v))
      return v.map((s) => (isObject(s) ? ordered(s, SLO_KEYS) : s));
    return v;
  });
}

export function inContractOrder(doc: Doc): Doc {
  return ordered(doc, BLUEPRINT_KEYS, (k, v) => {
    if (k !== "recursos" || !Array.isArray(v)) return v;
    return v.map((r) =>
      isObject(r)
        ? ordered(r, RESOURCE_KEYS, (rk, rv) => (rk === "config" ? orderConfig(r.tipo, rv) : rv))
        : r,
    );
  }) as Doc;
}

/** The text of an exported blueprint file: contract order, two-space indent, final newline. */
export function blueprintFileText(doc: Doc): string {
  return `${JSON.stringify(inContractOrder(doc), null, 2)}\n`;
}

/** `<nome>.blueprint.json`, with the name made safe for every file system. */
export function blueprintFileName(doc: Doc): string {
  const base =
    typeof doc.nome === "string" && doc.nome.trim() ? doc.nome.trim() : "untitled-architecture";
  // Characters no file system accepts (and control characters) become hyphens.
  const safe = [...base]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? "-" : ch))
    .join("")
    .replace(/-{2,}/g, "-");
  return `${safe.slice(0, 80)}.blueprint.json`;
}
