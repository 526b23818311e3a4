/** Auto-layout on a Web Worker (loaded on first use, so elkjs is not in the initial bundle). */
import type { ElkNode } from "elkjs/lib/elk-api";
import type { Doc, XY } from "./doc";
import { layoutPlan, positionsFromElk } from "./layoutGraph";

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (n: ElkNode) => void; reject: (e: Error) => void }>();

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (
      e: MessageEvent<{ id: number; ok: boolean; result?: ElkNode; error?: string }>,
    ) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      if (!p) return;
      if (e.data.ok && e.data.result) p.resolve(e.data.result);
      else p.reject(new Error(e.data.error ?? "layout failed"));
    };
  }
  return worker;
}

/** Every resource's position by the layered layout. */
export function layoutDoc(doc: Doc): Promise<Record<string, XY>> {
  const id = nextId++;
  const { graph, offsets } = layoutPlan(doc);
  return new Promise<ElkNode>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    layoutWorker().postMessage({ id, graph });
  }).then((laid) => positionsFromElk(laid, offsets));
}
