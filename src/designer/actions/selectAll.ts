import { nameOf, resourcesOf } from "../doc";
import { type Action, mod } from "./types";

export const actionSelectAll: Action = {
  name: "selectAll",
  label: "action.selectAll",
  shortcut: "Ctrl+A",
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === "a",
  perform: (s) => ({ selection: resourcesOf(s.history.present).map(nameOf).filter(Boolean) }),
};
