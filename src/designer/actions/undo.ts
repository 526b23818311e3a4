import { undo } from "../history";
import { type Action, mod } from "./types";

export const actionUndo: Action = {
  name: "undo",
  label: "action.undo",
  shortcut: "Ctrl+Z",
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === "z",
  enabled: (s) => s.history.past.length > 0,
  perform: (s) => {
    const history = undo(s.history);
    return history === s.history ? null : { history };
  },
};
