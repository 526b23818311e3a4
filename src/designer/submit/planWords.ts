/**
 * A plan in a reviewer's words (pure): what changes for the whole blueprint, once (the primary
 * region, the regions, the resilience level), and each resource's own fields with their values
 * before → after. The API's plan names a blueprint-level change on every resource it moves.
 */
import {
  type ChangePlan,
  cityOf,
  defaultRegions,
  fromPointer,
  RESILIENCE_LEVELS,
} from "../../blueprint";

export interface ValueChange {
  /** The field: a JSON Pointer relative to the resource, e.g. `/config/replicas_min`. */
  campo: string;
  before: string;
  after: string;
}

export interface PlanWords {
  /** Blueprint-level changes, in this order when present. */
  blueprint: { field: "primary" | "regions" | "resilience"; before: string; after: string }[];
  /** Each changed resource's own fields (blueprint-level pointers left out). */
  resources: Map<string, ValueChange[]>;
}

const GLOBAL = new Set(["/regioes", "/resiliencia"]);
const MAX = 60;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function at(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const key of fromPointer(pointer)) node = isObj(node) ? node[key] : undefined;
  return node;
}

/** A value as the plan shows it: short, and "—" where the field is not written. */
export function shown(v: unknown): string {
  if (v === undefined) return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s;
}

const city = (id: unknown) => (typeof id === "string" ? `${cityOf(id)}` : shown(id));
/** The regions a blueprint runs in: those written, else its level's defaults. */
function regionsOf(bp: unknown): string[] {
  if (!isObj(bp)) return [];
  if (Array.isArray(bp.regioes)) return bp.regioes.filter((r) => typeof r === "string");
  const level = RESILIENCE_LEVELS.find((l) => l === bp.resiliencia);
  return level ? defaultRegions(level) : [];
}

function resourceNamed(bp: unknown, nome: string): unknown {
  return isObj(bp) && Array.isArray(bp.recursos)
    ? bp.recursos.find((r) => isObj(r) && r.nome === nome)
    : undefined;
}

export function planWords(current: unknown, next: unknown, plan: ChangePlan): PlanWords {
  const blueprint: PlanWords["blueprint"] = [];
  const [a, b] = [regionsOf(current), regionsOf(next)];
  if (a[0] !== b[0]) blueprint.push({ field: "primary", before: city(a[0]), after: city(b[0]) });
  if (a.join() !== b.join())
    blueprint.push({
      field: "regions",
      before: a.map(city).join(", ") || "—",
      after: b.map(city).join(", ") || "—",
    });
  const ra = isObj(current) ? current.resiliencia : undefined;
  const rb = isObj(next) ? next.resiliencia : undefined;
  if (ra !== rb) blueprint.push({ field: "resilience", before: shown(ra), after: shown(rb) });
  const resources = new Map<string, ValueChange[]>();
  for (const { nome, campos } of plan.alterar) {
    const before = resourceNamed(current, nome);
    const after = resourceNamed(next, nome);
    resources.set(
      nome,
      campos
        .filter((c) => !GLOBAL.has(c))
        .map((campo) => ({
          campo,
          before: shown(at(before, campo)),
          after: shown(at(after, campo)),
        })),
    );
  }
  return { blueprint, resources };
}
