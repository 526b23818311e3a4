/**
 * The designer's document: the blueprint exactly as the user is writing it, which may be
 * incomplete or invalid at any moment (an import with errors, a half-typed JSON edit). Every
 * operation here is pure and defensive: it returns a new document and never assumes shape
 * beyond what it checks. Positions live in `diagrama.posicoes`, so the picture travels with
 * the blueprint.
 */
import { defaultRegions, fromPointer, RESOURCE_TYPES, type TipoRecurso } from "../blueprint";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };
/** A resource as written; `tipo`, `nome` and `config` may be missing or wrong. */
export type Resource = JsonObject;
export interface Doc extends JsonObject {}

export interface XY {
  x: number;
  y: number;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function resourcesOf(doc: Doc): Resource[] {
  return Array.isArray(doc.recursos) ? (doc.recursos.filter(isObject) as Resource[]) : [];
}

export function nameOf(r: Resource): string {
  return typeof r.nome === "string" ? r.nome : "";
}

export function typeOf(r: Resource): TipoRecurso | undefined {
  return RESOURCE_TYPES.includes(r.tipo as TipoRecurso) ? (r.tipo as TipoRecurso) : undefined;
}

export function configOf(r: Resource): JsonObject {
  return isObject(r.config) ? r.config : {};
}

export function connectionsOf(r: Resource): string[] {
  return Array.isArray(r.conexoes)
    ? r.conexoes.filter((c): c is string => typeof c === "string")
    : [];
}

export function positionsOf(doc: Doc): Record<string, XY> {
  const d = doc.diagrama;
  if (!isObject(d) || !isObject(d.posicoes)) return {};
  const out: Record<string, XY> = {};
  for (const [k, v] of Object.entries(d.posicoes))
    if (isObject(v) && typeof v.x === "number" && typeof v.y === "number")
      out[k] = { x: v.x, y: v.y };
  return out;
}

export function regionsOf(doc: Doc): string[] {
  if (Array.isArray(doc.regioes))
    return doc.regioes.filter((r): r is string => typeof r === "string");
  const res = doc.resiliencia;
  return res === "zona-unica" || res === "multi-zona" || res === "multi-regiao"
    ? defaultRegions(res)
    : [];
}

function withResources(doc: Doc, recursos: Resource[]): Doc {
  return { ...doc, recursos };
}

/** Positions are written with whole pixels: the file stays readable and diffs stay small. */
function round(p: XY): XY {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

export function withPositions(doc: Doc, changes: Record<string, XY | null>): Doc {
  const d = isObject(doc.diagrama) ? doc.diagrama : {};
  const posicoes: JsonObject = isObject(d.posicoes) ? { ...d.posicoes } : {};
  for (const [nome, p] of Object.entries(changes)) {
    if (p) posicoes[nome] = round(p) as unknown as Json;
    else delete posicoes[nome];
  }
  return { ...doc, diagrama: { ...d, posicoes } };
}

/** `base-1`, `base-2`… the first name not taken. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const stem = base.replace(/-\d+$/, "").slice(0, 56) || "recurso";
  for (let i = 1; ; i++) {
    const candidate = `${stem}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function names(doc: Doc): Set<string> {
  return new Set(resourcesOf(doc).map(nameOf));
}

/** A new resource's config: the fields a product requires, with values that validate. */
export function starterConfig(tipo: TipoRecurso, doc: Doc): JsonObject {
  const regions = Math.max(1, doc.resiliencia === "multi-regiao" ? regionsOf(doc).length : 1);
  const min = doc.resiliencia === "zona-unica" ? 1 : Math.max(2, regions);
  switch (tipo) {
    case "compute":
      return { subtipo: "web", replicas_min: min, replicas_max: Math.max(min, 2) * 2 };
    case "datastore":
      return { engine: "postgres", ha: doc.resiliencia !== "zona-unica", tamanho_gb: 50 };
    case "gateway":
      return { dominio: "app.example.com", tls: true };
    case "insight":
      return { retencao_dias: 30, alertas: true };
    case "autoscale": {
      const compute = resourcesOf(doc).find((r) => r.tipo === "compute");
      return { alvo: compute ? nameOf(compute) : "" };
    }
    default:
      return {};
  }
}

export const EMPTY_DOC: Doc = {
  nome: "Untitled architecture",
  resiliencia: "multi-zona",
  recursos: [],
};

export function addResource(doc: Doc, tipo: TipoRecurso, at: XY): { doc: Doc; nome: string } {
  const nome = uniqueName(tipo, names(doc));
  const resource: Resource = { tipo, nome, config: starterConfig(tipo, doc) };
  if (tipo === "autoscale" && configOf(resource).alvo)
    resource.conexoes = [configOf(resource).alvo];
  return {
    doc: withPositions(withResources(doc, [...resourcesOf(doc), resource]), { [nome]: at }),
    nome,
  };
}

/** Renames a resource and every reference to it: `conexoes`, `alvo`, `fabric`, its position. */
export function renameResource(doc: Doc, from: string, to: string): Doc {
  if (from === to) return doc;
  const recursos = resourcesOf(doc).map((r) => {
    let next = r;
    if (nameOf(r) === from) next = { ...next, nome: to };
    const cx = connectionsOf(r);
    if (cx.includes(from)) next = { ...next, conexoes: cx.map((c) => (c === from ? to : c)) };
    const cfg = configOf(r);
    if (cfg.alvo === from || cfg.fabric === from) {
      const config = { ...cfg };
      if (config.alvo === from) config.alvo = to;
      if (config.fabric === from) config.fabric = to;
      next = { ...next, config };
    }
    return next;
  });
  const pos = positionsOf(doc)[from];
  const moved = withResources(doc, recursos);
  return pos ? withPositions(moved, { [from]: null, [to]: pos }) : moved;
}

export function connect(doc: Doc, source: string, target: string): Doc {
  const recursos = resourcesOf(doc).map((r) => {
    if (nameOf(r) !== source) return r;
    const cx = connectionsOf(r);
    let next: Resource = cx.includes(target) ? r : { ...r, conexoes: [...cx, target] };
    // An autoscale scales the compute it points at: the connection and `alvo` are one choice.
    if (r.tipo === "autoscale") next = { ...next, config: { ...configOf(r), alvo: target } };
    return next;
  });
  return withResources(doc, recursos);
}

/** Writes every pair as a connection, in order (how implied connections become explicit). */
export function connectAll(doc: Doc, pairs: readonly (readonly [string, string])[]): Doc {
  return pairs.reduce((d, [source, target]) => connect(d, source, target), doc);
}

export function disconnect(doc: Doc, source: string, target: string): Doc {
  const recursos = resourcesOf(doc).map((r) => {
    if (nameOf(r) !== source) return r;
    const cx = connectionsOf(r).filter((c) => c !== target);
    const { conexoes: _, ...rest } = r;
    return cx.length > 0 ? { ...r, conexoes: cx } : rest;
  });
  return withResources(doc, recursos);
}

/**
 * Removes resources and the connections to them. A reference in config (`alvo`, `fabric`)
 * is cleared for fabric (membership ends with the container) and kept for `alvo`, where the
 * finding tells the user the autoscale now needs another target.
 */
export function deleteResources(doc: Doc, doomed: ReadonlySet<string>): Doc {
  const recursos = resourcesOf(doc)
    .filter((r) => !doomed.has(nameOf(r)))
    .map((r) => {
      let next = r;
      const cx = connectionsOf(r);
      if (cx.some((c) => doomed.has(c))) {
        const kept = cx.filter((c) => !doomed.has(c));
        const { conexoes: _, ...rest } = next;
        next = kept.length > 0 ? { ...next, conexoes: kept } : rest;
      }
      const cfg = configOf(r);
      if (typeof cfg.fabric === "string" && doomed.has(cfg.fabric)) {
        const { fabric: _, ...config } = cfg;
        next = { ...next, config };
      }
      return next;
    });
  return withPositions(
    withResources(doc, recursos),
    Object.fromEntries([...doomed].map((n) => [n, null])),
  );
}

/** Copies of resources under new names; connections among the copies follow them. */
export function pasteResources(
  doc: Doc,
  copied: readonly { resource: Resource; position?: XY }[],
  offset: XY,
): { doc: Doc; names: string[] } {
  const taken = names(doc);
  const renamed = new Map<string, string>();
  for (const { resource } of copied) {
    const nome = uniqueName(nameOf(resource) || String(resource.tipo ?? "recurso"), taken);
    taken.add(nome);
    renamed.set(nameOf(resource), nome);
  }
  const follow = (n: Json) => (typeof n === "string" ? (renamed.get(n) ?? n) : n);
  const fresh = copied.map(({ resource }) => {
    const copy: Resource = structuredClone(resource);
    copy.nome = renamed.get(nameOf(resource)) ?? nameOf(resource);
    if (Array.isArray(copy.conexoes)) copy.conexoes = copy.conexoes.map(follow);
    if (isObject(copy.config)) {
      if ("alvo" in copy.config) copy.config.alvo = follow(copy.config.alvo);
      if ("fabric" in copy.config) copy.config.fabric = follow(copy.config.fabric);
    }
    return copy;
  });
  const positions = Object.fromEntries(
    copied.map(({ position }, i) => [
      nameOf(fresh[i]),
      { x: (position?.x ?? 0) + offset.x, y: (position?.y ?? 0) + offset.y },
    ]),
  );
  return {
    doc: withPositions(withResources(doc, [...resourcesOf(doc), ...fresh]), positions),
    names: fresh.map(nameOf),
  };
}

/**
 * Sets (or with `undefined` removes) the value at `path` inside resource `index`, e.g.
 * ["config", "replicas_min"]. Parent objects are created as needed.
 */
export function setResourceField(
  doc: Doc,
  index: number,
  path: readonly string[],
  value: Json | undefined,
): Doc {
  const all = Array.isArray(doc.recursos) ? [...doc.recursos] : [];
  const target = all[index];
  if (!isObject(target)) return doc;
  all[index] = setIn(target, path, value) as Resource;
  return { ...doc, recursos: all };
}

function setIn(obj: JsonObject, path: readonly string[], value: Json | undefined): JsonObject {
  const [key, ...rest] = path;
  const next = { ...obj };
  if (rest.length === 0) {
    if (value === undefined) delete next[key];
    else next[key] = value;
    return next;
  }
  const child = isObject(obj[key]) ? obj[key] : {};
  const updated = setIn(child, rest, value);
  if (Object.keys(updated).length === 0 && value === undefined) delete next[key];
  else next[key] = updated;
  return next;
}

/**
 * Sets the value a JSON Pointer names: `/recursos/<i>/…` inside that resource, `/<key>/…` on
 * the blueprint itself (parents created as needed). How a one-click fix is applied.
 */
export function setAtPointer(doc: Doc, pointer: string, value: Json): Doc {
  const path = fromPointer(pointer);
  if (path[0] === "recursos" && /^\d+$/.test(path[1] ?? ""))
    return setResourceField(doc, Number(path[1]), path.slice(2), value);
  if (path.length === 0) return doc;
  return setIn(doc as JsonObject, path, value) as Doc;
}

export function setBlueprintField(doc: Doc, key: string, value: Json | undefined): Doc {
  const next = { ...doc };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
