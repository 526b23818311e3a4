import { nameOf, positionsOf, type Resource, resourcesOf, type XY } from "../doc";
import type { Action, ActionState } from "./types";

/** What Copy holds: the selected resources with their positions, and their JSON as text. */
export interface Copied {
  text: string;
  items: { resource: Resource; position?: XY }[];
}

/** The editor's own clipboard: pasting the same text again pastes the resources with positions. */
let held: Copied | null = null;

export function heldCopy(): Copied | null {
  return held;
}

/** The selection as Copy takes it; null with nothing selected. */
export function copySelection(s: ActionState): Copied | null {
  if (s.selection.length === 0) return null;
  const positions = positionsOf(s.history.present);
  const items = resourcesOf(s.history.present)
    .filter((r) => s.selection.includes(nameOf(r)))
    .map((resource) => ({ resource, position: positions[nameOf(resource)] }));
  return { text: JSON.stringify({ recursos: items.map((i) => i.resource) }, null, 2), items };
}

/**
 * Copies the selected resources. It runs from the browser's copy event (Ctrl/Cmd+C), which
 * also puts the JSON on the system clipboard, so it has no key test of its own.
 */
export const actionCopy: Action = {
  name: "copy",
  label: "action.copy",
  shortcut: "Ctrl+C",
  enabled: (s) => s.selection.length > 0,
  perform: (s) => {
    held = copySelection(s);
    return null;
  },
};
