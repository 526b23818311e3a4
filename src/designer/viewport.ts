/** Where the view stands against a design, from React Flow's store (pure). */
import type { ReactFlowState } from "@xyflow/react";

/** Whether any part of `bounds` (flow coordinates) lies outside the canvas's view. */
export function partlyOutOfView(
  bounds: { x: number; y: number; width: number; height: number } | null,
  s: Pick<ReactFlowState, "transform" | "width" | "height">,
): boolean {
  if (!bounds || s.width === 0) return false;
  const [tx, ty, zoom] = s.transform;
  return (
    bounds.x * zoom + tx < 0 ||
    bounds.y * zoom + ty < 0 ||
    (bounds.x + bounds.width) * zoom + tx > s.width ||
    (bounds.y + bounds.height) * zoom + ty > s.height
  );
}
