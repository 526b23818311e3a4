/**
 * The runbook as a Markdown document (contract §6: `Accept: text/markdown`, and the CLI's
 * `runbook`): a table of scenarios, then one section per scenario with its steps and evidence.
 * Teams keep it next to the blueprint in their repository, so it reads well as plain text.
 */
import { DEFAULT_LOCALE, type Locale } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import {
  formatRunbookSeconds,
  runbookSummary,
  runbookT,
  scenarioName,
  statusDetail,
  statusName,
} from "./runbook";
import type { Runbook } from "./shape";

/** Text that Markdown must not read as markup (a project name is free text). */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, "\\$1").replace(/\r?\n/g, " ");
}

const when = (iso: string) => iso.replace("T", " ").replace(/\.\d+Z$/, " UTC");

export function runbookMarkdown(
  runbook: Runbook,
  locale: Locale = DEFAULT_LOCALE,
  clock = 1,
): string {
  const t = runbookT(locale);
  const s = (x: number | null) => formatRunbookSeconds(x, locale);
  const lines: string[] = [];
  lines.push(`# ${t("md.title", { name: escapeInline(runbook.nome) })}`, "");
  lines.push(
    runbook.projeto
      ? t("md.project", { id: runbook.projeto, version: runbook.versao ?? "—" })
      : t("md.file"),
    t("md.generated", { when: when(runbook.gerado_em) }),
    "",
    t("md.policy", {
      rto: s(runbook.politica.rto_s),
      rpo: s(runbook.politica.rpo_s),
      availability: formatNumber(locale, runbook.politica.disponibilidade_pct, {
        maximumFractionDigits: 4,
      }),
      validity: runbook.validade_teste_dias,
    }),
    "",
    `**${runbookSummary(runbook, locale)}**`,
    "",
    `## ${t("md.scenarios")}`,
    "",
    `| ${t("md.col.scenario")} | ${t("md.col.status")} | ${t("md.col.rto")} | ${t("md.col.rpo")} | ${t("md.col.drill")} |`,
    "| --- | --- | --- | --- | --- |",
  );
  for (const c of runbook.cenarios)
    lines.push(
      `| ${scenarioName(c, locale)} | ${statusName(c.status, locale)} | ${s(c.estimado.rto_s)} | ${s(c.estimado.rpo_s)} | ${c.teste ? when(c.teste.terminado_em) : t("md.none")} |`,
    );
  for (const c of runbook.cenarios) {
    lines.push(
      "",
      `## ${scenarioName(c, locale)}`,
      "",
      `\`${c.id}\``,
      "",
      t("md.status", {
        status: statusName(c.status, locale),
        detail: statusDetail(runbook, c, locale, clock),
      }),
      "",
    );
    if (c.passos.length === 0) lines.push(t("md.noSteps"));
    else {
      lines.push(
        `| ${t("md.col.step")} | ${t("md.col.action")} | ${t("md.col.mode")} | ${t("md.col.after")} | ${t("md.col.what")} |`,
        "| --- | --- | --- | --- | --- |",
      );
      for (const p of c.passos)
        lines.push(
          `| ${p.ordem} | ${t(`action.${p.acao}`)} | ${p.automatico ? t("md.automatic") : t("md.manual")} | ${p.apos_s === null ? t("md.none") : s(p.apos_s)} | ${escapeInline(p.descricao)} |`,
        );
    }
    lines.push(
      "",
      c.teste
        ? t("md.evidence", {
            id: c.teste.id,
            version: c.teste.versao ?? "—",
            when: when(c.teste.terminado_em),
            rto: s(c.teste.rto_s),
            rpo: s(c.teste.rpo_s),
            estRto: s(c.teste.estimado.rto_s),
            estRpo: s(c.teste.estimado.rpo_s),
          })
        : t("md.noEvidence"),
    );
  }
  return `${lines.join("\n")}\n`;
}
