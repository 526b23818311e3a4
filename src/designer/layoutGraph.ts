/**
 * Auto-layout input and output: the document as an ELK graph (layered, left to right, in the
 * columns of the seed page's components table: edge → compute → data, observability last),
 * with fabrics as containers of their members; and ELK's answer as absolute positions.
 */
import type { ElkNode } from "elkjs/lib/elk-api";
import {
  configOf,
  connectionsOf,
  type Doc,
  nameOf,
  positionsOf,
  resourcesOf,
  type XY,
} from "./doc";
import { fabricRects, NODE_H, NODE_W } from "./flow";

const PARTITION: Record<string, number> = {
  sentinel: 0,
  gateway: 1,
  // An autoscale controls a compute: it sits in the column before it, beside the gateway. In
  // the compute column it would take a layer of its own, and the gateway's connection to the
  // compute would run behind it.
  autoscale: 1,
  compute: 2,
  datastore: 3,
  archive: 3,
  fabric: 3,
  insight: 4,
};

/** Where a fabric member sits inside its fabric (computes left of datastores). */
export interface MemberOffset {
  fabric: string;
  dx: number;
  dy: number;
}

export interface LayoutPlan {
  graph: ElkNode;
  offsets: Record<string, MemberOffset>;
}

const INNER_GAP_X = 56;
const INNER_GAP_Y = 32;
const PAD_X = 24;
const PAD_TOP = 52;

/**
 * The ELK graph: fabrics are laid out first (their members in a small grid inside), then
 * enter the layered layout as one node of their size, with their members' edges attached to
 * them. (ELK's own hierarchy handling does not combine with partitioning.)
 */
export function layoutPlan(doc: Doc): LayoutPlan {
  const recursos = resourcesOf(doc);
  const names = new Set(recursos.map(nameOf));
  const fabrics = new Set(recursos.filter((r) => r.tipo === "fabric").map(nameOf));
  const memberOf = (r: (typeof recursos)[number]) => {
    const f = configOf(r).fabric;
    return (r.tipo === "compute" || r.tipo === "datastore") &&
      typeof f === "string" &&
      fabrics.has(f)
      ? f
      : undefined;
  };
  const offsets: Record<string, MemberOffset> = {};
  const children: ElkNode[] = [];
  const seen = new Set<string>();
  for (const r of recursos) {
    const nome = nameOf(r);
    if (!nome || seen.has(nome) || memberOf(r)) continue;
    seen.add(nome);
    let width = NODE_W;
    let height = NODE_H;
    if (r.tipo === "fabric") {
      const members = recursos.filter((m) => memberOf(m) === nome);
      const columns = [
        ...computeLayers(members.filter((m) => m.tipo === "compute")),
        members.filter((m) => m.tipo === "datastore"),
      ].filter((c) => c.length > 0);
      const rows = Math.max(1, ...columns.map((c) => c.length));
      columns.forEach((col, ci) => {
        // A shorter column sits in the middle: connections into the next column's top and
        // bottom rows then pass above and below it instead of through it.
        const shift = ((rows - col.length) * (NODE_H + INNER_GAP_Y)) / 2;
        col.forEach((m, ri) => {
          seen.add(nameOf(m));
          offsets[nameOf(m)] = {
            fabric: nome,
            dx: PAD_X + ci * (NODE_W + INNER_GAP_X),
            dy: PAD_TOP + shift + ri * (NODE_H + INNER_GAP_Y),
          };
        });
      });
      width = Math.max(
        400,
        PAD_X * 2 + columns.length * NODE_W + Math.max(0, columns.length - 1) * INNER_GAP_X,
      );
      height = Math.max(240, PAD_TOP + rows * NODE_H + (rows - 1) * INNER_GAP_Y + PAD_X);
    }
    children.push({
      id: nome,
      width,
      height,
      layoutOptions: { "elk.partitioning.partition": String(PARTITION[String(r.tipo)] ?? 4) },
    });
  }
  // Edges of members attach to their fabric, at a port where the member sits (its left side
  // in, its right side out), so ELK lines up what connects to a member with that member, and
  // a connection into the fabric does not cut across the members in front of it. Edges inside
  // one fabric are its own business.
  const fabricNode = new Map(children.map((c) => [c.id, c]));
  const portOf = (member: string, side: "in" | "out") => {
    const o = offsets[member];
    if (!o) return member;
    const node = fabricNode.get(o.fabric);
    if (!node) return member;
    const id = `${member}:${side}`;
    node.ports ??= [];
    if (!node.ports.some((p) => p.id === id))
      node.ports.push({
        id,
        x: side === "in" ? 0 : (node.width ?? 0),
        y: o.dy + NODE_H / 2,
        width: 1,
        height: 1,
        layoutOptions: { "elk.port.side": side === "in" ? "WEST" : "EAST" },
      });
    node.layoutOptions = { ...node.layoutOptions, "elk.portConstraints": "FIXED_POS" };
    return id;
  };
  const placeOf = (n: string) => offsets[n]?.fabric ?? n;
  const edges = new Map<string, { id: string; sources: string[]; targets: string[] }>();
  for (const r of recursos)
    for (const t of connectionsOf(r)) {
      const a = placeOf(nameOf(r));
      const b = placeOf(t);
      if (!names.has(t) || a === b) continue;
      const id = `${nameOf(r)}->${t}`;
      edges.set(id, { id, sources: [portOf(nameOf(r), "out")], targets: [portOf(t, "in")] });
    }
  return {
    graph: {
      id: "root",
      layoutOptions: {
        "elk.algorithm": "layered",
        "elk.direction": "RIGHT",
        "elk.partitioning.activate": "true",
        // Unconnected resources stay in their column instead of being packed as islands.
        "elk.separateConnectedComponents": "false",
        "elk.spacing.nodeNode": "48",
        "elk.layered.spacing.nodeNodeBetweenLayers": "64",
      },
      children,
      edges: [...edges.values()],
    },
    offsets,
  };
}

