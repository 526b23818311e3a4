/**
 * Lighthouse 12 (desktop preset, performance only) on every page of the console as `npm start`
 * serves it: a fresh build behind the real emulator, with an active project for the project
 * and Monitor pages. Budgets: score ≥ 90, total blocking time ≤ 200 ms, layout shift ≤ 0.1.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { build } from "vite";
import { CHROMIUM_ARGS, chromiumPath } from "../e2e/chromium";
import { startEmulator } from "../emulator/testing/process";
import { GLOBAL_SAAS } from "../src/blueprint";
import { createProject } from "./project";
import type { BenchRow, BenchSuite } from "./types";

// Five runs a page: on two cores one run in three or four differs by ten points either way.
const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export default async function run(): Promise<BenchSuite> {
  const dist = mkdtempSync(join(tmpdir(), "tesserra-lighthouse-"));
  await build({
    root: join(import.meta.dirname, ".."),
    logLevel: "warn",
    build: { outDir: dist, emptyOutDir: true },
  });
  const emu = await startEmulator({ clock: 600, env: { CONSOLE_DIST: dist } });
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  const rows: BenchRow[] = [];
  try {
    const id = await createProject(emu.url, GLOBAL_SAAS, { active: true });
    const pages = [
      ["Designer (first screen)", "/designer"],
      ["Projects", "/projects"],
      ["Project", `/projects/${id}`],
      ["Monitor", `/projects/${id}/monitor`],
      ["Settings", "/settings"],
    ] as const;
    for (const [name, path] of pages) {
      const scores: number[] = [];
      const tbt: number[] = [];
      const cls: number[] = [];
      const lcp: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(
          `${emu.url}${path}`,
          { port: chrome.port, onlyCategories: ["performance"], logLevel: "error", output: "json" },
          desktopConfig,
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
        const { categories, audits } = result.lhr;
        scores.push(Math.round((categories.performance.score ?? 0) * 100));
        tbt.push(audits["total-blocking-time"].numericValue ?? Number.NaN);
        cls.push(audits["cumulative-layout-shift"].numericValue ?? Number.NaN);
        lcp.push(audits["largest-contentful-paint"].numericValue ?? Number.NaN);
      }
      const score = median(scores);
      const blocking = median(tbt);
      const shift = median(cls);
      rows.push({
        page: name,
        score,
        tbt_ms: Math.round(blocking),
        cls: Number(shift.toFixed(3)),
        lcp_ms: Math.round(median(lcp)),
        runs: `${RUNS}, scores ${scores.join("/")}`,
        budget: "score ≥ 90, TBT ≤ 200 ms, CLS ≤ 0.1",
        within_budget: score >= 90 && blocking <= 200 && shift <= 0.1,
      });
    }
  } finally {
    chrome.kill();
    await emu.stop();
  }
  return {
    name: "lighthouse",
    description:
      "Lighthouse 12.2.3, desktop preset, performance category, median of 5 runs per page, against the emulator serving a fresh build (precompressed assets).",
    rows,
  };
}
