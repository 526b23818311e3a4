/**
 * What both designer suites share: the production builds (the console and the bare React Flow
 * page), the benchmark diagram as a file, and opening each page with its nodes drawn.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "@playwright/test";
import { build } from "vite";
import { benchDiagram } from "./diagram";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");

export async function buildConsoleAndBare(
  name: string,
): Promise<{ appDir: string; bareDir: string }> {
  const appDir = mkdtempSync(join(tmpdir(), `tesserra-${name}-bench-app-`));
  const bareDir = mkdtempSync(join(tmpdir(), `tesserra-${name}-bench-bare-`));
  await build({
    root,
    logLevel: "warn",
    build: { outDir: appDir, emptyOutDir: true, manifest: true },
  });
  const { default: react } = await import("@vitejs/plugin-react");
  await build({
    root: here,
    configFile: false,
    logLevel: "warn",
    plugins: [react()],
    build: {
      outDir: bareDir,
      emptyOutDir: true,
      rollupOptions: { input: join(here, "bare.html") },
    },
  });
  return { appDir, bareDir };
}

/** Writes the n-node benchmark diagram as a blueprint file in `dir`; returns its path. */
export function writeDiagramFile(dir: string, n: number): string {
  const { blueprint, positions } = benchDiagram(n);
  const file = join(dir, `bench-${n}.json`);
  writeFileSync(file, JSON.stringify({ ...blueprint, diagrama: { posicoes: positions } }));
  return file;
}

async function settled(page: Page, n: number, timeout: number): Promise<Page> {
  await page
    .locator(".react-flow__node")
    .nth(n - 1)
    .waitFor({ state: "attached", timeout });
  await page.waitForTimeout(1500);
  return page;
}

/** A new blank draft in the console with `file` imported, once its n nodes are drawn. */
export async function openDesignerWith(
  context: BrowserContext,
  url: string,
  file: string,
  n: number,
  timeout: number,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/designer`);
  await page.getByRole("button", { name: "New blank design" }).click();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await (await chooser).setFiles(file);
  return settled(page, n, timeout);
}

/** The bare React Flow page with the same n nodes, once they are drawn. */
export async function openBare(
  context: BrowserContext,
  url: string,
  n: number,
  timeout: number,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/bare.html?n=${n}`);
  return settled(page, n, timeout);
}
