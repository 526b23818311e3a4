/**
 * The diagram as a real vector drawing (pure, no DOM): rectangles, text and paths with
 * arrowheads, drawn from the design itself, not a snapshot of the editor's HTML. Every
 * connection is a path, implied ones dashed as on the canvas; nothing of the editor's chrome
 * (handles, selection, minimap, controls, banners) is in it. Any SVG renderer draws it the same
 * (Chromium, librsvg's rsvg-convert, Inkscape), and the PNG export is this drawing rasterised.
 */
import type { TipoRecurso } from "../blueprint";
import { PRODUCT_COLOUR, SHAPES } from "./ProductIcon";

export interface DiagramBox {
  id: string;
  tipo: TipoRecurso | undefined;
  /** Absolute position and size in the canvas's coordinates. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The product's name, e.g. "Compute". */
  product: string;
  facts: string;
  regions: string;
  fabric: boolean;
}

export interface DiagramLink {
  source: string;
  target: string;
  /** A connection the contract implies, not written in the blueprint: dashed. */
  implied: boolean;
}

const MARGIN = 40;
const FONT = "ui-sans-serif, system-ui, 'DejaVu Sans', Arial, sans-serif";
const MONO = "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace";

const THEME = {
  light: {
    bg: "#ffffff",
    card: "#ffffff",
    border: "#cbd5e1",
    text: "#0f172a",
    muted: "#475569",
    edge: "#64748b",
    fabric: "#f8fafc",
  },
  dark: {
    bg: "#0f172a",
    card: "#111827",
    border: "#475569",
    text: "#f1f5f9",
    muted: "#cbd5e1",
    edge: "#94a3b8",
    fabric: "#1e293b",
  },
};

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) =>
    c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : c === '"' ? "&quot;" : "&apos;",
  );
}

/** Cuts text to what fits `width` at `size` (an average glyph is ~0.6 em), with an ellipsis. */
function clip(text: string, width: number, size: number): string {
  const max = Math.max(1, Math.floor(width / (size * 0.6)));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const n = (x: number) => Math.round(x * 10) / 10;

type Box = Pick<DiagramBox, "x" | "y" | "w" | "h">;

/**
 * A connection from the source's right side to the target's left, as a cubic Bézier's four
 * points, close to React Flow's own curve on the canvas.
 */
export function linkCurve(a: Box, b: Box): [number, number][] {
  const sx = a.x + a.w;
  const sy = a.y + a.h / 2;
  const tx = b.x;
  const ty = b.y + b.h / 2;
  const c = Math.max(Math.abs(tx - sx) / 2, 40);
  return [
    [sx, sy],
    [sx + c, sy],
    [tx - c, ty],
    [tx, ty],
  ];
}

/** The point at `t` (0 to 1) along a cubic Bézier. */
export function bezierAt(p: [number, number][], t: number): [number, number] {
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [w.reduce((a, k, i) => a + k * p[i][0], 0), w.reduce((a, k, i) => a + k * p[i][1], 0)];
}

function linkPath(a: Box, b: Box): string {
  const [[sx, sy], [c1x, c1y], [c2x, c2y], [tx, ty]] = linkCurve(a, b);
  return `M${n(sx)} ${n(sy)} C${n(c1x)} ${n(c1y)} ${n(c2x)} ${n(c2y)} ${n(tx)} ${n(ty)}`;
}

export function diagramSvg(
  boxes: readonly DiagramBox[],
  links: readonly DiagramLink[],
  options: { dark: boolean; title: string },
): { svg: string; width: number; height: number } {
  const th = options.dark ? THEME.dark : THEME.light;
  const minX = Math.min(0, ...boxes.map((b) => b.x)) - MARGIN;
  const minY = Math.min(0, ...boxes.map((b) => b.y)) - MARGIN;
  const maxX = Math.max(0, ...boxes.map((b) => b.x + b.w)) + MARGIN;
  const maxY = Math.max(0, ...boxes.map((b) => b.y + b.h)) + MARGIN;
  const [x0, y0] = boxes.length ? [minX, minY] : [0, 0];
  const width = Math.ceil((boxes.length ? maxX : 400) - x0);
  const height = Math.ceil((boxes.length ? maxY : 200) - y0);
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${n(x0)} ${n(y0)} ${width} ${height}" font-family="${FONT}">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L10 5L0 10z" fill="${th.edge}"/></marker></defs>`,
    `<rect x="${n(x0)}" y="${n(y0)}" width="${width}" height="${height}" fill="${th.bg}"/>`,
  );
  // Fabrics first: the private networks the other resources sit on.
  for (const b of boxes.filter((x) => x.fabric)) {
    out.push(
      `<g data-id="${escapeXml(b.id)}"><rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="12" fill="${th.fabric}" stroke="${th.border}" stroke-width="2" stroke-dasharray="8 6"/>`,
      `<text x="${n(b.x + 14)}" y="${n(b.y + 22)}" font-size="12" font-weight="600" fill="${th.muted}">${escapeXml(clip(`${b.product} · ${b.id}`, b.w - 28, 12))}</text></g>`,
    );
  }
  // Connections under the resources, as on the canvas.
  for (const l of links) {
    const a = byId.get(l.source);
    const b = byId.get(l.target);
    if (!a || !b) continue;
    out.push(
      `<path class="connection" data-source="${escapeXml(l.source)}" data-target="${escapeXml(l.target)}" d="${linkPath(a, b)}" fill="none" stroke="${th.edge}" stroke-width="2"${l.implied ? ' stroke-dasharray="6 5"' : ""} marker-end="url(#arrow)"/>`,
    );
  }
  for (const b of boxes.filter((x) => !x.fabric)) {
    const colour = b.tipo ? PRODUCT_COLOUR[b.tipo][options.dark ? "dark" : "light"] : th.muted;
    const inner = b.w - 24;
    out.push(
      `<g data-id="${escapeXml(b.id)}">`,
      `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="8" fill="${th.card}" stroke="${th.border}" stroke-width="1.5"/>`,
      b.tipo
        ? `<g transform="translate(${n(b.x + 12)} ${n(b.y + 12)}) scale(1.25)" fill="none" stroke="${colour}" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">${SHAPES[b.tipo]}</g>`
        : "",
      `<text x="${n(b.x + 52)}" y="${n(b.y + 24)}" font-size="11" font-weight="600" letter-spacing="0.5" fill="${colour}">${escapeXml(clip(b.product.toUpperCase(), inner - 40, 11))}</text>`,
      `<text x="${n(b.x + 52)}" y="${n(b.y + 42)}" font-family="${MONO}" font-size="14" font-weight="700" fill="${th.text}">${escapeXml(clip(b.id, inner - 40, 14))}</text>`,
      `<text x="${n(b.x + 12)}" y="${n(b.y + 70)}" font-size="12" fill="${th.muted}">${escapeXml(clip(b.facts, inner, 12))}</text>`,
      `<text x="${n(b.x + 12)}" y="${n(b.y + 92)}" font-family="${MONO}" font-size="11" fill="${th.muted}">${escapeXml(clip(b.regions, inner, 11))}</text>`,
      "</g>",
    );
  }
  out.push("</svg>");
  return { svg: out.join(""), width, height };
}
