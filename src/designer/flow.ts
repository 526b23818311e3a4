/**
 * From the document to React Flow's nodes and edges. Node objects are reused when nothing
 * about them changed, so React Flow (and the memoised node components) re-render only the
 * nodes an edit touched: that is what keeps dragging smooth in large diagrams.
 */
import type { Edge, Node } from "@xyflow/react";
import { MarkerType } from "@xyflow/react";
import { type ChangePlan, type Finding, findingsByResource } from "../blueprint";
import type { Translate } from "../i18n";
import {
  configOf,
  connectionsOf,
  type Doc,
  nameOf,
  positionsOf,
  type Resource,
  regionsOf,
  resourcesOf,
  typeOf,
  type XY,
} from "./doc";
import type { DesignerMessageKey } from "./i18n";

export const NODE_W = 232;
export const NODE_H = 112;
const FABRIC_MIN_W = 400;
const FABRIC_MIN_H = 240;
const FABRIC_PAD = 28;

export interface ResourceNodeData extends Record<string, unknown> {
  resource: Resource;
  index: number;
  errors: number;
  warnings: number;
  regions: string[];
  overlay: "criar" | "alterar" | null;
  changed: string[];
  /** A single point of failure in its region (the assessment's zona-unica-em-regiao). */
  spof: boolean;
  /** What a failure simulation shows on it (what-if); absent outside a simulation. */
  sim?: NodeSim;
}

/** A node in a failure simulation: its lost copy, whether any survives, what moved. */
export interface NodeSim {
  /** The region or zone (`sa-east-1a`) whose copy is lost. */
  lost: string | null;
  /** No copy survives anywhere: drawn dimmed. */
  down: boolean;
  /** A datastore whose primary moved: the region (or zone) promoted. */
  promotedTo: string | null;
  /** A gateway sending traffic elsewhere: where, and how much slower. */
  traffic: { city: string; ms: number } | null;
}
export type FlowNode = Node<ResourceNodeData, "resource" | "fabric">;

export interface FindingCounts {
  errors: number;
  warnings: number;
}

export function countsByIndex(findings: readonly Finding[]): Map<number, FindingCounts> {
  const out = new Map<number, FindingCounts>();
  for (const [i, list] of findingsByResource(findings)) {
    const errors = list.filter((f) => f.severidade === "erro").length;
    out.set(i, { errors, warnings: list.length - errors });
  }
  return out;
}

/** Where a resource without a saved position shows until auto-layout places it. */
function fallbackPosition(i: number): XY {
  return { x: (i % 6) * (NODE_W + 60), y: Math.floor(i / 6) * (NODE_H + 60) };
}

/**
 * The area the whole design covers on the canvas, from its positions (a resource's measured
 * size where the canvas knows it, the nominal one otherwise): framing a design this way needs
 * no node drawn or measured, so it holds while a big design is still arriving in batches.
 */
export function designBounds(
  doc: Doc,
  sizeOf: (id: string) => { width?: number; height?: number } | undefined = () => undefined,
): { x: number; y: number; width: number; height: number } | null {
  const positions = positionsOf(doc);
  const rects = fabricRects(doc);
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  resourcesOf(doc).forEach((r, i) => {
    const id = nameOf(r);
    const rect = rects.get(id);
    const p = rect ?? positions[id] ?? fallbackPosition(i);
    const size = sizeOf(id);
    const w = rect?.w ?? size?.width ?? NODE_W;
    const h = rect?.h ?? size?.height ?? NODE_H;
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + w);
    y1 = Math.max(y1, p.y + h);
  });
  return x0 === Number.POSITIVE_INFINITY ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Absolute rectangles of fabric containers, sized to hold their members. */
export function fabricRects(doc: Doc): Map<string, { x: number; y: number; w: number; h: number }> {
  const positions = positionsOf(doc);
  const recursos = resourcesOf(doc);
  const rects = new Map<string, { x: number; y: number; w: number; h: number }>();
  recursos.forEach((r, i) => {
    if (r.tipo !== "fabric") return;
    const nome = nameOf(r);
    const p = positions[nome] ?? fallbackPosition(i);
    let w = FABRIC_MIN_W;
    let h = FABRIC_MIN_H;
    for (const m of recursos) {
      if (configOf(m).fabric !== nome || (m.tipo !== "compute" && m.tipo !== "datastore")) continue;
      const mp = positions[nameOf(m)];
      if (!mp) continue;
      w = Math.max(w, mp.x - p.x + NODE_W + FABRIC_PAD);
      h = Math.max(h, mp.y - p.y + NODE_H + FABRIC_PAD);
    }
    rects.set(nome, { x: p.x, y: p.y, w, h });
  });
  return rects;
}

