/**
 * Framing the whole design. React Flow's own fitView counts only the nodes it has measured:
 * while a big design arrives in batches (see Canvas), it framed the first few hundred and left
 * the rest outside the view. This frames the design from its positions instead.
 */
import { getViewportForBounds, type ReactFlowInstance, type useStoreApi } from "@xyflow/react";
import type { Doc } from "./doc";
import { designBounds } from "./flow";

/** How the designer frames the whole design: on opening, after an import or a view switch. */
export const FIT_ALL = { padding: 0.2, maxZoom: 1, minZoom: 0.05 };

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
