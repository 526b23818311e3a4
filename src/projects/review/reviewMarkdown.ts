/**
 * The review pack as a Markdown document, in the reader's language: every verification with
 * its evidence, the assessment's figures, the runbook's scenarios with their status, the
 * comments and the decision.
 */
import { reviewT } from "../../blueprint/review/review";
import { formatRunbookSeconds, statusName } from "../../blueprint/runbook/runbook";
import type { Revisao } from "../../contract/reviews";
import { formatMessage, type Locale } from "../../i18n";
import { formatList, formatNumber, formatUsd } from "../../i18n/format";
import { type ReviewPageMessageKey, reviewPageMessages } from "./i18n";

const esc = (text: string) => text.replace(/([\\`*_[\]<>|#])/g, "\\$1").replace(/\r?\n/g, " ");
const when = (iso: string) => iso.replace("T", " ").replace(/\.\d+Z$/, " UTC");

export function reviewMarkdown(
  review: Revisao,
  locale: Locale,
  scenarioName: (id: string) => string,
) {
  const t = (key: ReviewPageMessageKey, values?: Record<string, string | number>) =>
    formatMessage(reviewPageMessages, locale, key, values);
  const rt = reviewT(locale);
  const s = (x: number | null) => formatRunbookSeconds(x, locale);
  const a = review.evidencias.avaliacao;
  const lines = [
    `# ${t("md.title", { name: esc(review.nome) })}`,
    "",
    t("md.project", {
      id: review.projeto,
      org: review.organizacao,
      version: review.versao,
      signature: review.assinatura,
    }),
    t("md.requested", {
      who: review.solicitada_por,
      when: when(review.solicitada_em),
      status: t(`status.${review.status}`),
    }),
  ];
  if (review.nota) lines.push("", t("md.note", { note: esc(review.nota) }));
  lines.push(
    "",
    `## ${t("md.checks")}`,
    "",
    `| ${t("md.col.check")} | ${t("md.col.severity")} | ${t("md.col.result")} | ${t("md.col.detail")} |`,
    "| --- | --- | --- | --- |",
    ...review.evidencias.verificacoes.map(
      (v) =>
        `| ${rt(`check.${v.codigo}`)} | ${t(`pack.severity.${v.severidade}`)} | ${v.ok ? t("pack.ok") : t("pack.notOk")} | ${esc(v.detalhe)} |`,
    ),
    "",
    `## ${t("md.assessment")}`,
    "",
    `- ${t("pack.availability")}: ${formatNumber(locale, a.disponibilidade_estimada_pct, { minimumFractionDigits: 4 })} % (${t("pack.policy", { value: `${formatNumber(locale, a.politica.disponibilidade_pct, { maximumFractionDigits: 4 })} %` })})`,
    `- ${t("pack.rto")}: ${s(a.rto_s)} (${t("pack.policy", { value: s(a.politica.rto_s) })})`,
    `- ${t("pack.rpo")}: ${s(a.rpo_s)} (${t("pack.policy", { value: s(a.politica.rpo_s) })})`,
    `- ${t("pack.cost")}: ${formatUsd(locale, a.custo_mensal_usd.min)} – ${formatUsd(locale, a.custo_mensal_usd.max)}`,
    "",
    `## ${t("md.runbook")}`,
    "",
    `| ${t("md.col.scenario")} | ${t("md.col.status")} |`,
    "| --- | --- |",
    ...review.evidencias.runbook.cenarios.map(
      (c) => `| ${scenarioName(c.id)} | ${statusName(c.status, locale)} |`,
    ),
  );
  if (review.comentarios.length) {
    lines.push("", `## ${t("md.comments")}`, "");
    for (const c of review.comentarios)
      lines.push(
        `- ${t("comments.by", { who: c.autor, role: t(`role.${c.papel}`), when: when(c.em) })}${c.ponteiro ? ` — \`${c.ponteiro}\`` : ""}: ${esc(c.texto)}`,
      );
  }
  lines.push("", `## ${t("md.decision")}`, "");
  const d = review.decisao;
  if (!d) lines.push(t("review.noDecision"));
  else {
    lines.push(
      t("review.decidedBy", { result: t(`status.${d.resultado}`), who: d.por, when: when(d.em) }),
    );
    if (d.sobrepoe.length)
      lines.push(
        "",
        t("review.override", {
          checks: formatList(
            locale,
            d.sobrepoe.map((c) => rt(`check.${c}`)),
          ),
        }),
      );
    if (d.nota) lines.push("", `> ${esc(d.nota)}`);
  }
  return `${lines.join("\n")}\n`;
}
