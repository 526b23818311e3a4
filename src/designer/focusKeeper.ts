/**
 * Keeps keyboard focus in the editor when the element that had it goes away: a deleted node,
 * a node that Undo took back, a "Connect to …" button whose target is now connected. The
 * browser would leave focus on <body>, and a keyboard user would start again from the top of
 * the page. Focus goes to the node that took the deleted one's place in the canvas order, else
 * to the canvas itself.
 */
import { useEffect } from "react";
import { useDesigner } from "./store";

const NODE = ".react-flow__node";

/** Focuses a connection on the canvas once it is drawn (its edge element); false if absent. */
export function focusConnection(source: string, target: string): void {
  requestAnimationFrame(() => {
    const edge = document.querySelector<SVGGElement>(
      `.react-flow__edge[data-id="${CSS.escape(`${source}->${target}`)}"]`,
    );
    edge?.focus();
  });
}

export function useFocusKeeper(canvas: () => HTMLElement | null): void {
  useEffect(() => {
    let last: Element | null = null;
    let nodeIndex = -1;
    const onFocusIn = (e: FocusEvent) => {
      const el = e.target as Element | null;
      if (!el || !canvas()?.closest("[data-editor]")?.contains(el)) {
        last = null;
        return;
      }
      last = el;
      const node = el.closest(NODE);
      nodeIndex = node ? [...document.querySelectorAll(NODE)].indexOf(node) : -1;
    };
    const check = () => {
      const lost = document.activeElement === document.body || !document.activeElement;
      if (!lost || !last || last.isConnected) return;
      last = null;
      const nodes = document.querySelectorAll<HTMLElement>(NODE);
      const next = nodeIndex >= 0 ? nodes[Math.min(nodeIndex, nodes.length - 1)] : undefined;
      const pane = canvas();
      if (!next && pane && !pane.hasAttribute("tabindex")) pane.tabIndex = -1;
      (next ?? pane)?.focus();
    };
    let frame = 0;
    const unsubscribe = useDesigner.subscribe(() => {
      cancelAnimationFrame(frame);
      // After React has drawn the change (and maybe removed the focused element).
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(check);
      });
    });
    document.addEventListener("focusin", onFocusIn);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      document.removeEventListener("focusin", onFocusIn);
    };
  }, [canvas]);
}
