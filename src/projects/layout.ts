/**
 * Where each resource sits in the read-only project diagram: the positions the designer saved
 * in `diagrama.posicoes`, else columns by role as the seed page's components table reads
 * (edge → compute → data), so a blueprint written by hand still draws sensibly.
 */
const COLUMN: Record<string, number> = {
  sentinel: 0,
  gateway: 1,
  autoscale: 2,
  compute: 2,
  fabric: 3,
  datastore: 3,
  archive: 3,
  insight: 3,
};

export const NODE_WIDTH = 240;
const COLUMN_GAP = 290;
const ROW_GAP = 170;

interface Positioned {
  nome: string;
  x: number;
  y: number;
}

export function projectLayout(blueprint: Record<string, unknown>): Positioned[] {
  const recursos = Array.isArray(blueprint.recursos)
    ? (blueprint.recursos as { nome?: unknown; tipo?: unknown }[])
    : [];
  const diagrama = blueprint.diagrama as { posicoes?: Record<string, { x: number; y: number }> };
  const saved = diagrama?.posicoes ?? {};
  const rows = new Map<number, number>();
  return recursos.map((r) => {
    const nome = String(r.nome);
    const p = Object.hasOwn(saved, nome) ? saved[nome] : undefined;
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) return { nome, x: p.x, y: p.y };
    const col = COLUMN[String(r.tipo)] ?? 3;
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    return { nome, x: col * COLUMN_GAP, y: row * ROW_GAP };
  });
}

/** Between two resources stacked on a phone: a node with its regions, and room for the edge. */
export const STACK_GAP = 60;
/** A node's height for `regions` regions (header, one line a region, padding). */
export const nodeHeight = (regions: number) => 58 + 20 * regions + 16;

/**
 * On a narrow screen, one column read top to bottom in the order of the seed page's table
 * (edge → compute → data), so the diagram fills the width at a readable size instead of a row
 * shrunk to fit.
 */
export function stackedLayout(blueprint: Record<string, unknown>, regions: number): Positioned[] {
  const recursos = Array.isArray(blueprint.recursos)
    ? (blueprint.recursos as { nome?: unknown; tipo?: unknown }[])
    : [];
  const order = recursos
    .map((r, i) => ({ nome: String(r.nome), col: COLUMN[String(r.tipo)] ?? 3, i }))
    .sort((a, b) => a.col - b.col || a.i - b.i);
  const step = nodeHeight(regions) + STACK_GAP;
  const at = new Map(order.map((r, k) => [r.nome, k * step]));
  return recursos.map((r) => ({ nome: String(r.nome), x: 0, y: at.get(String(r.nome)) ?? 0 }));
}
