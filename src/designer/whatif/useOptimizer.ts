/**
 * The optimiser's answer for the document being edited, computed in a Web Worker: asked again
 * (debounced) after each edit while someone is looking, the latest answer kept, older ones
 * dropped. The main thread only sends the blueprint and receives the options.
 */
import { useEffect, useState } from "react";
import type { Blueprint, Plano } from "../../blueprint";
import type { Otimizacao } from "../../blueprint/otimizacao";
import type { Doc } from "../doc";

type Reply =
  | { id: number; ok: true; result: Otimizacao }
  | { id: number; ok: false; error: string };

let worker: Worker | undefined;
let seq = 0;
const waiting = new Map<number, (r: Reply) => void>();

function ask(blueprint: Blueprint, plano: Plano): Promise<Reply> {
  if (!worker) {
    worker = new Worker(new URL("./optimize.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (e: MessageEvent<Reply>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
    // A worker that cannot start (or dies) answers every question with its error, once.
    worker.onerror = (e) => {
      e.preventDefault();
      for (const [id, resolve] of waiting) resolve({ id, ok: false, error: e.message || "worker" });
      waiting.clear();
      worker?.terminate();
      worker = undefined;
    };
  }
  const id = ++seq;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker?.postMessage({ id, blueprint, plano });
  });
}

export type OptimizerState =
  | { status: "running"; doc: Doc | null; result: Otimizacao | null }
  | { status: "done"; doc: Doc; result: Otimizacao }
  | { status: "error"; doc: Doc; error: string };

/** Debounce after an edit before searching again. */
const SETTLE_MS = 250;

export function useOptimizer(doc: Doc, plano: Plano, enabled: boolean): OptimizerState {
  const [state, setState] = useState<OptimizerState>({
    status: "running",
    doc: null,
    result: null,
  });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({
      status: "running",
      doc: s.doc,
      result: s.status === "done" ? s.result : s.status === "running" ? s.result : null,
    }));
    const timer = setTimeout(() => {
      void ask(doc as unknown as Blueprint, plano).then((r) => {
        if (!live) return;
        setState(
          r.ok
            ? { status: "done", doc, result: r.result }
            : { status: "error", doc, error: r.error },
        );
      });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [doc, plano, enabled]);
  return state;
}
