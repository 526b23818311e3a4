/**
 * The house rules of docs/architecture.md, read off the imports: a feature never reaches into
 * another feature, the framework-free core never imports a framework, and the emulator and
 * the CLI use only the framework-free folders.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const CORE = ["blueprint", "contract", "slo", "i18n"];
const FEATURES = ["designer", "monitor", "projects"];
const SHARED_FOR_FEATURES = [...CORE, "api", "ui"];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Every module specifier a file names: static imports, re-exports and dynamic imports. */
function specifiersOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']/g))
    found.push(m[1]);
  for (const m of source.matchAll(/import\s*\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]);
  for (const m of source.matchAll(/^\s*import\s*["']([^"']+)["']/gm)) found.push(m[1]);
  return found;
}

interface Edge {
  file: string;
  target: string;
}

function edges(dir: string): Edge[] {
  return sourceFiles(dir).flatMap((file) =>
    specifiersOf(readFileSync(join(ROOT, file), "utf8")).map((spec) => ({
      file,
      target: spec.startsWith(".") ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec,
    })),
  );
}

/** `src/designer/submit/x.ts` → `designer`; a package name → null. */
function srcFolder(path: string): string | null {
  const m = /^src\/([^/]+)\//.exec(path);
  return m ? m[1] : null;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

describe("import boundaries", () => {
  it("recognises every kind of import", () => {
    const source = `import a from "./a";\nimport type { B } from "../b";\nexport * from "./c";\nconst D = lazy(() => import("../d/D"));\nimport "./e.css";`;
    expect(specifiersOf(source)).toEqual(["./a", "../b", "./c", "../d/D", "./e.css"]);
  });

  it("a feature imports only itself and blueprint, contract, slo, api and ui", () => {
    const wrong = FEATURES.flatMap((feature) =>
      edges(`src/${feature}`).filter(({ target }) => {
        const folder = srcFolder(target);
        return folder !== null && folder !== feature && !SHARED_FOR_FEATURES.includes(folder);
      }),
    );
    expect(wrong).toEqual([]);
  });

  it("the framework-free core imports neither React, the DOM helpers nor any browser folder", () => {
    const wrong = CORE.flatMap((dir) =>
      edges(`src/${dir}`).filter(({ file, target }) => {
        if (isTest(file)) return false;
        const folder = srcFolder(target);
        if (folder !== null) return !CORE.includes(folder);
        return (
          /^(react|react-dom|@xyflow|@tanstack|zustand)(\/|$)/.test(target) ||
          target.startsWith("emulator/")
        );
      }),
    );
    expect(wrong).toEqual([]);
  });

  it("ui primitives know no domain", () => {
    const wrong = edges("src/ui").filter(
      ({ target }) =>
        srcFolder(target) !== null && srcFolder(target) !== "ui" && srcFolder(target) !== "i18n",
    );
    expect(wrong).toEqual([]);
  });

  it("the emulator and the CLI import only the framework-free core from src", () => {
    const wrong = [...edges("emulator"), ...edges("cli")].filter(({ target }) => {
      const folder = srcFolder(target);
      return (
        (folder !== null && !CORE.includes(folder)) ||
        /^(react|react-dom|@xyflow|@tanstack)(\/|$)/.test(target)
      );
    });
    expect(wrong).toEqual([]);
  });
});

/** A relative import's file: `src/x` → `src/x.ts`, `src/x.tsx` or `src/x/index.ts`. */
function fileOf(target: string): string | undefined {
  return [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`, target].find(
    (f) => /\.(ts|tsx)$/.test(f) && existsSync(join(ROOT, f)),
  );
}

/** Every module a file loads before it runs: its static imports, and theirs. */
function staticClosure(file: string): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const source = readFileSync(join(ROOT, f), "utf8");
    for (const m of source.matchAll(
      /^\s*(?:import|export)\s(?!type\b)[^"';]*?from\s*["']([^"']+)["']/gm,
    )) {
      const spec = m[1];
      if (!spec.startsWith(".")) {
        seen.add(spec);
        continue;
      }
      const target = fileOf(relative(ROOT, resolve(ROOT, dirname(f), spec)));
      if (target) visit(target);
    }
  };
  visit(file);
  return seen;
}

describe("what loads first", () => {
  it("the boot script loads neither React's DOM, the router, the app nor a page", () => {
    const loaded = [...staticClosure("src/boot.ts")];
    expect(loaded).toContain("src/monitor/preload.ts");
    expect(
      loaded.filter((m) =>
        /^(react-dom|react-router|@tanstack|@xyflow|zod)(\/|$)|^src\/(app|designer|projects)\/|Page\.tsx$/.test(
          m,
        ),
      ),
    ).toEqual([]);
  });

  it("the wire schemas and the Monitor name blueprint modules, not the blueprint's index", () => {
    // The index builds the blueprint's schema and loads its rules and the assessment engine.
    const wrong = [...edges("src/contract"), ...edges("src/monitor"), ...edges("src/api")].filter(
      ({ file, target }) => !isTest(file) && target === "src/blueprint",
    );
    expect(wrong).toEqual([]);
    const loaded = staticClosure("src/contract/schemas.ts");
    expect(loaded.has("src/blueprint/schema.ts")).toBe(false);
    expect(loaded.has("src/blueprint/assess.ts")).toBe(false);
  });
});
