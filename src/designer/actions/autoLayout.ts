import { layoutAll } from "../arrange";
import type { Action } from "./types";

/** Lays the whole design out again (ELK, in a worker) and frames it. */
export const actionAutoLayout: Action = {
  name: "autoLayout",
  label: "action.autoLayout",
  shortcut: "Shift+L",
  keyTest: (e) => e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey && e.key === "L",
  perform: async (s) => ({ doc: await layoutAll(s.history.present), fit: true }),
};
