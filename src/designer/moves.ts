/**
 * Moving resources: a drag, or the arrow keys. Positions are absolute in the document; a fabric
 * carries its members along, and a compute or datastore joins or leaves a fabric by where it
 * lands.
 */
import {
  configOf,
  type Doc,
  nameOf,
  positionsOf,
  resourcesOf,
  setResourceField,
  withPositions,
  type XY,
} from "./doc";
import { fabricAt, fabricRects, isContainable, NODE_H, NODE_W } from "./flow";

/** Commits a drag: absolute positions, fabric membership by where each node landed. */
export function commitMoves(doc: Doc, moved: Record<string, XY>): Doc {
  const rects = fabricRects(doc);
  const before = positionsOf(doc);
  const recursos = resourcesOf(doc);
  const changes: Record<string, XY> = { ...moved };
  // A fabric carries its members along.
  for (const [nome, p] of Object.entries(moved)) {
    const r = recursos.find((x) => nameOf(x) === nome);
    if (r?.tipo !== "fabric" || !before[nome]) continue;
    const dx = p.x - before[nome].x;
    const dy = p.y - before[nome].y;
    for (const m of recursos) {
      const mn = nameOf(m);
      if (configOf(m).fabric === nome && before[mn] && !moved[mn])
        changes[mn] = { x: before[mn].x + dx, y: before[mn].y + dy };
    }
  }
  let next = withPositions(doc, changes);
  // Judge membership by each fabric as it stands after the move but at its size before it:
  // a fabric grows to hold its members, so its new size would keep any member "inside".
  const judged = new Map(
    [...rects].map(([nome, r]) => {
      const p = changes[nome];
      return [nome, p ? { ...r, x: p.x, y: p.y } : r];
    }),
  );
  recursos.forEach((r, i) => {
    const nome = nameOf(r);
    if (!moved[nome] || !isContainable(r)) return;
    const center = { x: moved[nome].x + NODE_W / 2, y: moved[nome].y + NODE_H / 2 };
    const landed = fabricAt(judged, center);
    const current = configOf(r).fabric;
    if (landed && landed !== current)
      next = setResourceField(next, i, ["config", "fabric"], landed);
    if (!landed && typeof current === "string" && rects.has(current))
      next = setResourceField(next, i, ["config", "fabric"], undefined);
  });
  return next;
}
