/**
 * The blueprint CLI: `validate [--json] [--plano P] FILE...`, `assess [--json] [--plano P]
 * FILE...` and `schema`.
 * Exit codes: 0 no file has an error (warnings allowed), 1 a file has an error,
 * 2 a file cannot be read or is not JSON, or the command line is wrong.
 */
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  type Avaliacao,
  assess,
  blueprintJsonSchema,
  type Finding,
  isPlano,
  MAX_BLUEPRINT_BYTES,
  normalizeBlueprint,
  PLANS,
  type Plano,
  parseBlueprintText,
  validateBlueprint,
} from "../src/blueprint";

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage:
  npm run blueprint -- validate [--json] [--plano ${PLANS.join("|")}] FILE...
  npm run blueprint -- assess [--json] [--plano ${PLANS.join("|")}] FILE...
  npm run blueprint -- schema

validate  checks each blueprint file against the Tesserra contract and its rules.
          Exit 0: no errors (warnings allowed); 1: a file has errors; 2: a file
          cannot be read or is not JSON.
          --json   print one JSON array: [{ arquivo, valido, problemas }]
          --plano  also check the rules of an account plan
assess    estimates each valid blueprint's availability, region and zone loss
          (RTO, RPO), conformance to its resilience policy and monthly cost.
          Exit 0: every file assessed; 1: a file has errors; 2: a file cannot
          be read or is not JSON.
          --json   print one JSON array: [{ arquivo, avaliacao, problemas }]
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

/** The options both file commands take, or the exit code when the command line is wrong. */
function fileArgs(command: string, args: string[], io: CliIO) {
  let parsed: ReturnType<typeof parseFileArgs>;
  try {
    parsed = parseFileArgs(args);
  } catch (e) {
    io.err(`blueprint ${command}: ${(e as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  if (parsed.plano !== undefined && !isPlano(parsed.plano)) {
    io.err(
      `blueprint ${command}: unknown plano "${parsed.plano}"; use one of ${PLANS.join(", ")}.`,
    );
    return 2;
  }
  if (parsed.files.length === 0) {
    io.err(`blueprint ${command}: name at least one blueprint file.`);
    io.err(USAGE);
    return 2;
  }
  return { ...parsed, plano: parsed.plano as Plano | undefined };
}

/**
 * Reads and validates each file in turn, handing each result on; an unreadable file is said on
 * stderr. False when any file could not be read.
 */
function eachValidated(
  files: string[],
  plano: Plano | undefined,
  io: CliIO,
  onResult: (file: string, result: ReturnType<typeof validateBlueprint>) => void,
): boolean {
  let allRead = true;
  for (const file of files) {
    const read = readBlueprintFile(file);
    if (!read.ok) {
      allRead = false;
      io.err(`${file}: ${read.error}.`);
      continue;
    }
    onResult(file, validateBlueprint(read.value, { plano }));
  }
  return allRead;
}

function validateCommand(args: string[], io: CliIO): number {
  const parsed = fileArgs("validate", args, io);
  if (typeof parsed === "number") return parsed;
  const { json, plano, files } = parsed;
  const reports: FileReport[] = [];
  const unreadable = !eachValidated(files, plano, io, (file, result) => {
    reports.push({ arquivo: file, valido: result.valido, problemas: result.problemas });
  });
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

function parseFileArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, plano: { type: "string" } },
  });
  return { json: values.json ?? false, plano: values.plano, files: positionals };
}

export interface AssessReport {
  arquivo: string;
  /** Contract §5; null when the blueprint has errors (listed in `problemas`). */
  avaliacao: Avaliacao | null;
  problemas: Finding[];
}

const seconds = (s: number | null) => (s === null ? "—" : `${s} s`);
const usd = (n: number) => n.toFixed(2);

/** A readable summary of one assessment, for people at a terminal. */
export function formatAssessment(arquivo: string, nome: string, a: Avaliacao): string[] {
  const p = a.politica;
  const mark = (ok: boolean) => (ok ? "meets the policy" : "BELOW the policy");
  const lines = [
    `${arquivo}: ${nome}`,
    `  availability  ${a.disponibilidade_estimada_pct.toFixed(4)} %  (policy ${p.disponibilidade_pct} %: ${mark(a.disponibilidade_estimada_pct >= p.disponibilidade_pct)})`,
    `  worst RTO     ${seconds(a.rto_s)}  (policy ${p.rto_s} s${a.rto_s === null ? "" : `: ${mark(a.rto_s <= p.rto_s)}`})`,
    `  worst RPO     ${seconds(a.rpo_s)}  (policy ${p.rpo_s} s${a.rpo_s === null ? "" : `: ${mark(a.rpo_s <= p.rpo_s)}`})`,
    "  scenario      region           survives  RTO      RPO",
    ...a.cenarios.map(
      (c) =>
        `  ${(c.tipo === "perda-regiao" ? "region loss" : "zone loss").padEnd(13)} ${c.regiao.padEnd(16)} ${(c.sobrevive ? "yes" : "no").padEnd(9)} ${seconds(c.rto_s).padEnd(8)} ${seconds(c.rpo_s)}`,
    ),
    `  monthly cost  USD ${usd(a.custo_mensal_usd.min)} to ${usd(a.custo_mensal_usd.max)}`,
    ...a.custo_mensal_usd.por_regiao.map(
      (r) => `    ${r.regiao.padEnd(16)} ${usd(r.min)} to ${usd(r.max)}`,
    ),
  ];
  for (const f of a.conformidade) lines.push(`  ${f.ponteiro} ${f.codigo} ${f.mensagem}`);
  return lines;
}

function assessCommand(args: string[], io: CliIO): number {
  const parsed = fileArgs("assess", args, io);
  if (typeof parsed === "number") return parsed;
  const { json, plano, files } = parsed;
  const reports: AssessReport[] = [];
  const unreadable = !eachValidated(files, plano, io, (file, result) => {
    const avaliacao =
      result.valido && result.blueprint ? assess(normalizeBlueprint(result.blueprint)) : null;
    reports.push({ arquivo: file, avaliacao, problemas: result.problemas });
    if (json) return;
    if (avaliacao && result.blueprint)
      for (const line of formatAssessment(file, result.blueprint.nome, avaliacao)) io.out(line);
    else io.out(`${file}: not assessed, the blueprint has errors:`);
    for (const f of result.problemas) io.out(formatFinding(file, f));
  });
  if (json) io.out(JSON.stringify(reports, null, 2));
  if (unreadable) return 2;
  return reports.every((r) => r.avaliacao !== null) ? 0 : 1;
}

export function runCli(argv: string[], io: CliIO): number {
  const [command, ...rest] = argv;
  switch (command) {
    case "validate":
      return validateCommand(rest, io);
    case "assess":
      return assessCommand(rest, io);
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
