/**
 * Opening a blueprint in the editor (file chooser, a file dropped on the canvas, pasted JSON):
 * a refused one leaves the design as it was and says why; an accepted one replaces it as one
 * undo step, framed before it renders.
 */
import { getViewportForBounds, useReactFlow } from "@xyflow/react";
import { type RefObject, useCallback } from "react";
import { useT } from "../ui/i18n";
import { autoPlace } from "./arrange";
import { positionsOf, resourcesOf } from "./doc";
import { NODE_H, NODE_W } from "./flow";
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

  const importResult = useCallback(
    async (result: ImportResult) => {
      if (!result.ok) {
        setNotice({ tone: "error", text: t("editor.importRefused", { error: result.error }) });
        return;
      }
      const placed = await autoPlace(result.doc);
      // Reading, checking and drawing a big design each take their own task (see prepareDoc).
      await nextTask();
      prepareDoc(placed);
      await nextTask();
      if (!canvasRef.current) return; // the editor closed meanwhile
      // Frame the design before it renders: a big one then opens zoomed out, where nodes are
      // tiles drawn by CSS, instead of first rendering every node's details at the old zoom.
      const box = canvasRef.current;
      const points = Object.values(positionsOf(placed));
      if (box && points.length > 0) {
        const x = Math.min(...points.map((p) => p.x));
        const y = Math.min(...points.map((p) => p.y));
        const bounds = {
          x,
          y,
          width: Math.max(...points.map((p) => p.x)) + NODE_W - x,
          height: Math.max(...points.map((p) => p.y)) + NODE_H - y,
        };
        void rf.setViewport(
          getViewportForBounds(bounds, box.clientWidth, box.clientHeight, 0.05, 1, 0.2),
        );
      }
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
    [rf, t, canvasRef, setNotice],
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
