import { describe, expect, it } from "vitest";
import {
  addResource,
  configOf,
  connect,
  connectionsOf,
  type Doc,
  EMPTY_DOC,
  nameOf,
  positionsOf,
  resourcesOf,
} from "../doc";
import { commit, createHistory } from "../history";
import {
  ACTIONS,
  type ActionState,
  actionClearSelection,
  actionConnectImplied,
  actionCopy,
  actionDeleteSelection,
  actionForKey,
  actionMoveSelection,
  actionPaste,
  actionRedo,
  actionSelectAll,
  actionUndo,
  heldCopy,
  type KeyLike,
} from "./index";

const key = (k: string, m: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...m,
});

function design(): Doc {
  let doc: Doc = structuredClone(EMPTY_DOC);
  doc = addResource(doc, "gateway", { x: 0, y: 0 }).doc;
  doc = addResource(doc, "compute", { x: 320, y: 0 }).doc;
  doc = addResource(doc, "datastore", { x: 640, y: 0 }).doc;
  return connect(doc, "gateway-1", "compute-1");
}

const state = (doc: Doc, selection: string[] = [], edgeSelection: string[] = []): ActionState => ({
  history: createHistory(doc),
  selection,
  edgeSelection,
});

describe("editor actions", () => {
  it("each shortcut finds its action, and no two actions share one", () => {
    expect(actionForKey(key("z", { ctrlKey: true }))).toBe(actionUndo);
    expect(actionForKey(key("z", { metaKey: true, shiftKey: true }))).toBe(actionRedo);
    expect(actionForKey(key("y", { ctrlKey: true }))).toBe(actionRedo);
    expect(actionForKey(key("a", { metaKey: true }))).toBe(actionSelectAll);
    expect(actionForKey(key("Escape"))).toBe(actionClearSelection);
    expect(actionForKey(key("Delete"))).toBe(actionDeleteSelection);
    expect(actionForKey(key("Backspace"))).toBe(actionDeleteSelection);
    expect(actionForKey(key("ArrowLeft", { shiftKey: true }))).toBe(actionMoveSelection);
    expect(actionForKey(key("a"))).toBeUndefined();
    expect(actionForKey(key("Delete", { ctrlKey: true }))).toBeUndefined();
    const names = ACTIONS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const k of ["z", "y", "a", "Escape", "Delete", "ArrowUp", "L"])
      for (const m of [
        {},
        { ctrlKey: true },
        { shiftKey: true },
        { ctrlKey: true, shiftKey: true },
      ])
        expect(ACTIONS.filter((a) => a.keyTest?.(key(k, m))).length).toBeLessThanOrEqual(1);
  });

  it("undo and redo walk the history", () => {
    const a = design();
    const b = { ...a, nome: "b" };
    const history = commit(createHistory(a), b);
    const s = { history, selection: [], edgeSelection: [] };
    expect(actionRedo.enabled?.(s)).toBe(false);
    const undone = actionUndo.perform(s);
    expect(undone && "history" in undone && undone.history?.present).toBe(a);
    expect(actionUndo.perform(state(a))).toBeNull();
  });

  it("select all names every resource; Escape clears nodes and connections", () => {
    expect(actionSelectAll.perform(state(design()))).toEqual({
      selection: ["gateway-1", "compute-1", "datastore-1"],
    });
    const s = state(design(), ["compute-1"], ["gateway-1->compute-1"]);
    expect(actionClearSelection.enabled?.(s)).toBe(true);
    expect(actionClearSelection.perform(s)).toEqual({ selection: [], edgeSelection: [] });
    expect(actionClearSelection.enabled?.(state(design()))).toBe(false);
  });

  it("delete removes the selected resources with their connections, and selected connections", () => {
    const r = actionDeleteSelection.perform(state(design(), ["compute-1"]));
    if (!r || !("doc" in r) || !r.doc) throw new Error("deleted");
    expect(resourcesOf(r.doc).map(nameOf)).toEqual(["gateway-1", "datastore-1"]);
    expect(connectionsOf(resourcesOf(r.doc)[0])).toEqual([]);
    const cut = actionDeleteSelection.perform(state(design(), [], ["gateway-1->compute-1"]));
    if (!cut || !("doc" in cut) || !cut.doc) throw new Error("cut");
    expect(resourcesOf(cut.doc)).toHaveLength(3);
    expect(connectionsOf(resourcesOf(cut.doc)[0])).toEqual([]);
    expect(actionDeleteSelection.perform(state(design()))).toBeNull();
  });

  it("arrow keys move the selection one grid step, Shift ten, as one undo step", () => {
    const doc = design();
    const right = actionMoveSelection.perform(
      state(doc, ["gateway-1", "compute-1"]),
      key("ArrowRight"),
    );
    if (!right || !("doc" in right) || !right.doc) throw new Error("moved");
    expect(positionsOf(right.doc)["gateway-1"]).toEqual({ x: 16, y: 0 });
    expect(positionsOf(right.doc)["compute-1"]).toEqual({ x: 336, y: 0 });
    expect(positionsOf(right.doc)["datastore-1"]).toEqual({ x: 640, y: 0 });
    expect(right.coalesce).toBe("move-by-keyboard");
    const up = actionMoveSelection.perform(
      state(doc, ["datastore-1"]),
      key("ArrowUp", { shiftKey: true }),
    );
    if (!up || !("doc" in up) || !up.doc) throw new Error("moved");
    expect(positionsOf(up.doc)["datastore-1"]).toEqual({ x: 640, y: -160 });
    expect(actionMoveSelection.perform(state(doc), key("ArrowUp"))).toBeNull();
  });

  it("moving a fabric by keyboard carries its members", () => {
    let doc = design();
    doc = addResource(doc, "fabric", { x: 0, y: 300 }).doc;
    const recursos = resourcesOf(doc).map((r) =>
      nameOf(r) === "compute-1" ? { ...r, config: { ...configOf(r), fabric: "fabric-1" } } : r,
    );
    doc = { ...doc, recursos };
    const r = actionMoveSelection.perform(state(doc, ["fabric-1"]), key("ArrowDown"));
    if (!r || !("doc" in r) || !r.doc) throw new Error("moved");
    expect(positionsOf(r.doc)["fabric-1"]).toEqual({ x: 0, y: 316 });
    expect(positionsOf(r.doc)["compute-1"]).toEqual({ x: 320, y: 16 });
  });

  it("make connections explicit writes the implied ones once", () => {
    let doc: Doc = structuredClone(EMPTY_DOC);
    doc = addResource(doc, "gateway", { x: 0, y: 0 }).doc;
    doc = addResource(doc, "compute", { x: 320, y: 0 }).doc;
    const s = state(doc);
    expect(actionConnectImplied.enabled?.(s)).toBe(true);
    const r = actionConnectImplied.perform(s);
    if (!r || !("doc" in r) || !r.doc) throw new Error("connected");
    expect(connectionsOf(resourcesOf(r.doc)[0])).toEqual(["compute-1"]);
    expect(actionConnectImplied.enabled?.(state(r.doc))).toBe(false);
  });

  it("copy holds the selection with its positions; paste adds renamed copies beside them", async () => {
    const doc = design();
    expect(actionCopy.enabled?.(state(doc))).toBe(false);
    await actionCopy.perform(state(doc, ["gateway-1", "compute-1"]));
    expect(JSON.parse(heldCopy()?.text ?? "{}").recursos.map(nameOf)).toEqual([
      "gateway-1",
      "compute-1",
    ]);
    const update = await actionPaste.perform(state(doc));
    const pasted = update?.doc as Doc;
    expect(update?.selection).toEqual(["gateway-2", "compute-2"]);
    expect(resourcesOf(pasted)).toHaveLength(5);
    // The copy's connection follows the rename; the copies sit one step down and right.
    expect(connectionsOf(resourcesOf(pasted)[3])).toEqual(["compute-2"]);
    expect(positionsOf(pasted)["compute-2"]).toEqual({
      x: positionsOf(doc)["compute-1"].x + 48,
      y: positionsOf(doc)["compute-1"].y + 48,
    });
  });
});
