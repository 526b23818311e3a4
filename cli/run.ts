/**
 * The blueprint CLI: `validate [--json] [--plano P] FILE...`, `assess [--json] [--plano P]
 * FILE...`, `runbook [--json] FILE...`, `optimize [--json] [--plano P] FILE...` and `schema`.
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
  type NormalizedBlueprint,
  normalizeBlueprint,
  PLANS,
  type Plano,
  parseBlueprintText,
  validateBlueprint,
} from "../src/blueprint";
import { describeChanges } from "../src/blueprint/describeChanges";
import { OBJETIVOS, type Otimizacao, optimize } from "../src/blueprint/optimize";
import { runbookMarkdown } from "../src/blueprint/runbook/markdown";
import { buildRunbook, type Runbook } from "../src/blueprint/runbook/runbook";
import { type Locale, type Translate, translator } from "../src/i18n";
import { formatFixed, formatNumber } from "../src/i18n/format";
import {
  dnsLabel,
  EXPORT_FORMATS,
  type ExportFormat,
  sloExportYaml,
  slosOfBlueprint,
} from "../src/slo/export";
import { cliLocale, cliMessages } from "./i18n";

type CliT = Translate<keyof typeof cliMessages.en>;

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage:
  npm run blueprint -- validate [--json] [--plano ${PLANS.join("|")}] [--lang en|pt-BR] FILE...
  npm run blueprint -- assess [--json] [--plano ${PLANS.join("|")}] [--lang en|pt-BR] FILE...
  npm run blueprint -- runbook [--json] [--lang en|pt-BR] FILE...
  npm run blueprint -- optimize [--json] [--plano ${PLANS.join("|")}] [--lang en|pt-BR] FILE...
  npm run blueprint -- slo-export [--format prometheus|openslo] [--projeto ID] FILE
  npm run blueprint -- schema

validate  checks each blueprint file against the Tesserra contract and its rules.
          Exit 0: no errors (warnings allowed); 1: a file has errors; 2: a file
          cannot be read or is not JSON.
          --json   print one JSON array: [{ arquivo, valido, problemas }]
          --plano  also check the rules of an account plan
          --lang   the language of the messages (en, pt-BR); by default the
                   one of LC_ALL, LC_MESSAGES or LANG
assess    estimates each valid blueprint's availability, region and zone loss
          (RTO, RPO), conformance to its resilience policy and monthly cost.
          Exit 0: every file assessed; 1: a file has errors; 2: a file cannot
          be read or is not JSON.
          --json   print one JSON array: [{ arquivo, avaliacao, problemas }]
runbook   prints each valid blueprint's BCDR runbook as Markdown: every region
          and zone loss with its steps and estimates, as the API's runbook
          gives them for a project of it (no drill has proven any scenario yet).
          Exit 0: every file has a runbook; 1: a file has errors; 2: a file
          cannot be read or is not JSON.
          --json   print one JSON array of runbooks (contract §6 shape)
optimize  finds the cheapest design that meets each blueprint's resilience
          policy, the one with the fewest changes and the most available one
          (contract §8), with the cost/availability frontier. Without --plano,
          plan rules are not checked.
          Exit 0: every file optimised (even when nothing qualifies); 1: a
          file's shape is wrong; 2: a file cannot be read or is not JSON.
          --json   print the §8 object (one file) or an array of
                   { arquivo, otimizacao, problemas }
slo-export prints the blueprint's SLOs as Prometheus rules (recording rules
          for the error ratio over 5m, 30m, 1h, 6h and 3d, and the burn-rate
          alerts TesserraSloBurnRate) or as OpenSLO v1 documents, selecting
          projeto="ID" (default: the blueprint's name as a DNS label; the API's
          export of a project uses its id). Exit 0; 1: the blueprint's shape is
          wrong; 2: the file cannot be read or the command line is wrong.
schema    prints the blueprint's JSON Schema (draft 2020-12).`;

export interface FileReport {
  arquivo: string;
  valido: boolean;
  problemas: Finding[];
}

type ReadOutcome = { ok: true; value: unknown } | { ok: false; error: string };

function readBlueprintFile(path: string, locale: Locale, t: CliT): ReadOutcome {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, error: t("read.directory") };
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error: code === "ENOENT" ? t("read.missing") : t("read.failed", { code: String(code ?? e) }),
    };
  }
  // Refused before reading: the limit protects memory as well as the parser.
  if (size > MAX_BLUEPRINT_BYTES)
    return {
      ok: false,
      error: t("read.tooLarge", {
        mb: formatFixed(locale, size / 1024 / 1024, 1),
      }),
    };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return {
      ok: false,
      error: t("read.failed", { code: String((e as NodeJS.ErrnoException).code ?? e) }),
    };
  }
  const parsed = parseBlueprintText(text, { locale });
  if (!parsed.ok) return { ok: false, error: parsed.error.replace(/\.$/, "") };
  return parsed;
}

function formatFinding(file: string, f: Finding, t: CliT): string {
  return `${file}: ${f.ponteiro === "" ? t("document") : f.ponteiro} ${f.codigo} ${f.severidade} ${f.mensagem}`;
}

/** The options both file commands take, or the exit code when the command line is wrong. */
/** Says so (and is true) when `--lang` names a language the CLI does not speak. */
function refusesLang(command: string, lang: string | undefined, t: CliT, io: CliIO): boolean {
  if (lang === undefined || /^(en|pt)([-_]|$)/i.test(lang)) return false;
  io.err(`blueprint ${command}: ${t("unknownLang", { lang })}`);
  return true;
}

