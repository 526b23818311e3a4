/**
 * Keeps the open draft durable and in step with other tabs.
 *
 * - Edits are saved 250 ms after the last one (a drag or a typed name is one write, not fifty).
 * - When the page hides (reload, tab closed, app switched) the unsaved edit is written
 *   synchronously to a write-ahead record in localStorage; an IndexedDB write started there may
 *   not finish. Opening the draft again reconciles the record. We chose this over writing every
 *   edit before the next frame: it costs nothing per keystroke, and `pagehide` and
 *   `visibilitychange` fire on every way a page goes away that leaves a chance to run code.
 * - Each save names the revision it started from. When another tab saved first, its revision is
 *   merged in field by field (see merge.ts) and the save is tried again; when another tab
 *   announces a save, this tab takes it in the same way, so both show the same design.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { Doc } from "./doc";
import {
  clearOwnAhead,
  onDraftSaved,
  onStorageProblem,
  readStoredDraft,
  type StoredDraft,
  saveDraft,
  storageProblem,
  writeAhead,
} from "./drafts";
import { equalJson, mergeDocs } from "./merge";
import { useDesigner, useDoc } from "./store";

export const SAVE_DELAY_MS = 250;

export type SaveState = "saved" | "saving" | "failed" | "read-only";

interface Base {
  revision: number;
  doc: Doc;
  plano: StoredDraft["plano"];
  linkedProjectId: string | null;
}

export function useStorageProblem(): string | null {
  return useSyncExternalStore(onStorageProblem, storageProblem);
}

export function useDraftPersistence(
  draft: StoredDraft,
  options: { readOnly: boolean; onMerged: () => void },
): SaveState {
  const doc = useDoc();
  const plano = useDesigner((s) => s.plano);
  const linkedProjectId = useDesigner((s) => s.linkedProjectId);
  const base = useRef<Base>({
    revision: draft.revision,
    doc: draft.doc,
    plano: draft.plano,
    linkedProjectId: draft.linkedProjectId,
  });
  const [savedDoc, setSavedDoc] = useState<Doc>(draft.doc);
  const savedViewport = useRef(useDesigner.getState().viewport);
  const [failed, setFailed] = useState(false);
  const busy = useRef(false);
  const again = useRef(false);
  const { readOnly, onMerged } = options;
  const onMergedRef = useRef(onMerged);
  onMergedRef.current = onMerged;

  /** Takes in another tab's save: theirs where we have not changed a field, ours where we have. */
  const takeIn = useCallback((theirs: StoredDraft) => {
    const s = useDesigner.getState();
    const ours = s.history.present;
    const was = base.current;
    const editing = ours !== was.doc || s.plano !== was.plano;
    const merged = ours === was.doc ? theirs.doc : mergeDocs(was.doc, ours, theirs.doc);
    // The same content (another tab only moved its view): keep our objects, so nothing
    // re-renders and no empty undo step appears.
    const doc = equalJson(merged, ours) ? ours : merged;
    base.current = {
      revision: theirs.revision,
      doc: theirs.doc,
      plano: theirs.plano,
      linkedProjectId: theirs.linkedProjectId,
    };
    s.adopt(
      doc,
      s.plano === was.plano ? theirs.plano : s.plano,
      s.linkedProjectId === was.linkedProjectId ? theirs.linkedProjectId : s.linkedProjectId,
    );
    if (doc === ours && equalJson(theirs.doc, ours)) base.current.doc = ours;
    setSavedDoc(base.current.doc);
    if (editing && doc !== ours) onMergedRef.current();
  }, []);

  const save = useCallback(async () => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        const s = useDesigner.getState();
        const current = s.history.present;
        const result = await saveDraft(
          {
            id: draft.id,
            doc: current,
            plano: s.plano,
            linkedProjectId: s.linkedProjectId,
            viewport: s.viewport,
            createdAt: draft.createdAt,
          },
          base.current.revision,
        );
        if ("saved" in result) {
          base.current = {
            revision: result.saved.revision,
            doc: current,
            plano: s.plano,
            linkedProjectId: s.linkedProjectId,
          };
          setSavedDoc(current);
          savedViewport.current = s.viewport;
          setFailed(false);
          clearOwnAhead(draft.id);
          break;
        }
        takeIn(result.conflict);
      }
    } catch {
      setFailed(true);
    } finally {
      busy.current = false;
      if (again.current) {
        again.current = false;
        void save();
      }
    }
  }, [draft.id, draft.createdAt, takeIn]);

  // Debounced save after each change of what a draft keeps. The view is watched outside
  // React: it changes on every step of a pan or an auto-pan while dragging, and re-rendering
  // the editor for each would cost a frame's budget.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [save]);
  useEffect(() => {
    if (readOnly) return;
    const b = base.current;
    const same = doc === b.doc && plano === b.plano && linkedProjectId === b.linkedProjectId;
    if (same && useDesigner.getState().viewport === savedViewport.current) return;
    schedule();
    return () => clearTimeout(timer.current);
  }, [doc, plano, linkedProjectId, readOnly, schedule]);
  useEffect(() => {
    if (readOnly) return;
    const stop = useDesigner.subscribe((s, prev) => {
      if (s.viewport !== prev.viewport && s.viewport !== savedViewport.current) schedule();
    });
    return () => {
      stop();
      clearTimeout(timer.current);
    };
  }, [readOnly, schedule]);

  // Going away: write what is not saved yet, synchronously, then try the real save too.
  useEffect(() => {
    if (readOnly) return;
    const flush = () => {
      const s = useDesigner.getState();
      const b = base.current;
      if (
        s.history.present === b.doc &&
        s.plano === b.plano &&
        s.linkedProjectId === b.linkedProjectId
      )
        return;
      writeAhead({
        id: draft.id,
        baseRevision: b.revision,
        baseDoc: b.doc,
        doc: s.history.present,
        plano: s.plano,
        linkedProjectId: s.linkedProjectId,
        viewport: s.viewport,
      });
      void save();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
      // Leaving the editor inside the app: the save can finish, the record covers it if not.
      flush();
    };
  }, [draft.id, readOnly, save]);

  // Another tab saved this draft: take its revision in.
  useEffect(
    () =>
      onDraftSaved(draft.id, (revision) => {
        if (revision <= base.current.revision) return;
        void readStoredDraft(draft.id).then((read) => {
          if (read?.ok && !read.readOnly && read.draft.revision > base.current.revision)
            takeIn(read.draft);
        });
      }),
    [draft.id, takeIn],
  );

  if (readOnly) return "read-only";
  if (failed) return "failed";
  return savedDoc === doc ? "saved" : "saving";
}
