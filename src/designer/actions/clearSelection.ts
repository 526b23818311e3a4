import { type Action, plain } from "./types";

export const actionClearSelection: Action = {
  name: "clearSelection",
  label: "action.clearSelection",
  shortcut: "Escape",
  keyTest: (e) => plain(e) && e.key === "Escape",
  enabled: (s) => s.selection.length > 0 || s.edgeSelection.length > 0,
  perform: () => ({ selection: [], edgeSelection: [] }),
};
