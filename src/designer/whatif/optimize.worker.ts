/// <reference lib="webworker" />
/** Runs the optimiser (contract §8) off the main thread: typing never waits for a search. */
import type { Blueprint, Plano } from "../../blueprint";
import { optimize } from "../../blueprint/optimize";

self.onmessage = (e: MessageEvent<{ id: number; blueprint: Blueprint; plano: Plano }>) => {
  const { id, blueprint, plano } = e.data;
  try {
    self.postMessage({ id, ok: true, result: optimize(blueprint, { plano }) });
  } catch (err) {
    self.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
