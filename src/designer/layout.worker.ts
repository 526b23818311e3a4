/// <reference lib="webworker" />
/** Runs ELK off the main thread: a large layout never blocks the editor. */
import ELK from "elkjs/lib/elk.bundled.js";
import type { ElkNode } from "elkjs/lib/elk-api";

const elk = new ELK();

self.onmessage = async (e: MessageEvent<{ id: number; graph: ElkNode }>) => {
  const { id, graph } = e.data;
  try {
    const result = await elk.layout(graph);
    self.postMessage({ id, ok: true, result });
  } catch (err) {
    self.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
