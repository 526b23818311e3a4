/**
 * The diagram as PNG or SVG: the whole design, not just what is in view, drawn as vectors from
 * the canvas's positions and sizes (see diagramSvg). The PNG is that SVG rasterised by the
 * browser, at twice the size for sharp text, so both files show the same picture.
 */
import type { Edge, ReactFlowInstance } from "@xyflow/react";
import type { TipoRecurso } from "../blueprint";
import type { Translate } from "../i18n";
import { type DiagramBox, type DiagramLink, diagramSvg } from "./diagramSvg";
import { nameOf, typeOf } from "./doc";
import { type FlowNode, NODE_H, NODE_W } from "./flow";
import type { DesignerMessageKey } from "./i18n";
import { keyFacts, PRODUCT_BY_TYPE } from "./products";

/** The largest side of a PNG (browsers refuse bigger canvases). */
const MAX_PX = 8192;

/** A node's regions, as the canvas writes them: a datastore names its primary first. */
function regionsLine(
  tipo: TipoRecurso | undefined,
  regions: string[],
  t: Translate<DesignerMessageKey>,
): string {
  if (tipo !== "datastore" || regions.length === 0) return regions.join(" · ");
  const [primary, ...replicas] = regions;
  return [
    t("node.primary", { region: primary }),
    ...(replicas.length ? [t("node.replicas", { regions: replicas.join(" · ") })] : []),
  ].join(" · ");
}

export function diagramParts(
  rf: Pick<ReactFlowInstance<FlowNode, Edge>, "getNodes" | "getEdges" | "getInternalNode">,
  t: Translate<DesignerMessageKey>,
): { boxes: DiagramBox[]; links: DiagramLink[] } {
  const boxes = rf.getNodes().map((node): DiagramBox => {
    const internal = rf.getInternalNode(node.id);
    const at = internal?.internals.positionAbsolute ?? node.position;
    const tipo = typeOf(node.data.resource) as TipoRecurso | undefined;
    const fabric = node.type === "fabric";
    return {
      id: nameOf(node.data.resource) || node.id,
      tipo,
      x: at.x,
      y: at.y,
      w: internal?.measured.width ?? node.width ?? NODE_W,
      h: internal?.measured.height ?? node.height ?? NODE_H,
      product: tipo ? PRODUCT_BY_TYPE[tipo].label : String(node.data.resource.tipo ?? "?"),
      facts: keyFacts(node.data.resource, t).join(" · "),
      regions: regionsLine(tipo, node.data.regions, t),
      fabric,
    };
  });
  const links = rf.getEdges().map((e) => ({
    source: e.source,
    target: e.target,
    implied: e.id.startsWith("implied:"),
  }));
  return { boxes, links };
}

export async function diagramImage(
  format: "png" | "svg",
  parts: { boxes: DiagramBox[]; links: DiagramLink[] },
  dark: boolean,
  title: string,
): Promise<string> {
  const { svg, width, height } = diagramSvg(parts.boxes, parts.links, { dark, title });
  const svgUrl = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  if (format === "svg") return svgUrl;
  const scale = Math.min(2, MAX_PX / Math.max(width, height));
  const image = new Image();
  image.src = svgUrl;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas");
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL("image/png");
}
