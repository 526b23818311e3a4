/** The diagram as PNG or SVG: the whole drawing, not just what is in view (html-to-image, lazy). */
import { getNodesBounds, getViewportForBounds, type Node } from "@xyflow/react";

export async function diagramImage(
  format: "png" | "svg",
  nodes: Node[],
  viewport: HTMLElement,
  dark: boolean,
): Promise<string> {
  const { toPng, toSvg } = await import("html-to-image");
  const bounds = getNodesBounds(nodes);
  const width = Math.min(4096, Math.max(640, Math.ceil(bounds.width + 160)));
  const height = Math.min(4096, Math.max(400, Math.ceil(bounds.height + 160)));
  const v = getViewportForBounds(bounds, width, height, 0.1, 2, 0.08);
  const options = {
    backgroundColor: dark ? "#0f172a" : "#ffffff",
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${v.x}px, ${v.y}px) scale(${v.zoom})`,
    },
  };
  return format === "png" ? toPng(viewport, options) : toSvg(viewport, options);
}
