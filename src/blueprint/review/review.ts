/**
 * The review pack's verifications (contract §7): five checks, read off evidence the console
 * already has (the §5 assessment, the §6 runbook, §1 validation), never typed by hand.
 */
import type { Verificacao } from "../../contract/reviews";
import { DEFAULT_LOCALE, defineCatalog, type Locale, translator } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import type { Avaliacao } from "../avaliacao";
import type { Finding } from "../findings";
import { findRegion } from "../regions";
import { formatRunbookSeconds, runbookSummary } from "../runbook/runbook";
import type { Runbook } from "../runbook/shape";
import type { NormalizedBlueprint } from "../schema";
import en from "./messages/en.json" with { type: "json" };

export const reviewMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json", { with: { type: "json" } }),
});
export type ReviewMessageKey = keyof typeof en;
export const reviewT = (locale: Locale = DEFAULT_LOCALE) => translator(reviewMessages, locale);

export interface ReviewEvidenceInput {
  avaliacao: Avaliacao;
  runbook: Runbook;
  /** §1 validation findings of the design (warnings are what `sem-avisos` reads). */
  problemas: readonly Finding[];
}

export function verificationsOf(
  bp: NormalizedBlueprint,
  input: ReviewEvidenceInput,
  locale: Locale = DEFAULT_LOCALE,
): Verificacao[] {
  const t = reviewT(locale);
  const { avaliacao, runbook } = input;
  const s = (x: number | null) => formatRunbookSeconds(x, locale);
  const conformance = avaliacao.conformidade;
  const warnings = input.problemas.filter((f) => f.severidade === "aviso");
  const insight = bp.recursos.find((r) => r.tipo === "insight");
  const continents = [...new Set(bp.regioes.map((r) => findRegion(r)?.continent ?? r))];
  const continentName = (c: string) => t(`continent.${c}` as ReviewMessageKey);
  const multi = bp.resiliencia === "multi-regiao";
  return [
    {
      codigo: "politica-atendida",
      severidade: "alta",
      ok: conformance.length === 0,
      detalhe:
        conformance.length === 0
          ? t("detail.politicaOk", {
              availability: formatNumber(locale, avaliacao.disponibilidade_estimada_pct, {
                maximumFractionDigits: 4,
              }),
              rto: s(avaliacao.rto_s),
              rpo: s(avaliacao.rpo_s),
            })
          : t("detail.politicaNo", {
              count: conformance.length,
              codes: conformance.map((f) => f.codigo).join(", "),
            }),
    },
    {
      codigo: "runbook-testado",
      severidade: "alta",
      ok: runbook.testado,
      detalhe: t("detail.runbook", { summary: runbookSummary(runbook, locale) }),
    },
    {
      codigo: "sem-avisos",
      severidade: "media",
      ok: warnings.length === 0,
      detalhe:
        warnings.length === 0
          ? t("detail.avisosOk")
          : t("detail.avisosNo", {
              count: warnings.length,
              codes: [...new Set(warnings.map((f) => f.codigo))].join(", "),
            }),
    },
    {
      codigo: "alertas-slo",
      severidade: "media",
      ok: insight?.tipo === "insight" && insight.config.alertas,
      detalhe:
        insight?.tipo !== "insight"
          ? t("detail.alertasNone")
          : insight.config.alertas
            ? t("detail.alertasOk", { insight: insight.nome })
            : t("detail.alertasOff", { insight: insight.nome }),
    },
    {
      codigo: "continentes",
      severidade: "media",
      ok: !multi || continents.length >= 2,
      detalhe: !multi
        ? t("detail.continentesLevel")
        : continents.length >= 2
          ? t("detail.continentesOk", {
              count: continents.length,
              continents: continents.map(continentName).join(", "),
            })
          : t("detail.continentesNo", { continent: continentName(continents[0] ?? "") }),
    },
  ];
}
