import { pasteResources } from "../doc";
import { heldCopy } from "./copy";
import type { Action } from "./types";

/** Where pasted copies land, relative to their originals: beside them, not on top. */
export const PASTE_OFFSET = { x: 48, y: 48 };

/**
 * Pastes the copied resources as new ones (renamed where a name is taken, connections and
 * references following the renames), selected. Runs from the browser's paste event.
 */
export const actionPaste: Action = {
  name: "paste",
  label: "action.paste",
  shortcut: "Ctrl+V",
  enabled: () => heldCopy() !== null,
  perform: (s) => {
    const copied = heldCopy();
    if (!copied) return null;
    const r = pasteResources(s.history.present, copied.items, PASTE_OFFSET);
    return { doc: r.doc, selection: r.names };
  },
};