/** The fabric whose rectangle holds a point, if any. */
export function fabricAt(
  rects: ReadonlyMap<string, { x: number; y: number; w: number; h: number }>,
  point: XY,
): string | undefined {
  for (const [nome, r] of rects)
    if (point.x >= r.x && point.x <= r.x + r.w && point.y >= r.y && point.y <= r.y + r.h)
      return nome;
  return undefined;
}

export type NodeSize = { width: number; height: number };

/**
 * React Flow nodes from the document. `sizeOf` gives a node's size where it is known (measured,
 * or the size of a node of the same shape): React Flow reads sizes from the node objects, and a
 * node handed over with its true size is measured without reporting a change back.
 */
export function deriveNodes(
  doc: Doc,
  findings: readonly Finding[],
  selection: ReadonlySet<string>,
  overlay: ChangePlan | null,
  previous: ReadonlyMap<string, FlowNode>,
  sizeOf: (id: string, data: ResourceNodeData, isFabric: boolean) => NodeSize | undefined = () =>
    undefined,
  spof: ReadonlySet<number> = new Set(),
): FlowNode[] {
  const positions = positionsOf(doc);
  const regions = regionsOf(doc);
  const counts = countsByIndex(findings);
  const rects = fabricRects(doc);
  const created = new Set(overlay?.criar ?? []);
  const changed = new Map((overlay?.alterar ?? []).map((a) => [a.nome, a.campos]));
  const fabrics: FlowNode[] = [];
  const others: FlowNode[] = [];
  const seen = new Set<string>();
  resourcesOf(doc).forEach((r, index) => {
    const id = nameOf(r);
    // Two resources with one name are a finding (nome-duplicado); the canvas shows the first.
    if (!id || seen.has(id)) return;
    seen.add(id);
    const isFabric = r.tipo === "fabric";
    const abs = positions[id] ?? fallbackPosition(index);
    const fabric = configOf(r).fabric;
    const parent =
      !isFabric && typeof fabric === "string" && rects.has(fabric) && positions[id]
        ? rects.get(fabric)
        : undefined;
    const position = parent ? { x: abs.x - parent.x, y: abs.y - parent.y } : abs;
    const c = counts.get(index) ?? { errors: 0, warnings: 0 };
    const ov = created.has(id) ? "criar" : changed.has(id) ? "alterar" : null;
    const prev = previous.get(id);
    const pd = prev?.data;
    const sameData =
      pd &&
      pd.resource === r &&
      pd.index === index &&
      pd.errors === c.errors &&
      pd.warnings === c.warnings &&
      pd.overlay === ov &&
      pd.spof === spof.has(index) &&
      pd.regions.join() === regions.join() &&
      pd.changed === (changed.get(id) ?? pd.changed);
    const data: ResourceNodeData = sameData
      ? pd
      : {
          resource: r,
          index,
          errors: c.errors,
          warnings: c.warnings,
          regions,
          overlay: ov,
          changed: changed.get(id) ?? [],
          spof: spof.has(index),
        };
    const rect = isFabric ? rects.get(id) : undefined;
    const parentId = parent ? String(fabric) : undefined;
    const selected = selection.has(id);
    const size = sizeOf(id, data, isFabric);
    if (
      prev &&
      prev.measured === size &&
      prev.data === data &&
      prev.position.x === position.x &&
      prev.position.y === position.y &&
      prev.parentId === parentId &&
      !!prev.selected === selected &&
      (!rect || (prev.width === rect.w && prev.height === rect.h))
    ) {
      (isFabric ? fabrics : others).push(prev);
      return;
    }
    const node: FlowNode = {
      id,
      type: isFabric ? "fabric" : "resource",
      position,
      data,
      selected,
      ...(parentId ? { parentId } : {}),
      ...(rect ? { width: rect.w, height: rect.h, style: { zIndex: -1 } } : {}),
      ...(size ? { measured: size } : {}),
    };
    (isFabric ? fabrics : others).push(node);
  });
  // React Flow needs a parent before its children.
  return [...fabrics, ...others];
}

