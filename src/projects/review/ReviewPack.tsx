import { reviewT } from "../../blueprint/review/review";
import {
  formatRunbookSeconds,
  scenarioNameOfId,
  statusName,
} from "../../blueprint/runbook/runbook";
import type { Evidencias } from "../../contract/reviews";
import { formatNumber, formatUsd } from "../../i18n/format";
import { Badge } from "../../ui/Card";
import { useLocale, useT } from "../../ui/i18n";
import { reviewPageMessages } from "./i18n";

/**
 * The review pack: the five verifications with their evidence, the assessment's figures and
 * the runbook's scenarios, as snapshotted when the review was requested (or, in the request
 * dialog, as they stand now).
 */
export function ReviewPack({ evidencias }: { evidencias: Evidencias }) {
  const t = useT(reviewPageMessages);
  const locale = useLocale();
  const rt = reviewT(locale);
  const a = evidencias.avaliacao;
  const s = (x: number | null) => formatRunbookSeconds(x, locale);
  return (
    <div className="space-y-5">
      <section aria-labelledby="pack-checks">
        <h3 id="pack-checks" className="text-sm font-semibold">
          {t("pack.checks")}
        </h3>
        <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {evidencias.verificacoes.map((v) => (
            <li
              key={v.codigo}
              className="flex gap-3 px-3 py-2 text-sm"
              data-testid={`check-${v.codigo}`}
            >
              <span
                aria-hidden="true"
                className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                  v.ok
                    ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/20 dark:text-emerald-200"
                    : v.severidade === "alta"
                      ? "bg-red-100 text-red-800 dark:bg-red-500/20 dark:text-red-200"
                      : "bg-amber-100 text-amber-900 dark:bg-amber-500/20 dark:text-amber-100"
                }`}
              >
                {v.ok ? "✓" : "!"}
              </span>
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {rt(`check.${v.codigo}`)}{" "}
                  <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
                    ({t(`pack.severity.${v.severidade}`)})
                  </span>
                </p>
                <p className="text-slate-700 dark:text-slate-300">{v.detalhe}</p>
              </div>
              <span className="shrink-0 self-start">
                <Badge tone={v.ok ? "ok" : v.severidade === "alta" ? "critical" : "warning"}>
                  {v.ok ? t("pack.ok") : t("pack.notOk")}
                </Badge>
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="pack-assessment">
        <h3 id="pack-assessment" className="text-sm font-semibold">
          {t("pack.assessment")}
        </h3>
        <dl className="mt-2 grid grid-cols-1 gap-3 text-sm min-[480px]:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-600 dark:text-slate-400">{t("pack.availability")}</dt>
            <dd className="font-medium tabular-nums">
              {formatNumber(locale, a.disponibilidade_estimada_pct, { minimumFractionDigits: 4 })} %{" "}
              <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
                {t("pack.policy", {
                  value: `${formatNumber(locale, a.politica.disponibilidade_pct, { maximumFractionDigits: 4 })} %`,
                })}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600 dark:text-slate-400">{t("pack.rto")}</dt>
            <dd className="font-medium tabular-nums">
              {s(a.rto_s)}{" "}
              <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
                {t("pack.policy", { value: s(a.politica.rto_s) })}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600 dark:text-slate-400">{t("pack.rpo")}</dt>
            <dd className="font-medium tabular-nums">
              {s(a.rpo_s)}{" "}
              <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
                {t("pack.policy", { value: s(a.politica.rpo_s) })}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600 dark:text-slate-400">{t("pack.cost")}</dt>
            <dd className="font-medium tabular-nums">
              {formatUsd(locale, a.custo_mensal_usd.min)} –{" "}
              {formatUsd(locale, a.custo_mensal_usd.max)}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="pack-runbook">
        <h3 id="pack-runbook" className="text-sm font-semibold">
          {t("pack.runbook")}
        </h3>
        <ul className="mt-2 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
          {evidencias.runbook.cenarios.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-2">
              <span className="min-w-0 truncate">{scenarioNameOfId(c.id, locale)}</span>
              <Badge
                tone={
                  c.status === "testado"
                    ? "ok"
                    : c.status === "nunca-testado"
                      ? "neutral"
                      : "warning"
                }
              >
                {c.status === "testado" ? "✓ " : ""}
                {statusName(c.status, locale)}
              </Badge>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
