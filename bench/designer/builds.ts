/** Production builds both designer suites measure: the console and the bare React Flow page. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

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