/**
 * The traffic the contract implies when a blueprint names no connection at all (the seed page's
 * Global SaaS has none): sentinels → gateways, gateways → web computes, web computes →
 * datastores and archives. Drawn dashed and never written to the blueprint until the user makes
 * them explicit.
 */
export function impliedConnections(doc: Doc): [source: string, target: string][] {
  const recursos = resourcesOf(doc);
  if (recursos.some((r) => connectionsOf(r).length > 0)) return [];
  const names = (keep: (r: Resource) => boolean) =>
    recursos.filter(keep).map(nameOf).filter(Boolean);
  const sentinels = names((r) => r.tipo === "sentinel");
  const gateways = names((r) => r.tipo === "gateway");
  const webs = names((r) => r.tipo === "compute" && configOf(r).subtipo === "web");
  const stores = names((r) => r.tipo === "datastore" || r.tipo === "archive");
  const pairs = (from: string[], to: string[]) =>
    from.flatMap((s) => to.map((t): [string, string] => [s, t]));
  return [...pairs(sentinels, gateways), ...pairs(gateways, webs), ...pairs(webs, stores)];
}

export function deriveEdges(
  doc: Doc,
  findings: readonly Finding[],
  t: Translate<DesignerMessageKey>,
): Edge[] {
  const recursos = resourcesOf(doc);
  const known = new Set(recursos.map(nameOf));
  const refused = new Set(
    findings.filter((f) => f.codigo === "conexao-invalida").map((f) => f.ponteiro),
  );
  const edges: Edge[] = [];
  recursos.forEach((r, i) => {
    const source = nameOf(r);
    connectionsOf(r).forEach((target, j) => {
      if (!known.has(target)) return;
      const bad = refused.has(`/recursos/${i}/conexoes/${j}`);
      edges.push({
        id: `${source}->${target}`,
        source,
        target,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
        className: bad ? "tesserra-edge-invalid" : undefined,
        ariaLabel: t("edge.label", { source, target, bad: bad ? "yes" : "no" }),
      });
    });
  });
  for (const [source, target] of impliedConnections(doc))
    edges.push({
      id: `implied:${source}->${target}`,
      source,
      target,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      className: "tesserra-edge-implied",
      selectable: false,
      deletable: false,
      ariaLabel: t("edge.implied", { source, target }),
    });
  return edges;
}

export function isContainable(r: Resource): boolean {
  const t = typeOf(r);
  return t === "compute" || t === "datastore";
}

const GAP = 24;

/**
 * The free spot for a new node nearest to `centre` (its top-left corner), searching outward
 * ring by ring on a node-sized grid, so nodes added by keyboard never land on one another.
 */
export function freeSpotNear(doc: Doc, centre: XY): XY {
  const taken = Object.values(positionsOf(doc));
  const free = (p: XY) =>
    taken.every(
      (q) =>
        p.x + NODE_W + GAP <= q.x ||
        q.x + NODE_W + GAP <= p.x ||
        p.y + NODE_H + GAP <= q.y ||
        q.y + NODE_H + GAP <= p.y,
    );
  const origin = { x: centre.x - NODE_W / 2, y: centre.y - NODE_H / 2 };
  const stepX = NODE_W + GAP;
  const stepY = NODE_H + GAP;
  for (let ring = 0; ring < 50; ring++) {
    const spots: XY[] = [];
    for (let i = -ring; i <= ring; i++)
      for (let j = -ring; j <= ring; j++)
        if (Math.max(Math.abs(i), Math.abs(j)) === ring)
          spots.push({ x: origin.x + i * stepX, y: origin.y + j * stepY });
    // Nearest first within a ring.
    spots.sort(
      (a, b) =>
        Math.hypot(a.x - origin.x, a.y - origin.y) - Math.hypot(b.x - origin.x, b.y - origin.y),
    );
    const spot = spots.find(free);
    if (spot) return spot;
  }
  return origin;
}
