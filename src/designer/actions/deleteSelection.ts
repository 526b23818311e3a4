import { deleteResources, disconnect } from "../doc";
import { type Action, plain } from "./types";

/** Removes the selected resources (and every connection to them) and the selected connections. */
export const actionDeleteSelection: Action = {
  name: "deleteSelection",
  label: "action.delete",
  shortcut: "Delete",
  keyTest: (e) => plain(e) && (e.key === "Delete" || e.key === "Backspace"),
  enabled: (s) => s.selection.length > 0 || s.edgeSelection.length > 0,
  perform: (s) => {
    let doc = s.history.present;
    for (const id of s.edgeSelection) {
      const [source, target] = id.split("->");
      if (source && target) doc = disconnect(doc, source, target);
    }
    if (s.selection.length > 0) doc = deleteResources(doc, new Set(s.selection));
    return doc === s.history.present ? null : { doc, selection: [], edgeSelection: [] };
  },
};
