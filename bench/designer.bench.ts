/**
 * Designer budgets (issue 3), in headless Chromium:
 * - dragging a node in a 300-node diagram: ≥ 55 fps, p95 frame ≤ 20 ms; 1,000 nodes: ≥ 50 fps,
 *   p95 ≤ 33 ms; and within 1.3× of a bare React Flow page with the same nodes. Pointer events
 *   are dispatched in the page once per animation frame and frame times recorded.
 * - initial JavaScript of the Designer route ≤ 250 KB gzip (from the production build).
 * - two tabs on one draft: a rename in one shows in the other within a second.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { type Browser, chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../e2e/chromium";
import { startEmulator } from "../emulator/testing/process";
import {
  buildConsoleAndBare,
  openBare,
  openDesignerWith,
  writeDiagramFile,
} from "./designer/harness";
import { serveDir } from "./serve";
import type { BenchRow, BenchSuite } from "./types";

const here = dirname(fileURLToPath(import.meta.url));
const _root = join(here, "..");
const FRAMES = 180;

interface ManifestChunk {
  file: string;
  src?: string;
  imports?: string[];
  isEntry?: boolean;
}

/** JS the browser must load before the Designer route renders: entry + route chunk + their static imports. */
function designerInitialJs(outDir: string): { files: string[]; gzipBytes: number } {
  const manifest = JSON.parse(
    readFileSync(join(outDir, ".vite", "manifest.json"), "utf8"),
  ) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit("index.html");
  visit("src/designer/DesignerPage.tsx");
  const gzipBytes = [...files]
    .filter((f) => f.endsWith(".js"))
    .reduce((a, f) => a + gzipSync(readFileSync(join(outDir, f))).length, 0);
  return { files: [...files], gzipBytes };
}

/**
 * Drags a node by dispatching mouse events once per frame; returns the frame times. The node
 * goes round a circle of 80 px that starts at its centre and lies towards the middle of the
 * canvas, so the pointer never comes within React Flow's auto-pan margin (40 px) of the pane's
 * edge: auto-pan moves and repaints the whole view, on any page, and the canvases differ in size.
 * Throws if the view moved anyway. Successive drags of a page go round in opposite directions:
 * React Flow starts a drag a few pixels after the first move, so each circle leaves the node
 * slightly off its start, and alternating keeps a node that is dragged again and again where it
 * was.
 */
const turns = new WeakMap<Page, number>();
export async function dragFrames(page: Page, nodeId: string, frames = FRAMES): Promise<number[]> {
  const turn = (turns.get(page) ?? 0) + 1;
  turns.set(page, turn);
  return page.evaluate(
    async ({ nodeId, frames, dirY }) => {
      const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${nodeId}"]`);
      const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
      const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
      if (!el || !pane || !viewport) throw new Error(`no node ${nodeId}`);
      const r = el.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const R = 80;
      const margin = 40 + 20;
      const dirX = cx < pane.left + pane.width / 2 ? 1 : -1;
      if (cy - R < pane.top + margin || cy + R > pane.bottom - margin)
        throw new Error(
          `node ${nodeId} (centre ${cy}) is too near the canvas edge (${pane.top}–${pane.bottom}) to drag round`,
        );
      const before = viewport.style.transform;
      let x = cx;
      let y = cy;
      const fire = (type: string) =>
        el.dispatchEvent(
          new MouseEvent(type, {
            bubbles: true,
            cancelable: true,
            clientX: x,
            clientY: y,
            button: 0,
            buttons: type === "mouseup" ? 0 : 1,
            view: window,
          }),
        );
      const frame = () => new Promise<number>((res) => requestAnimationFrame(res));
      fire("mousedown");
      let last = await frame();
      const times: number[] = [];
      for (let i = 0; i < frames; i++) {
        // Whole circles of 90 frames (fewer frames: one circle): the node ends where it began.
        const t = ((i + 1) * 2 * Math.PI) / Math.min(90, frames);
        x = cx + dirX * R * (1 - Math.cos(t));
        y = cy + dirY * R * Math.sin(t);
        fire("mousemove");
        const now = await frame();
        times.push(now - last);
        last = now;
      }
      fire("mouseup");
      if (viewport.style.transform !== before)
        throw new Error(
          `the view panned during the drag (${before} → ${viewport.style.transform})`,
        );
      return times;
    },
    { nodeId, frames, dirY: turn % 2 === 0 ? -1 : 1 },
  );
}

function stats(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)];
  return { fps: 1000 / median, median, p95: s[Math.floor(s.length * 0.95)] };
}

/**
 * Two tabs on one draft: from a rename typed in tab A to tab B's title showing it, without a
 * reload (the drafts journey checks that it happens; this says how fast). Both tabs read
 * Date.now() on one machine, so the two clocks are the same clock.
 */
