import { redo } from "../history";
import { type Action, mod } from "./types";

export const actionRedo: Action = {
  name: "redo",
  label: "action.redo",
  shortcut: "Shift+Ctrl+Z",
  keyTest: (e) =>
    mod(e) && ((e.shiftKey && e.key.toLowerCase() === "z") || e.key.toLowerCase() === "y"),
  enabled: (s) => s.history.future.length > 0,
  perform: (s) => {
    const history = redo(s.history);
    return history === s.history ? null : { history };
  },
};
