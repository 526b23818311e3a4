import { positionsOf, type XY } from "../doc";
import { commitMoves } from "../moves";
import { type Action, type KeyLike, plain } from "./types";

/** One grid step of the canvas (its snap grid). Shift moves ten. */
export const GRID = 16;

const DIRECTIONS: Record<string, XY> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/** Arrow keys move the selected resources by a grid step (Shift: ten); a held key is one undo step. */
export const actionMoveSelection: Action = {
  name: "moveSelection",
  label: "action.move",
  shortcut: "Arrow keys (Shift: ×10)",
  keyTest: (e) => plain(e) && e.key in DIRECTIONS,
  enabled: (s) => s.selection.length > 0,
  perform: (s, e?: KeyLike) => {
    const d = e && DIRECTIONS[e.key];
    if (!d || s.selection.length === 0) return null;
    const step = GRID * (e.shiftKey ? 10 : 1);
    const positions = positionsOf(s.history.present);
    const moved: Record<string, XY> = {};
    for (const nome of s.selection) {
      const p = positions[nome];
      if (p) moved[nome] = { x: p.x + d.x * step, y: p.y + d.y * step };
    }
    if (Object.keys(moved).length === 0) return null;
    return { doc: commitMoves(s.history.present, moved), coalesce: "move-by-keyboard" };
  },
};
