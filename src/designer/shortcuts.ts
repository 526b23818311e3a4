/**
 * The editor's keyboard and clipboard: shortcuts run the editor's actions; Ctrl/Cmd+C and V go
 * through the browser's copy and paste events (so the JSON also reaches the system clipboard).
 * Text fields keep their own keys. Keys that act on the canvas (arrows, Delete, Escape) count
 * only with the canvas or nothing focused, so menus and lists keep their arrow keys. Listening
 * in the capture phase lets an action take a key before React Flow's handling of a node.
 */
import { useEffect, useRef } from "react";
import {
  actionCopy,
  actionForKey,
  actionPaste,
  actionState,
  copySelection,
  heldCopy,
  isCanvasAction,
  isEnabled,
  runAction,
} from "./actions";

function isEditable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el?.closest?.("input, textarea, select, [contenteditable=true], .cm-editor");
}

export function useEditorShortcuts(handlers: {
  /** After an action that asks the view to frame the whole design. */
  onFit: () => void;
  /** Pasted text that is not the editor's own copy but looks like JSON: an import. */
  onPasteJson: (text: string) => void;
}) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isEditable(e.target)) return;
      const action = actionForKey(e);
      if (!action) return;
      if (isCanvasAction(action)) {
        const el = e.target as HTMLElement | null;
        const onCanvas = !el || el === document.body || !!el.closest?.(".react-flow");
        if (!onCanvas || el?.closest?.("button, [role=menu], [role=dialog]")) return;
      }
      if (!isEnabled(action)) return;
      e.preventDefault();
      e.stopPropagation();
      void runAction(action, e).then((r) => {
        if (r?.fit) latest.current.onFit();
      });
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isEditable(e.target)) return;
      const copied = copySelection(actionState());
      if (!copied) return;
      void runAction(actionCopy);
      e.clipboardData?.setData("text/plain", copied.text);
      e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target)) return;
      const text = e.clipboardData?.getData("text/plain") ?? "";
      const held = heldCopy();
      if (held && (text === "" || text === held.text)) {
        e.preventDefault();
        void runAction(actionPaste);
      } else if (text.trim().startsWith("{")) {
        e.preventDefault();
        latest.current.onPasteJson(text);
      }
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("copy", onCopy);
    document.addEventListener("paste", onPaste);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("paste", onPaste);
    };
  }, []);
}
