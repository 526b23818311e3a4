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