async function crossTabSync(browser: Browser, url: string): Promise<BenchRow> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const a = await context.newPage();
    await a.goto(`${url}/designer`);
    await a.getByRole("button", { name: "New from template: Global SaaS" }).click();
    await a.waitForURL(/\/designer\/d_/);
    const saved = (p: Page) =>
      p.getByRole("status", { name: "Draft status" }).getByText("Draft saved").waitFor();
    await saved(a);
    const b = await context.newPage();
    await b.goto(a.url());
    await saved(b);
    await a.evaluate(() =>
      document.addEventListener(
        "input",
        () => {
          (window as unknown as { typedAt: number }).typedAt = Date.now();
        },
        true,
      ),
    );
    const name = a.getByRole("form", { name: "Blueprint settings" }).getByLabel("Name");
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const wanted = `Renamed ${i}`;
      const seen = b.waitForFunction(
        (w) => (document.querySelector("h1")?.textContent === w ? Date.now() : false),
        wanted,
        { polling: 5, timeout: 30_000 },
      );
      await name.fill(wanted);
      const seenAt = (await (await seen).jsonValue()) as number;
      const typedAt = await a.evaluate(() => (window as unknown as { typedAt: number }).typedAt);
      times.push(seenAt - typedAt);
      await saved(a);
    }
    const sorted = [...times].sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)];
    return {
      measure: "Two tabs on one draft: rename in A → B's title shows it",
      value_ms: median,
      p95_ms: sorted[sorted.length - 1],
      detail: `median and slowest of ${times.length} renames: ${times.join("/")} ms`,
      budget: "≤ 1,000 ms",
      within_budget: median <= 1_000,
    };
  } finally {
    await context.close();
  }
}

export default async function run(): Promise<BenchSuite> {
  const rows: BenchRow[] = [];
  const { appDir, bareDir } = await buildConsoleAndBare("designer");

  const js = designerInitialJs(appDir);
  rows.push({
    measure: "Designer route initial JS (gzip)",
    value: `${(js.gzipBytes / 1024).toFixed(1)} KB`,
    detail: `${js.files.filter((f) => f.endsWith(".js")).length} chunks; CodeMirror and elkjs load later`,
    budget: "≤ 250 KB",
    within_budget: js.gzipBytes <= 250 * 1024,
  });

  const emu = await startEmulator({ clock: 60, env: { CONSOLE_DIST: appDir } });
  const bare = await serveDir(bareDir, "bare.html");
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
  });
  // tsx keeps function names with a `__name` helper that page.evaluate'd code lacks.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript("window.__name = (f) => f;");
  try {
    for (const [n, minFps, maxP95] of [
      [300, 55, 20],
      [1000, 50, 33],
    ] as const) {
      const file = writeDiagramFile(appDir, n);
      const page = await openDesignerWith(context, emu.url, file, n, 60_000);
      await dragFrames(page, "r0"); // warm-up
      const designer = stats(await dragFrames(page, "r0"));
      await page.close();

      const basePage = await openBare(context, bare.url, n, 60_000);
      await dragFrames(basePage, "r0");
      const baseline = stats(await dragFrames(basePage, "r0"));
      await basePage.close();

      const ratio = designer.median / baseline.median;
      rows.push({
        measure: `Drag a node, ${n} nodes: designer`,
        value: `${designer.fps.toFixed(1)} fps`,
        detail: `median ${designer.median.toFixed(1)} ms, p95 ${designer.p95.toFixed(1)} ms`,
        budget: `≥ ${minFps} fps, p95 ≤ ${maxP95} ms (±0.5 vsync)`,
        // Frame times are vsync-quantised (multiples of 16.67 ms at 60 Hz): "33 ms" is two
        // frames, which measure 33.3–33.4 ms; half a millisecond of tolerance says so.
        within_budget: designer.fps >= minFps && designer.p95 <= maxP95 + 0.5,
      });
      rows.push({
        measure: `Drag a node, ${n} nodes: bare React Flow`,
        value: `${baseline.fps.toFixed(1)} fps`,
        detail: `median ${baseline.median.toFixed(1)} ms, p95 ${baseline.p95.toFixed(1)} ms; designer/bare ${ratio.toFixed(2)}×`,
        budget: "designer ≤ 1.3× bare",
        within_budget: ratio <= 1.3,
      });
    }
    rows.push(await crossTabSync(browser, emu.url));
  } finally {
    await browser.close();
    bare.server.close();
    await emu.stop();
  }
  return {
    name: "designer",
    description:
      "Designer in headless Chromium (software rendering, 2 cores): node drag frame times against a bare React Flow page with the same nodes, and the Designer route's initial JS.",
    rows,
  };
}
