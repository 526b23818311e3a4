import type { SVGProps } from "react";
import type { TipoRecurso } from "../blueprint";
import { Icon } from "../ui/icons";

/** Each product's icon: 24-unit stroke drawings, as SVG markup (one source for both uses below). */
export const SHAPES: Record<TipoRecurso, string> = {
  compute:
    '<rect x="4" y="4" width="16" height="16" rx="2"/><rect x="9" y="9" width="6" height="6"/><path d="M9 2v2M15 2v2M9 20v2M15 20v2M2 9h2M2 15h2M20 9h2M20 15h2"/>',
  datastore:
    '<ellipse cx="12" cy="5" rx="8" ry="3"/><path d="M4 5v14c0 1.7 3.6 3 8 3s8-1.3 8-3V5"/><path d="M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3"/>',
  archive:
    '<rect x="3" y="4" width="18" height="5" rx="1"/><path d="M5 9v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V9M10 13h4"/>',
  gateway:
    '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"/>',
  autoscale: '<path d="M4 20 20 4M14 4h6v6M10 20H4v-6"/>',
  insight: '<path d="M3 3v18h18"/><path d="m7 15 4-4 3 3 5-6"/>',
  fabric:
    '<rect x="3" y="3" width="18" height="18" rx="3" stroke-dasharray="3 3"/><circle cx="9" cy="9" r="1.5"/><circle cx="15" cy="15" r="1.5"/><path d="M10 10l4 4"/>',
  sentinel: '<path d="M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6z"/><path d="m9 12 2 2 4-4"/>',
};

/** Each product's colour: Tailwind's 700 shade on light backgrounds, its 300 shade on dark. */
export const PRODUCT_COLOUR: Record<TipoRecurso, { light: string; dark: string }> = {
  gateway: { light: "#0369a1", dark: "#7dd3fc" },
  sentinel: { light: "#be123c", dark: "#fda4af" },
  compute: { light: "#4338ca", dark: "#a5b4fc" },
  autoscale: { light: "#6d28d9", dark: "#c4b5fd" },
  datastore: { light: "#047857", dark: "#6ee7b7" },
  archive: { light: "#b45309", dark: "#fcd34d" },
  fabric: { light: "#334155", dark: "#cbd5e1" },
  insight: { light: "#0f766e", dark: "#5eead4" },
};

const image = (shape: string, colour: string) =>
  `url("data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="${colour}" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">${shape}</svg>`,
  )}")`;

/**
 * The canvas nodes' icons and colours, one rule per product keyed by the node's `data-tipo`:
 * a node paints its icon as a background image of one pseudo-element, where an inline SVG
 * would add four to six elements, and a CSS mask an effect layer per node for the compositor
 * (a fifth of a 100-node drag frame at 4× throttle).
 */
export const NODE_ICON_CSS = Object.entries(SHAPES)
  .map(([tipo, shape]) => {
    const c = PRODUCT_COLOUR[tipo as TipoRecurso];
    return `.tesserra-node[data-tipo="${tipo}"]{--tile:${c.light};--icon:${image(shape, c.light)};--icon-dark:${image(shape, c.dark)}}`;
  })
  .join("\n");

export function ProductIcon({ tipo, ...props }: { tipo: TipoRecurso } & SVGProps<SVGSVGElement>) {
  return (
    <Icon
      width="18"
      height="18"
      {...props}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: constant markup defined above
      dangerouslySetInnerHTML={{ __html: SHAPES[tipo] }}
    />
  );
}
