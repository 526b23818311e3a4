/**
 * Framing the whole design. React Flow's own fitView counts only the nodes it has measured:
 * while a big design arrives in batches (see Canvas), it framed the first few hundred and left
 * the rest outside the view. This frames the design from its positions instead.
 */
import { getViewportForBounds, type ReactFlowInstance, type useStoreApi } from "@xyflow/react";
import type { Doc } from "./doc";
import { designBounds } from "./flow";

/**
 * How the designer frames the whole design: on opening, after an import or a view switch, and
 * with the canvas's own Fit view. The padding keeps the design clear of what is drawn over the
 * canvas: the implied-connections banner along the top, the zoom controls bottom left. (The
 * minimap, bottom right, shows only while part of the design is out of view.)
 */
export const FIT_ALL = {
  padding: { top: "72px", right: "32px", bottom: "32px", left: "64px" },
  maxZoom: 1,
  minZoom: 0.05,
} as const;

export function fitDesign(
  rf: Pick<ReactFlowInstance, "getInternalNode" | "setViewport">,
  flowStore: ReturnType<typeof useStoreApi>,
  doc: Doc,
): void {
  const { width, height } = flowStore.getState();
  const bounds = designBounds(doc, (id) => rf.getInternalNode(id)?.measured);
  if (!bounds || width <= 0 || height <= 0) return;
  void rf.setViewport(
    getViewportForBounds(bounds, width, height, FIT_ALL.minZoom, FIT_ALL.maxZoom, FIT_ALL.padding),
  );
}
