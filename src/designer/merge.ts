/**
 * Three-way merge of two edits of one draft (two tabs, or a tab and what it wrote before a
 * reload). `base` is the revision both started from. Field by field: what only one side changed
 * is taken from that side; where both changed the same scalar, `ours` (the edit being saved
 * now, the later one) wins. Named lists (`recursos`) merge item by item by `nome`, so two tabs
 * editing two resources keep both edits. Nothing disappears silently: an item one side deleted
 * and the other changed is kept.
 */
import { isObject, type Json, type JsonObject } from "./doc";

type Value = Json | undefined;

export function equalJson(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => equalJson(x, b[i]));
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && equalJson(a[k], b[k]));
  }
  return false;
}

const named = (v: Value): v is JsonObject[] =>
  Array.isArray(v) && v.every((x) => isObject(x) && typeof x.nome === "string");
const scalars = (v: Value): v is (string | number | boolean)[] =>
  Array.isArray(v) && v.every((x) => typeof x !== "object" || x === null);

function mergeNamed(base: JsonObject[], ours: JsonObject[], theirs: JsonObject[]): Json[] {
  const key = (x: JsonObject) => x.nome as string;
  const b = new Map(base.map((x) => [key(x), x]));
  const o = new Map(ours.map((x) => [key(x), x]));
  const t = new Map(theirs.map((x) => [key(x), x]));
  const out: Json[] = [];
  const take = (nome: string) => {
    const merged = merge3(b.get(nome), o.get(nome), t.get(nome));
    if (merged !== undefined) out.push(merged);
  };
  for (const x of ours) take(key(x));
  for (const x of theirs) if (!o.has(key(x))) take(key(x));
  return out;
}

function mergeScalars(base: Json[], ours: Json[], theirs: Json[]): Json[] {
  const removed = new Set(
    base.filter((x) => !ours.includes(x) || !theirs.includes(x)).map((x) => JSON.stringify(x)),
  );
  const out: Json[] = [];
  for (const x of [...ours, ...theirs])
    if (!removed.has(JSON.stringify(x)) && !out.includes(x)) out.push(x);
  return out;
}

/** `undefined` stands for "absent" (a key deleted or never written). */
export function merge3(base: Value, ours: Value, theirs: Value): Value {
  if (equalJson(ours, theirs)) return ours;
  if (equalJson(ours, base)) return theirs;
  if (equalJson(theirs, base)) return ours;
  // Both changed it. One side deleted what the other changed: keep the change.
  if (ours === undefined) return theirs;
  if (theirs === undefined) return ours;
  if (isObject(ours) && isObject(theirs)) {
    const b = isObject(base) ? base : {};
    const out: JsonObject = {};
    for (const k of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const v = merge3(b[k], ours[k], theirs[k]);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  if (named(ours) && named(theirs)) return mergeNamed(named(base) ? base : [], ours, theirs);
  if (scalars(ours) && scalars(theirs))
    return mergeScalars(scalars(base) ? base : [], ours, theirs);
  return ours;
}

/** Merges two edits of a document; the result is a document even for odd inputs. */
export function mergeDocs<T extends JsonObject>(base: T, ours: T, theirs: T): T {
  const merged = merge3(base, ours, theirs);
  return (isObject(merged) ? merged : ours) as T;
}
