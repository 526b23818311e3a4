/**
 * Bench page: renders the Monitor's chart grid from series already in memory, the way the
 * Monitor does once its queries have answered. `window.renderCharts()` returns the time from
 * starting to build the charts until every chart has painted.
 */
import "../../src/index.css";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import type { Metricas } from "../../src/contract/monitoring";
import { translator } from "../../src/i18n";
import { buildCharts } from "../../src/monitor/charts";
import { monitorMessages } from "../../src/monitor/i18n";
import { MonitorCharts } from "../../src/monitor/MonitorCharts";

const benchT = translator(monitorMessages, "en");

declare global {
  interface Window {
    renderCharts: () => Promise<{ ms: number; points: number; charts: number }>;
  }
}

const params = new URLSearchParams(location.search);
// `?lote=<url>&regions=a,b`: the new baseline, which does the Monitor's network work: one
// `lote` request to the emulator for every series, then the same chart grid. React, uPlot and
// the charts only: no router, no query cache, no schemas, no other panel.
const lote = params.get("lote");
// `?auto=<file>`: the series to draw at once on load (default data.json, for renderCharts).
const auto = lote === null ? params.get("auto") : "";
const payload: { regions: string[]; series: [string, Metricas][] } =
  lote !== null
    ? {
        regions: (params.get("regions") ?? "").split(","),
        series: (
          (await (
            await fetch(lote, {
              headers: { Authorization: `Bearer ${params.get("token") ?? "dev"}` },
            })
          ).json()) as { series: Metricas[] }
        ).series.map((m) => [`${m.serie}@${m.regiao}`, m]),
      }
    : ((await (await fetch(`./${auto || "data.json"}`)).json()) as {
        regions: string[];
        series: [string, Metricas][];
      });
const data = new Map(payload.series);
const container = document.getElementById("root") as HTMLElement;
let root: Root | undefined;

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

// With `?auto`, draw at once on load, as the Monitor would with every answer already in hand;
// the bench times navigation → all charts drawn here as the Monitor page's baseline.
if (auto !== null) {
  const charts = buildCharts(data, payload.regions, { objetivo: 99.95, limiarMs: 300 }, benchT);
  createRoot(container).render(<MonitorCharts charts={charts} />);
}

window.renderCharts = async () => {
  root?.unmount();
  root = createRoot(container);
  await frame();
  const t0 = performance.now();
  const charts = buildCharts(data, payload.regions, { objetivo: 99.95, limiarMs: 300 }, benchT);
  flushSync(() => root?.render(<MonitorCharts charts={charts} />));
  // Plots are created one per task; wait until every chart has its canvas, then a frame.
  while (container.querySelectorAll(".uplot").length < charts.length)
    await new Promise((r) => setTimeout(r, 0));
  await frame();
  const ms = performance.now() - t0;
  const points = charts.reduce((a, c) => a + c.xs.length * c.series.length, 0);
  return { ms, points, charts: charts.length };
};
