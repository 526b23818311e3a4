/// <reference types="vitest/config" />
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { parse as parseMessage } from "@formatjs/icu-messageformat-parser";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { isPlainMessage } from "./src/i18n/plain.ts";
import { worldLandPath } from "./src/ui/worldLand.ts";

/** `virtual:world-land`: the map's land outline, drawn once here rather than in every browser. */
function worldLand(): Plugin {
  const id = "virtual:world-land";
  return {
    name: "tesserra-world-land",
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      resolved === `\0${id}`
        ? `export const landPath = ${JSON.stringify(worldLandPath())};`
        : undefined,
  };
}

/**
 * Writes `.br` and `.gz` beside every compressible file of the build, once, at maximum
 * compression, so the emulator serves them as they are instead of compressing per request.
 */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "tesserra-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|mjs|css|html|json|svg|txt|map)$/.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * `src/boot.ts` (which starts the Monitor's requests) as an entry of its own, loaded by a script
 * tag ahead of the app's bundle: it is a few kilobytes, so it runs while the app's bundle is
 * still arriving and compiling, instead of after it. The app imports it too (for the dev
 * server); a module runs once, so it starts nothing twice.
 */
function bootFirst(): Plugin {
  return {
    name: "tesserra-boot-first",
    apply: "build",
    config: (user) => {
      const root = resolve(user.root ?? process.cwd());
      const input = { index: join(root, "index.html"), boot: join(root, "src/boot.ts") };
      return { build: { rollupOptions: { input } } };
    },
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === "chunk" && c.isEntry && c.name === "boot",
        );
        if (boot?.type !== "chunk") throw new Error("The build has no boot entry.");
        // Its imports, and theirs, are asked for at once rather than one level at a time.
        const files = new Set<string>();
        const visit = (file: string) => {
          const chunk = ctx.bundle?.[file];
          if (files.has(file) || chunk?.type !== "chunk") return;
          files.add(file);
          chunk.imports.forEach(visit);
        };
        boot.imports.forEach(visit);
        // Vite preloads the app entry's imports as well: those already named first go.
        const first = new Set([...files, boot.fileName].map((file) => `/${file}`));
        const rest = html.replace(
          /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g,
          (link, href: string) => (first.has(href) ? "" : link),
        );
        const tags = [
          ...[...files].map((file) => ({
            tag: "link",
            attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` },
            injectTo: "head-prepend" as const,
          })),
          {
            tag: "script",
            attrs: { type: "module", crossorigin: true, src: `/${boot.fileName}` },
            injectTo: "head-prepend" as const,
          },
        ];
        return { html: rest, tags };
      },
    },
  };
}

/**
 * Message catalogs (`…/messages/<locale>.json`) reach the browser already parsed, so the
 * production bundle carries FormatJS's formatter without its ICU parser (about 7 KB gzip).
 * A message that does not parse fails the build.
 */
function precompileMessages(): Plugin {
  return {
    name: "tesserra-precompile-messages",
    apply: "build",
    enforce: "pre",
    transform(code, id) {
      if (!/\/messages\/[\w-]+\.json$/.test(id)) return;
      const messages = JSON.parse(code) as Record<string, string>;
      // Plain text stays a string (the formatter returns it as is); ICU messages ship parsed.
      const parsed = Object.fromEntries(
        Object.entries(messages).map(([key, message]) => [
          key,
          isPlainMessage(message) ? message : parseMessage(message, { ignoreTag: true }),
        ]),
      );
      return { code: JSON.stringify(parsed), map: null };
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [react(), tailwindcss(), worldLand(), bootFirst(), precompress(), precompileMessages()],
  resolve:
    command === "build"
      ? {
          alias: [
            {
              // The package's main entry is its development build (dev-only warnings and
              // checks); its production build is the same API without them.
              find: /^react-router$/,
              replacement: join(
                dirname(createRequire(import.meta.url).resolve("react-router/package.json")),
                "dist/production/index.mjs",
              ),
            },
            {
              find: /^@formatjs\/icu-messageformat-parser$/,
              replacement: "@formatjs/icu-messageformat-parser/no-parser.js",
            },
          ],
        }
      : undefined,
  server: {
    port: 5173,
    // In dev, the console talks to the emulator on its default port.
    proxy: { "/v1": "http://127.0.0.1:4400" },
  },
  build: { sourcemap: false, chunkSizeWarningLimit: 1500 },
  // Workers bundle on their own: the optimiser's worker formats the blueprint's messages too.
  worker: { format: "es", plugins: () => [precompileMessages()] },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "emulator/**/*.test.ts", "cli/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
}));
