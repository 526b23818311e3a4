/**
 * Opening a blueprint in the editor (file chooser, a file dropped on the canvas, pasted JSON):
 * a refused one leaves the design as it was and says why. An accepted one opens as a new
 * draft, as it does from the start screen, and the open design stays in Drafts untouched; only
 * an empty design takes it in place (one undo step, framed before it renders).
 */
import { useReactFlow, useStoreApi } from "@xyflow/react";
import { type RefObject, useCallback } from "react";
import { useNavigate } from "react-router";
import { useT } from "../ui/i18n";
import { autoPlace } from "./arrange";
import { resourcesOf } from "./doc";
import { newDraftId, saveDraft } from "./drafts";
import { fitDesign } from "./fit";
import { designerMessages } from "./i18n";
import { blueprintFromFile, type ImportResult } from "./importBlueprint";
import { prepareDoc, useDesigner } from "./store";

/** Ends the current task: what follows runs in a new one, after the browser has had a turn. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export type Notice = { tone: "error" | "info"; text: string } | null;

export function useImport(
  canvasRef: RefObject<HTMLDivElement | null>,
  setNotice: (n: Notice) => void,
) {
  const t = useT(designerMessages);
  const rf = useReactFlow();
  const flowStore = useStoreApi();
  const navigate = useNavigate();

  const importResult = useCallback(
    async (result: ImportResult) => {
      if (!result.ok) {
        setNotice({ tone: "error", text: t("editor.importRefused", { error: result.error }) });
        return;
      }
      const placed = await autoPlace(result.doc);
      const current = useDesigner.getState();
      const name = typeof placed.nome === "string" ? placed.nome : "blueprint";
      if (resourcesOf(current.history.present).length > 0) {
        const id = newDraftId();
        await saveDraft({
          id,
          doc: placed,
          plano: current.plano,
          linkedProjectId: null,
          createdAt: new Date().toISOString(),
        });
        void navigate(`/designer/${id}`, {
          state: {
            notice: {
              tone: "info",
              text: t("editor.importedNew", { name, count: resourcesOf(placed).length }),
            },
          },
        });
        return;
      }
      // Reading, checking and drawing a big design each take their own task (see prepareDoc).
      await nextTask();
      prepareDoc(placed);
      await nextTask();
      if (!canvasRef.current) return; // the editor closed meanwhile
      // Frame the design before it renders: a big one then opens zoomed out, where nodes are
      // tiles drawn by CSS, instead of first rendering every node's details at the old zoom.
      fitDesign(rf, flowStore, placed);
      const store = useDesigner.getState();
      store.apply(() => placed);
      store.select([]);
      setNotice({
        tone: "info",
        text: t("editor.imported", {
          name: typeof placed.nome === "string" ? placed.nome : "blueprint",
          count: resourcesOf(placed).length,
        }),
      });
    },
    [rf, flowStore, t, canvasRef, setNotice, navigate],
  );

  const importFiles = useCallback(
    async (files: FileList | null) => {
      const file = files?.[0];
      if (!file) return;
      await importResult(await blueprintFromFile(file));
    },
    [importResult],
  );

  return { importResult, importFiles };
}
