/**
 * Every editor command, in one list. The toolbar, menus and the keyboard run them through
 * `runAction`, so a button and its shortcut are the same tested code.
 */
import { useDesigner } from "../store";
import { actionAutoLayout } from "./autoLayout";
import { actionClearSelection } from "./clearSelection";
import { actionConnectImplied } from "./connectImplied";
import { actionCopy } from "./copy";
import { actionDeleteSelection } from "./deleteSelection";
import { actionMoveSelection } from "./moveSelection";
import { actionPaste } from "./paste";
import { actionRedo } from "./redo";
import { actionSelectAll } from "./selectAll";
import type { Action, ActionState, KeyLike } from "./types";
import { actionUndo } from "./undo";

export { copySelection, heldCopy } from "./copy";
export type { Action, ActionState, ActionUpdate, KeyLike } from "./types";
export {
  actionAutoLayout,
  actionClearSelection,
  actionConnectImplied,
  actionCopy,
  actionDeleteSelection,
  actionMoveSelection,
  actionPaste,
  actionRedo,
  actionSelectAll,
  actionUndo,
};

export const ACTIONS: readonly Action[] = [
  actionUndo,
  actionRedo,
  actionSelectAll,
  actionClearSelection,
  actionDeleteSelection,
  actionMoveSelection,
  actionAutoLayout,
  actionConnectImplied,
  actionCopy,
  actionPaste,
];

/** Actions whose keys only make sense with the canvas (or nothing) focused. */
const CANVAS_KEYS = new Set([
  actionClearSelection.name,
  actionDeleteSelection.name,
  actionMoveSelection.name,
  actionAutoLayout.name,
]);

export function isCanvasAction(action: Action): boolean {
  return CANVAS_KEYS.has(action.name);
}

/** The action a key press runs, if any. */
export function actionForKey(e: KeyLike): Action | undefined {
  return ACTIONS.find((a) => a.keyTest?.(e));
}

export function actionState(): ActionState {
  const s = useDesigner.getState();
  return { history: s.history, selection: s.selection, edgeSelection: s.edgeSelection };
}

export function isEnabled(action: Action, state = actionState()): boolean {
  return action.enabled?.(state) ?? true;
}

/**
 * Runs an action against the editor's store. Resolves to whether it changed anything and
 * whether the view should frame the design afterwards.
 */
export async function runAction(action: Action, e?: KeyLike): Promise<{ fit: boolean } | null> {
  const state = actionState();
  if (!isEnabled(action, state)) return null;
  const update = await action.perform(state, e);
  if (!update) return null;
  const store = useDesigner.getState();
  if (update.history) store.setHistory(update.history);
  if (update.doc) store.apply(() => update.doc as NonNullable<typeof update.doc>, update.coalesce);
  if (update.selection) store.select(update.selection);
  if (update.edgeSelection) store.selectEdges(update.edgeSelection);
  return { fit: !!update.fit };
}