function fileArgs(command: string, args: string[], io: CliIO, env: Env) {
  let parsed: ReturnType<typeof parseFileArgs>;
  try {
    parsed = parseFileArgs(args);
  } catch (e) {
    io.err(`blueprint ${command}: ${(e as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  const locale = cliLocale(parsed.lang, env);
  const t = translator(cliMessages, locale);
  if (refusesLang(command, parsed.lang, t, io)) return 2;
  if (parsed.plano !== undefined && !isPlano(parsed.plano)) {
    io.err(
      `blueprint ${command}: ${t("unknownPlano", { plano: parsed.plano, plans: PLANS.join(", ") })}`,
    );
    return 2;
  }
  if (parsed.files.length === 0) {
    io.err(`blueprint ${command}: ${t("noFiles")}`);
    io.err(USAGE);
    return 2;
  }
  return { ...parsed, plano: parsed.plano as Plano | undefined, locale, t };
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates each file in turn, handing each result on; an unreadable file is said on
 * stderr. False when any file could not be read.
 */
function eachValidated(
  files: string[],
  plano: Plano | undefined,
  locale: Locale,
  t: CliT,
  io: CliIO,
  onResult: (file: string, result: ReturnType<typeof validateBlueprint>) => void,
): boolean {
  let allRead = true;
  for (const file of files) {
    const read = readBlueprintFile(file, locale, t);
    if (!read.ok) {
      allRead = false;
      io.err(`${file}: ${read.error}.`);
      continue;
    }
    onResult(file, validateBlueprint(read.value, { plano, locale }));
  }
  return allRead;
}

function validateCommand(args: string[], io: CliIO, env: Env): number {
  const parsed = fileArgs("validate", args, io, env);
  if (typeof parsed === "number") return parsed;
  const { json, plano, files, locale, t } = parsed;
  const reports: FileReport[] = [];
  const unreadable = !eachValidated(files, plano, locale, t, io, (file, result) => {
    reports.push({ arquivo: file, valido: result.valido, problemas: result.problemas });
  });
  if (json) io.out(JSON.stringify(reports, null, 2));
  else {
    for (const r of reports) {
      if (r.problemas.length === 0) io.out(`${r.arquivo}: ok`);
      for (const f of r.problemas) io.out(formatFinding(r.arquivo, f, t));
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
      t("summary", {
        files: files.length,
        valid: reports.length - invalid,
        invalid,
        unreadable: files.length - reports.length,
        errors,
        warnings,
      }),
    );
  }
  if (unreadable) return 2;
  return reports.every((r) => r.valido) ? 0 : 1;
}

function parseFileArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      plano: { type: "string" },
      lang: { type: "string" },
    },
  });
  return { json: values.json ?? false, plano: values.plano, lang: values.lang, files: positionals };
}

export interface AssessReport {
  arquivo: string;
  /** Contract §5; null when the blueprint has errors (listed in `problemas`). */
  avaliacao: Avaliacao | null;
  problemas: Finding[];
}

/** A readable summary of one assessment, for people at a terminal. */
export function formatAssessment(
  arquivo: string,
  nome: string,
  a: Avaliacao,
  locale: Locale = "en",
): string[] {
  const t = translator(cliMessages, locale);
  const n = (x: number, digits = 4) => formatNumber(locale, x, { maximumFractionDigits: digits });
  const seconds = (s: number | null) => (s === null ? "—" : `${n(s)} s`);
  const usd = (x: number) => formatFixed(locale, x, 2);
  const p = a.politica;
  const mark = (ok: boolean) => (ok ? t("assess.meets") : t("assess.below"));
  const labels = [
    "assess.availability",
    "assess.worstRto",
    "assess.worstRpo",
    "assess.scenario",
    "assess.cost",
    "assess.regionLoss",
    "assess.zoneLoss",
  ] as const;
  const w = Math.max(...labels.map((k) => t(k).length)) + 2;
  const col = (k: (typeof labels)[number]) => t(k).padEnd(w);
  const survivesW = Math.max(t("assess.survives").length, t("assess.yes").length) + 2;
  const lines = [
    `${arquivo}: ${nome}`,
    `  ${col("assess.availability")}${a.disponibilidade_estimada_pct.toFixed(4)} %  (${t("assess.policy")} ${n(p.disponibilidade_pct)} %: ${mark(a.disponibilidade_estimada_pct >= p.disponibilidade_pct)})`,
    `  ${col("assess.worstRto")}${seconds(a.rto_s)}  (${t("assess.policy")} ${n(p.rto_s)} s${a.rto_s === null ? "" : `: ${mark(a.rto_s <= p.rto_s)}`})`,
    `  ${col("assess.worstRpo")}${seconds(a.rpo_s)}  (${t("assess.policy")} ${n(p.rpo_s)} s${a.rpo_s === null ? "" : `: ${mark(a.rpo_s <= p.rpo_s)}`})`,
    `  ${col("assess.scenario")}${t("assess.region").padEnd(17)}${t("assess.survives").padEnd(survivesW)}RTO      RPO`,
    ...a.cenarios.map(
      (c) =>
        `  ${col(c.tipo === "perda-regiao" ? "assess.regionLoss" : "assess.zoneLoss")}${c.regiao.padEnd(17)}${(c.sobrevive ? t("assess.yes") : t("assess.no")).padEnd(survivesW)}${seconds(c.rto_s).padEnd(9)}${seconds(c.rpo_s).padEnd(9)}${
          c.destino === null
            ? ""
            : `${t("assess.traffic")} ${c.destino} +${c.latencia_extra_ms} ms, ${formatNumber(locale, 100 * (c.orcamento_gasto ?? 0), { maximumFractionDigits: 2 })} % ${t("assess.budget")}`
        }`,
    ),
    `  ${col("assess.cost")}USD ${t("assess.range", { min: usd(a.custo_mensal_usd.min), max: usd(a.custo_mensal_usd.max) })}`,
    ...a.custo_mensal_usd.por_regiao.map(
      (r) =>
        `    ${r.regiao.padEnd(16)} ${t("assess.range", { min: usd(r.min), max: usd(r.max) })}`,
    ),
  ];
  for (const f of a.conformidade) lines.push(`  ${f.ponteiro} ${f.codigo} ${f.mensagem}`);
  return lines;
}

function assessCommand(args: string[], io: CliIO, env: Env): number {
  const parsed = fileArgs("assess", args, io, env);
  if (typeof parsed === "number") return parsed;
  const { json, plano, files, locale, t } = parsed;
  const reports: AssessReport[] = [];
  const unreadable = !eachValidated(files, plano, locale, t, io, (file, result) => {
    const avaliacao =
      result.valido && result.blueprint
        ? assess(normalizeBlueprint(result.blueprint), { locale, plano })
        : null;
    reports.push({ arquivo: file, avaliacao, problemas: result.problemas });
    if (json) return;
    if (avaliacao && result.blueprint)
      for (const line of formatAssessment(file, result.blueprint.nome, avaliacao, locale))
        io.out(line);
    else io.out(`${file}: ${t("notAssessed")}`);
    for (const f of result.problemas) io.out(formatFinding(file, f, t));
  });
  if (json) io.out(JSON.stringify(reports, null, 2));
  if (unreadable) return 2;
  return reports.every((r) => r.avaliacao !== null) ? 0 : 1;
}

/** The optimiser's answer for people at a terminal: the current design, the options, the frontier. */
export function formatOptimization(
  arquivo: string,
  bp: NormalizedBlueprint,
  o: Otimizacao,
  locale: Locale = "en",
): string[] {
  const t = translator(cliMessages, locale);
  const usd = (x: number) => formatFixed(locale, x, 2);
  const pct = (x: number) => `${formatFixed(locale, x, 4)} %`;
  const s = (x: number | null) =>
    x === null ? "—" : `${formatNumber(locale, x, { maximumFractionDigits: 2 })} s`;
  const objectiveW =
    Math.max(...OBJETIVOS.map((k) => t(`optimize.${k}`).length), t("optimize.objective").length) +
    2;
  const availabilityW = Math.max(14, t("optimize.availability").length) + 2;
  const lines = [
    `${arquivo}: ${bp.nome}`,
    `  ${t("optimize.current")}: USD ${usd(o.atual.custo_max)}, ${pct(o.atual.disponibilidade_estimada_pct)}, ${o.atual.atende ? t("optimize.meets") : t("optimize.misses")}`,
  ];
  if (o.opcoes.length === 0 && o.sem_opcao)
    lines.push(
      `  ${t(`optimize.none.${o.sem_opcao.codigo}`, { best: o.sem_opcao.melhor === null ? "—" : formatNumber(locale, o.sem_opcao.melhor, { maximumFractionDigits: 4 }) })}`,
    );
  else {
    lines.push(
      `  ${t("optimize.objective").padEnd(objectiveW)}${t("optimize.cost").padStart(12)}  ${t("optimize.availability").padEnd(availabilityW)}RTO      RPO      ${t("optimize.changes")}`,
    );
    for (const op of o.opcoes) {
      const a = op.avaliacao;
      lines.push(
        `  ${t(`optimize.${op.objetivo}`).padEnd(objectiveW)}${usd(a.custo_mensal_usd.max).padStart(12)}  ${pct(a.disponibilidade_estimada_pct).padEnd(availabilityW)}${s(a.rto_s).padEnd(9)}${s(a.rpo_s).padEnd(9)}${describeChanges(bp, op.mudancas, locale)}`,
      );
    }
  }
  lines.push(`  ${t("optimize.frontier")}`);
  for (const p of o.fronteira)
    lines.push(
      `    USD ${usd(p.custo_max).padStart(10)}  ${pct(p.disponibilidade_estimada_pct)}${p.atende ? " *" : ""}`,
    );
  return lines;
}

function optimizeCommand(args: string[], io: CliIO, env: Env): number {
  const parsed = fileArgs("optimize", args, io, env);
  if (typeof parsed === "number") return parsed;
  const { json, plano, files, locale, t } = parsed;
  const reports: { arquivo: string; otimizacao: Otimizacao | null; problemas: Finding[] }[] = [];
  const unreadable = !eachValidated(files, plano, locale, t, io, (file, result) => {
    // Rule errors are no reason not to search: a candidate may not have them.
    const otimizacao = result.blueprint ? optimize(result.blueprint, { plano, locale }) : null;
    reports.push({ arquivo: file, otimizacao, problemas: otimizacao ? [] : result.problemas });
    if (json) return;
    if (otimizacao && result.blueprint)
      for (const line of formatOptimization(
        file,
        normalizeBlueprint(result.blueprint),
        otimizacao,
        locale,
      ))
        io.out(line);
    else {
      io.out(`${file}: ${t("notAssessed")}`);
      for (const f of result.problemas) io.out(formatFinding(file, f, t));
    }
  });
  if (json)
    io.out(
      JSON.stringify(
        reports.length === 1 && !unreadable ? reports[0].otimizacao : reports,
        null,
        2,
      ),
    );
  if (unreadable) return 2;
  return reports.every((r) => r.otimizacao !== null) ? 0 : 1;
}

function sloExportCommand(args: string[], io: CliIO, env: Env): number {
  let parsed: ReturnType<
    typeof parseArgs<{ allowPositionals: true; options: typeof SLO_EXPORT_OPTIONS }>
  >;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: SLO_EXPORT_OPTIONS });
  } catch (e) {
    io.err(`blueprint slo-export: ${(e as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  const locale = cliLocale(parsed.values.lang, env);
  const t = translator(cliMessages, locale);
  if (refusesLang("slo-export", parsed.values.lang, t, io)) return 2;
  const format = parsed.values.format ?? "prometheus";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    io.err(
      `blueprint slo-export: ${t("sloExport.format", { format, formats: EXPORT_FORMATS.join(", ") })}`,
    );
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    io.err(`blueprint slo-export: ${t("sloExport.oneFile")}`);
    io.err(USAGE);
    return 2;
  }
  const [file] = parsed.positionals;
  const read = readBlueprintFile(file, locale, t);
  if (!read.ok) {
    io.err(`${file}: ${read.error}.`);
    return 2;
  }
  const result = validateBlueprint(read.value, { locale });
  if (!result.blueprint) {
    io.err(`${file}: ${t("notAssessed")}`);
    for (const f of result.problemas) io.err(formatFinding(file, f, t));
    return 1;
  }
  const bp = normalizeBlueprint(result.blueprint);
  const servico = dnsLabel(bp.nome);
  io.out(
    sloExportYaml(
      {
        projeto: parsed.values.projeto ?? servico,
        servico,
        nome: bp.nome,
        slos: slosOfBlueprint(bp),
      },
      format as ExportFormat,
    ).trimEnd(),
  );
  return 0;
}

const SLO_EXPORT_OPTIONS = {
  format: { type: "string" },
  projeto: { type: "string" },
  lang: { type: "string" },
} as const;

function runbookCommand(args: string[], io: CliIO, env: Env): number {
  const parsed = fileArgs("runbook", args, io, env);
  if (typeof parsed === "number") return parsed;
  const { json, plano, files, locale, t } = parsed;
  const runbooks: Runbook[] = [];
  let failed = false;
  const unreadable = !eachValidated(files, plano, locale, t, io, (file, result) => {
    if (!result.valido || !result.blueprint) {
      failed = true;
      io.err(`${file}: ${t("notAssessed")}`);
      for (const f of result.problemas) io.err(formatFinding(file, f, t));
      return;
    }
    const runbook = buildRunbook(normalizeBlueprint(result.blueprint), { locale });
    runbooks.push(runbook);
    if (!json) io.out(runbookMarkdown(runbook, locale).trimEnd());
  });
  if (json) io.out(JSON.stringify(runbooks, null, 2));
  if (unreadable) return 2;
  return failed ? 1 : 0;
}

export function runCli(argv: string[], io: CliIO, env: Env = process.env): number {
  const [command, ...rest] = argv;
  switch (command) {
    case "validate":
      return validateCommand(rest, io, env);
    case "assess":
      return assessCommand(rest, io, env);
    case "runbook":
      return runbookCommand(rest, io, env);
    case "optimize":
      return optimizeCommand(rest, io, env);
    case "slo-export":
      return sloExportCommand(rest, io, env);
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
