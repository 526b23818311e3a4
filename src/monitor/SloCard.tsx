import { useMemo } from "react";
import type { SloItem } from "../contract/monitoring";
import { BURN_WINDOWS } from "../slo/slo";
import { Badge, Card, type Tone } from "../ui/Card";
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

export function sloTitle(slo: Pick<SloItem, "sli" | "limiar_ms" | "nome">): string {
  if (slo.sli === "disponibilidade") return "Availability";
  return `Latency under ${slo.limiar_ms ?? "?"} ms`;
}

export function SloCard({ slo }: { slo: SloItem }) {
  const health = budgetHealth(slo.global.orcamento_restante);
  const id = `slo-${slo.nome}`;
  const burnDown = useMemo(
    () => ({
      xs: slo.orcamento_serie.map(([t]) => t),
      series: [
        {
          label: "Budget left",
          color: health === "ok" ? "#10b981" : health === "warning" ? "#f59e0b" : "#ef4444",
          values: slo.orcamento_serie.map(([, v]) => Math.round(v * 1000) / 10),
        },
      ],
    }),
    [slo.orcamento_serie, health],
  );
  const left = Math.max(0, Math.min(1, slo.global.orcamento_restante));
  return (
    <Card
      labelledBy={id}
      title={
        <span>
          {sloTitle(slo)} {/* The SLO's id, as the API names it: a code, shown as one. */}
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
                {a.severidade === "pagina" ? "Page" : "Ticket"} · {a.janela_longa}/{a.janela_curta}
                {a.regiao ? ` · ${cityOf(a.regiao)}` : ""}
              </Badge>
            ))}
          </div>
        ) : (
          <Badge tone="ok">No alerts</Badge>
        )
      }
    >
      <dl className="grid grid-cols-3 gap-4">
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">Objective</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums">{slo.objetivo} %</dd>
          <dd className="text-xs text-slate-500 dark:text-slate-400">
            over {slo.janela_dias} days
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">
            SLI, {slo.janela_dias} days
          </dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums">
            {formatSli(slo.global.sli_pct)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">Error budget left</dt>
          <dd className="mt-1 flex items-baseline gap-2">
            <span className="text-lg font-semibold tabular-nums">
              {formatBudget(slo.global.orcamento_restante)}
            </span>
            <Badge tone={TONE[health]}>
              {health === "ok" ? "Healthy" : health === "warning" ? "Low" : "Exhausted"}
            </Badge>
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
          title="Error budget burn-down"
          unit="%"
          xs={burnDown.xs}
          series={burnDown.series}
          height={120}
          decimals={1}
        />
      </div>

      <table className="mt-4 w-full text-sm">
        <caption className="sr-only">Burn rates by window, with the alert thresholds</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
            <th scope="col" className="py-1 font-medium">
              Burn rate
            </th>
            {BURN_WINDOWS.map((w) => (
              <th key={w} scope="col" className="py-1 text-right font-medium">
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
              Global
            </th>
            {BURN_WINDOWS.map((w) => (
              <td
                key={w}
                className={`py-1 text-right ${CELL[burnHealth(w, slo.global.taxas_queima[w])]}`}
              >
                {formatRate(slo.global.taxas_queima[w])}
              </td>
            ))}
          </tr>
          <tr className="text-xs text-slate-500 dark:text-slate-400">
            <th scope="row" className="py-1 text-left font-normal">
              Alert above
            </th>
            {BURN_WINDOWS.map((w) => (
              <td key={w} className="py-1 text-right">
                {thresholdFor(w)}×
              </td>
            ))}
          </tr>
        </tbody>
      </table>

      <table className="mt-3 w-full border-t border-slate-100 text-sm dark:border-slate-800">
        <caption className="sr-only">SLI and error budget per region</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
            <th scope="col" className="pt-2 pb-1 font-medium">
              Region
            </th>
            <th scope="col" className="pt-2 pb-1 text-right font-medium">
              SLI
            </th>
            <th scope="col" className="pt-2 pb-1 text-right font-medium">
              Budget left
            </th>
            <th scope="col" className="pt-2 pb-1 text-right font-medium">
              Burn 1 h
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
              <td className="py-1 text-right">{formatSli(r.sli_pct)}</td>
              <td className={`py-1 text-right ${CELL[budgetHealth(r.orcamento_restante)]}`}>
                {formatBudget(r.orcamento_restante)}
              </td>
              <td className={`py-1 text-right ${CELL[burnHealth("1h", r.taxas_queima["1h"])]}`}>
                {formatRate(r.taxas_queima["1h"])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
