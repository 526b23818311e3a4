/**
 * An editor command (after excalidraw's actions): a name and label, a shortcut, and `perform`,
 * which takes the editor's state and returns what changes. Toolbar buttons, menus and keyboard
 * shortcuts all run the same action, and each is tested without a DOM.
 */
import type { Doc } from "../doc";
import type { History } from "../history";
import type { DesignerMessageKey } from "../i18n";

export interface ActionState {
  history: History<Doc>;
  selection: readonly string[];
  /** Selected connections, by edge id (`source->target`). */
  edgeSelection: readonly string[];
}

export interface ActionUpdate {
  /** A new document, recorded as one undo step (steps with the same key coalesce). */
  doc?: Doc;
  coalesce?: string;
  /** A whole new history (undo and redo move through it instead of adding a step). */
  history?: History<Doc>;
  selection?: string[];
  edgeSelection?: string[];
  /** Frame the whole design afterwards. */
  fit?: boolean;
}

/** What a shortcut test needs from a keyboard event. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface Action {
  name: string;
  /** Its label, as a key of the designer's catalog. */
  label: DesignerMessageKey;
  /** The shortcut as shown to people, e.g. "Ctrl+Z". */
  shortcut?: string;
  keyTest?: (e: KeyLike) => boolean;
  /** Whether the action can run now (disabled buttons, ignored shortcuts). */
  enabled?: (state: ActionState) => boolean;
  perform(state: ActionState, e?: KeyLike): ActionUpdate | null | Promise<ActionUpdate | null>;
}

export const mod = (e: KeyLike) => e.ctrlKey || e.metaKey;
export const plain = (e: KeyLike) => !e.ctrlKey && !e.metaKey && !e.altKey;
