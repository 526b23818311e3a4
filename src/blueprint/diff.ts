/**
 * The plan of contract §2: what applying `next` over `current` creates, changes and removes.
 * Resources are matched by `nome`; `alterar` lists the JSON Pointers (relative to the
 * resource, e.g. `/config/replicas_min`) of every leaf that differs. The editor's layout
 * (`diagrama`) is not provisioned, so it never makes a change.
 */
import { toPointer } from "./findings";

export interface ChangePlan {
  criar: string[];
  alterar: { nome: string; campos: string[] }[];
  remover: string[];
}

type Json = unknown;

function isPlainObject(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Pointers (under `base`) of every leaf where `a` and `b` differ; arrays compare whole. */
export function changedPointers(a: Json, b: Json, base = ""): string[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    const out: string[] = [];
    for (const k of keys) out.push(...changedPointers(a[k], b[k], `${base}${toPointer([k])}`));
    return out;
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [base || "/"];
}

interface NamedResource {
  nome: string;
}

function resourcesOf(bp: Json): NamedResource[] {
  if (!isPlainObject(bp) || !Array.isArray(bp.recursos)) return [];
  return bp.recursos.filter(
    (r): r is NamedResource => isPlainObject(r) && typeof r.nome === "string",
  );
}

/**
 * Blueprint-level fields (`resiliencia`, `regioes`) change every resource's placement, so a
 * change to them shows on every resource that stays, as `/regioes` or `/resiliencia`.
 */
export function diffBlueprints(current: Json, next: Json): ChangePlan {
  const before = new Map(resourcesOf(current).map((r) => [r.nome, r]));
  const after = new Map(resourcesOf(next).map((r) => [r.nome, r]));
  const globalChanges = ["resiliencia", "regioes"].filter(
    (k) =>
      JSON.stringify(isPlainObject(current) ? current[k] : undefined) !==
      JSON.stringify(isPlainObject(next) ? next[k] : undefined),
  );
  const plano: ChangePlan = { criar: [], alterar: [], remover: [] };
  for (const [nome, res] of after) {
    const old = before.get(nome);
    if (!old) {
      plano.criar.push(nome);
      continue;
    }
    const campos = [...globalChanges.map((k) => `/${k}`), ...changedPointers(old, res)];
    if (campos.length > 0) plano.alterar.push({ nome, campos });
  }
  for (const nome of before.keys()) if (!after.has(nome)) plano.remover.push(nome);
  return plano;
}

export function isEmptyPlan(p: ChangePlan): boolean {
  return p.criar.length === 0 && p.alterar.length === 0 && p.remover.length === 0;
}
