/**
 * The blueprint CLI: `validate [--json] [--plano P] FILE...` and `schema`.
 * Exit codes: 0 no file has an error (warnings allowed), 1 a file has an error,
 * 2 a file cannot be read or is not JSON, or the command line is wrong.
 */
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  blueprintJsonSchema,
  type Finding,
  isPlano,
  MAX_BLUEPRINT_BYTES,
  PLANS,
  parseBlueprintText,
  validateBlueprint,
} from "../src/blueprint";

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage:
  npm run blueprint -- validate [--json] [--plano ${PLANS.join("|")}] FILE...
  npm run blueprint -- schema

validate  checks each blueprint file against the Tesserra contract and its rules.
          Exit 0: no errors (warnings allowed); 1: a file has errors; 2: a file
          cannot be read or is not JSON.
          --json   print one JSON array: [{ arquivo, valido, problemas }]
          --plano  also check the rules of an account plan
schema    prints the blueprint's JSON Schema (draft 2020-12).`;

export interface FileReport {
  arquivo: string;
  valido: boolean;
  problemas: Finding[];
}

type ReadOutcome = { ok: true; value: unknown } | { ok: false; error: string };

function readBlueprintFile(path: string): ReadOutcome {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, error: "is a directory, not a blueprint file" };
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error: code === "ENOENT" ? "no such file" : `cannot be read (${code ?? e})`,
    };
  }
  // Refused before reading: the limit protects memory as well as the parser.
  if (size > MAX_BLUEPRINT_BYTES)
    return {
      ok: false,
      error: `is ${(size / 1024 / 1024).toFixed(1)} MB; a blueprint is at most 5 MB`,
    };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return { ok: false, error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? e})` };
  }
  const parsed = parseBlueprintText(text);
  if (!parsed.ok) return { ok: false, error: parsed.error.replace(/\.$/, "") };
  return parsed;
}

function formatFinding(file: string, f: Finding): string {
  return `${file}: ${f.ponteiro === "" ? "(document)" : f.ponteiro} ${f.codigo} ${f.severidade} ${f.mensagem}`;
}

function validateCommand(args: string[], io: CliIO): number {
  let parsed: ReturnType<typeof parseValidateArgs>;
  try {
    parsed = parseValidateArgs(args);
  } catch (e) {
    io.err(`blueprint validate: ${(e as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  const { json, plano, files } = parsed;
  if (plano !== undefined && !isPlano(plano)) {
    io.err(`blueprint validate: unknown plano "${plano}"; use one of ${PLANS.join(", ")}.`);
    return 2;
  }
  if (files.length === 0) {
    io.err("blueprint validate: name at least one blueprint file.");
    io.err(USAGE);
    return 2;
  }
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of files) {
    const read = readBlueprintFile(file);
    if (!read.ok) {
      unreadable = true;
      io.err(`${file}: ${read.error}.`);
      continue;
    }
    const result = validateBlueprint(read.value, { plano: plano as never });
    reports.push({ arquivo: file, valido: result.valido, problemas: result.problemas });
  }
  if (json) io.out(JSON.stringify(reports, null, 2));
  else {
    for (const r of reports) {
      if (r.problemas.length === 0) io.out(`${r.arquivo}: ok`);
      for (const f of r.problemas) io.out(formatFinding(r.arquivo, f));
    }
    const errors = reports.reduce(
      (n, r) => n + r.problemas.filter((f) => f.severidade === "erro").length,
      0,
    );
    const warnings = reports.reduce(
      (n, r) => n + r.problemas.filter((f) => f.severidade === "aviso").length,
      0,
    );
    const invalid = reports.filter((r) => !r.valido).length;
    io.out(
      `${files.length} file${files.length === 1 ? "" : "s"} checked: ${reports.length - invalid} valid, ${invalid} with errors${
        unreadable ? `, ${files.length - reports.length} unreadable` : ""
      } (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}).`,
    );
  }
  if (unreadable) return 2;
  return reports.every((r) => r.valido) ? 0 : 1;
}

function parseValidateArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, plano: { type: "string" } },
  });
  return { json: values.json ?? false, plano: values.plano, files: positionals };
}

export function runCli(argv: string[], io: CliIO): number {
  const [command, ...rest] = argv;
  switch (command) {
    case "validate":
      return validateCommand(rest, io);
    case "schema":
      io.out(JSON.stringify(blueprintJsonSchema(), null, 2));
      return 0;
    case "help":
    case "--help":
    case "-h":
      io.out(USAGE);
      return 0;
    default:
      io.err(command ? `blueprint: unknown command "${command}".` : "blueprint: name a command.");
      io.err(USAGE);
      return 2;
  }
}