/**
 * A fabric's computes in columns by how deep they are in the calls between them (a compute
 * that another calls sits right of its caller), so no connection between two of them runs
 * backwards through a third. Calls in a cycle stop deepening after one pass per compute.
 */
function computeLayers<R extends Parameters<typeof nameOf>[0]>(computes: R[]): R[][] {
  const names = new Set(computes.map(nameOf));
  const depth = new Map(computes.map((c) => [nameOf(c), 0]));
  for (let pass = 0; pass < computes.length; pass++) {
    let moved = false;
    for (const c of computes)
      for (const t of connectionsOf(c)) {
        const next = (depth.get(nameOf(c)) ?? 0) + 1;
        if (names.has(t) && t !== nameOf(c) && (depth.get(t) ?? 0) < next) {
          depth.set(t, Math.min(next, computes.length - 1));
          moved = true;
        }
      }
    if (!moved) break;
  }
  const deepest = Math.max(0, ...depth.values());
  return Array.from({ length: deepest + 1 }, (_, d) =>
    computes.filter((c) => (depth.get(nameOf(c)) ?? 0) === d),
  );
}

/** Absolute positions of every resource, members placed inside their laid-out fabric. */
export function positionsFromElk(
  root: ElkNode,
  offsets: Record<string, MemberOffset>,
): Record<string, XY> {
  const out: Record<string, XY> = {};
  for (const c of root.children ?? []) if (c.id) out[c.id] = { x: c.x ?? 0, y: c.y ?? 0 };
  for (const [nome, o] of Object.entries(offsets)) {
    const f = out[o.fabric];
    if (f) out[nome] = { x: f.x + o.dx, y: f.y + o.dy };
  }
  return out;
}

/**
 * Positions for the resources that have none, placed by the full layout but shifted to sit
 * below whatever is already drawn, so nothing the user placed moves.
 */
export function placeMissing(doc: Doc, laidOut: Record<string, XY>): Record<string, XY> {
  const existing = positionsOf(doc);
  const missing = resourcesOf(doc)
    .map(nameOf)
    .filter((n) => n && !existing[n] && laidOut[n]);
  if (missing.length === 0) return {};
  const placed = Object.keys(existing).length > 0;
  if (!placed) return Object.fromEntries(missing.map((n) => [n, laidOut[n]]));
  const rects = [...fabricRects(doc).values()];
  const bottom = Math.max(
    ...Object.values(existing).map((p) => p.y + NODE_H),
    ...rects.map((r) => r.y + r.h),
  );
  const left = Math.min(...Object.values(existing).map((p) => p.x));
  const top = Math.min(...missing.map((n) => laidOut[n].y));
  const minX = Math.min(...missing.map((n) => laidOut[n].x));
  return Object.fromEntries(
    missing.map((n) => [n, { x: laidOut[n].x - minX + left, y: laidOut[n].y - top + bottom + 80 }]),
  );
}
