import { memo, useMemo } from "react";
import type { SloItem } from "../contract/monitoring";
import type { Translate } from "../i18n";
import { formatNumber } from "../i18n/format";
import { BURN_WINDOWS } from "../slo/slo";
import { Badge, Card, type Tone } from "../ui/Card";
import { useLocale, useT } from "../ui/i18n";
import {
  budgetHealth,
  burnHealth,
  cityOf,
  formatBudget,
  formatRate,
  formatSli,
  type Health,
  thresholdFor,
} from "./format";
import { type MonitorMessageKey, monitorMessages } from "./i18n";
import { TimeSeriesChart } from "./TimeSeriesChart";

const TONE: Record<Health, Tone> = { ok: "ok", warning: "warning", critical: "critical" };
const BAR: Record<Health, string> = {
  ok: "bg-emerald-500",
  warning: "bg-amber-500",
  critical: "bg-red-500",
};
const CELL: Record<Health, string> = {
  ok: "text-slate-700 dark:text-slate-200",
  warning: "text-amber-700 dark:text-amber-300 font-semibold",
  critical: "text-red-700 dark:text-red-300 font-semibold",
};

export function sloTitle(
  slo: Pick<SloItem, "sli" | "limiar_ms" | "nome">,
  t: Translate<MonitorMessageKey>,
): string {
  if (slo.sli === "disponibilidade") return t("slo.availability");
  return t("slo.latency", { ms: slo.limiar_ms ?? "?" });
}

export const SloCard = memo(function SloCard({ slo }: { slo: SloItem }) {
  const t = useT(monitorMessages);
  const locale = useLocale();
  const health = budgetHealth(slo.global.orcamento_restante);
  const id = `slo-${slo.nome}`;
  const burnDown = useMemo(
    () => ({
      xs: slo.orcamento_serie.map(([t]) => t),
      series: [
        {
          label: t("slo.budgetLeftSeries"),
          color: health === "ok" ? "#10b981" : health === "warning" ? "#f59e0b" : "#ef4444",
          values: slo.orcamento_serie.map(([, v]) => Math.round(v * 1000) / 10),
        },
      ],
    }),
    [slo.orcamento_serie, health, t],
  );
  const left = Math.max(0, Math.min(1, slo.global.orcamento_restante));
  return (
    <Card
      labelledBy={id}
      title={
        <span>
          {sloTitle(slo, t)} {/* The SLO's id, as the API names it: a code, shown as one. */}
          <code className="ml-1 font-mono text-xs font-normal text-slate-500 dark:text-slate-400">
            {slo.nome}
          </code>
        </span>
      }
      actions={
        slo.alertas.length ? (
          <div className="flex flex-wrap gap-1">
            {slo.alertas.map((a) => (
              <Badge
                key={`${a.severidade}-${a.janela_longa}-${a.regiao ?? "global"}`}
                tone={a.severidade === "pagina" ? "critical" : "warning"}
              >
                {t("slo.alert", {
                  severity: a.severidade,
                  windows: `${a.janela_longa}/${a.janela_curta}`,
                })}
                {a.regiao ? ` · ${cityOf(a.regiao)}` : ""}
              </Badge>
            ))}
          </div>
        ) : (
          <Badge tone="ok">{t("slo.noAlerts")}</Badge>
        )
      }
    >
      <dl className="grid grid-cols-3 gap-4">
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{t("slo.objective")}</dt>
          <dd className="mt-1 text-base font-semibold whitespace-nowrap tabular-nums sm:text-lg">
            {formatNumber(locale, slo.objetivo, { maximumFractionDigits: 3 })} %
          </dd>
          <dd className="text-xs text-slate-500 dark:text-slate-400">
            {t("slo.over", { days: slo.janela_dias })}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">
            {t("slo.sli", { days: slo.janela_dias })}
          </dt>
          <dd className="mt-1 text-base font-semibold whitespace-nowrap tabular-nums sm:text-lg">
            {formatSli(slo.global.sli_pct)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{t("slo.budgetLeft")}</dt>
          <dd className="mt-1 flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <span className="text-base font-semibold whitespace-nowrap tabular-nums sm:text-lg">
              {formatBudget(slo.global.orcamento_restante)}
            </span>
            <Badge tone={TONE[health]}>{t("slo.health", { health })}</Badge>
          </dd>
          <div
            className="mt-2 h-1.5 rounded-full bg-slate-200 dark:bg-slate-800"
            aria-hidden="true"
          >
            <div
              className={`h-1.5 rounded-full ${BAR[health]}`}
              style={{ width: `${left * 100}%` }}
            />
          </div>
        </div>
      </dl>

      <div className="mt-4">
        <TimeSeriesChart
          title={t("slo.burnDown")}
          unit="%"
          xs={burnDown.xs}
          series={burnDown.series}
          height={120}
          decimals={1}
        />
      </div>

      <table className="mt-4 w-full text-xs sm:text-sm">
        <caption className="sr-only">{t("slo.burnCaption")}</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
            <th scope="col" className="py-1 font-medium">
              {t("slo.burnRate")}
            </th>
            {BURN_WINDOWS.map((w) => (
              <th key={w} scope="col" className="py-1 pl-1.5 text-right font-medium">
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="tabular-nums">
          <tr>
            <th
              scope="row"
              className="py-1 text-left font-normal text-slate-600 dark:text-slate-300"
            >
              {t("slo.global")}
            </th>
            {BURN_WINDOWS.map((w) => (
              <td
                key={w}
                className={`py-1 pl-1.5 text-right ${CELL[burnHealth(w, slo.global.taxas_queima[w])]}`}
              >
                {formatRate(slo.global.taxas_queima[w])}
              </td>
            ))}
          </tr>
          <tr className="text-xs text-slate-500 dark:text-slate-400">
            <th scope="row" className="py-1 text-left font-normal">
              {t("slo.alertAbove")}
            </th>
            {BURN_WINDOWS.map((w) => (
              <td key={w} className="py-1 pl-1.5 text-right">
                {formatNumber(locale, thresholdFor(w))}×
              </td>
            ))}
          </tr>
        </tbody>
      </table>

      <table className="mt-3 w-full border-t border-slate-100 text-xs sm:text-sm dark:border-slate-800">
        <caption className="sr-only">{t("slo.regionCaption")}</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
            <th scope="col" className="pt-2 pb-1 font-medium">
              {t("col.region")}
            </th>
            <th scope="col" className="pt-2 pb-1 text-right font-medium">
              {t("slo.sliCol")}
            </th>
            <th scope="col" className="pt-2 pb-1 text-right font-medium">
              {t("slo.budgetLeftSeries")}
            </th>
            <th scope="col" className="pt-2 pb-1 text-right font-medium">
              {t("slo.burn1h")}
            </th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {slo.regioes.map((r) => (
            <tr key={r.regiao}>
              <th scope="row" className="py-1 text-left font-normal">
                {cityOf(r.regiao)}{" "}
                <span className="text-xs text-slate-500 dark:text-slate-400">{r.regiao}</span>
              </th>
              <td className="py-1 pl-1.5 text-right whitespace-nowrap">{formatSli(r.sli_pct)}</td>
              <td
                className={`py-1 pl-1.5 text-right whitespace-nowrap ${CELL[budgetHealth(r.orcamento_restante)]}`}
              >
                {formatBudget(r.orcamento_restante)}
              </td>
              <td
                className={`py-1 pl-1.5 text-right ${CELL[burnHealth("1h", r.taxas_queima["1h"])]}`}
              >
                {formatRate(r.taxas_queima["1h"])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
});
