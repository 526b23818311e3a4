/**
 * The optimiser's frontier (contract §8) as a chart: monthly cost across, availability up on a
 * scale of nines (99 → 99.9 → 99.99 equally spaced, as reliability people read it), the policy
 * as a dashed line and the current design as a ring. SVG, so every point can carry its words;
 * the same figures are in a table for screen readers.
 */
import { useId } from "react";
import type { PontoFronteira } from "../../blueprint/otimizacao";
import { formatFixed, formatNumber, formatUsd } from "../../i18n/format";
import { useLocale, useT } from "../../ui/i18n";
import { whatIfMessages } from "./i18n";

const W = 640;
const H = 220;
const PAD = { left: 64, right: 28, top: 14, bottom: 34 };
/** Nines of an availability percentage: 99 → 2, 99.9 → 3, 99.99 → 4 (capped below 100 %). */
const nines = (pct: number) => -Math.log10(Math.max(1e-7, 1 - pct / 100));
const NINE_TICKS = [90, 99, 99.5, 99.9, 99.95, 99.99, 99.995, 99.999];

export function FrontierChart({
  points,
  current,
  policy,
}: {
  points: PontoFronteira[];
  current: { custo_max: number; disponibilidade_estimada_pct: number };
  policy: number;
}) {
  const t = useT(whatIfMessages);
  const locale = useLocale();
  const ids = { title: useId(), desc: useId() };
  const all = [...points, current];
  const costs = all.map((p) => p.custo_max);
  const levels = [...all.map((p) => nines(p.disponibilidade_estimada_pct)), nines(policy)];
  const [x0, x1] = padded(Math.min(...costs), Math.max(...costs), 0.06);
  const [y0, y1] = padded(Math.min(...levels), Math.max(...levels), 0.1);
  const x = (c: number) => PAD.left + ((c - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const y = (pct: number) =>
    H - PAD.bottom - ((nines(pct) - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const pct = (v: number) => `${formatFixed(locale, v, 4)} %`;
  const xTicks = [0, 1, 2, 3].map((i) => x0 + ((x1 - x0) * i) / 3);
  const yTicks = NINE_TICKS.filter((v) => nines(v) >= y0 && nines(v) <= y1);
  const line = points
    .map((p) => `${x(p.custo_max)},${y(p.disponibilidade_estimada_pct)}`)
    .join(" ");
  return (
    <figure className="mt-3">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full text-slate-600 dark:text-slate-300"
        role="img"
        aria-labelledby={`${ids.title} ${ids.desc}`}
        data-testid="frontier-chart"
      >
        <title id={ids.title}>{t("opt.frontier")}</title>
        <desc id={ids.desc}>{t("opt.frontierDesc")}</desc>
        {/* Axes and ticks. */}
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
          stroke="currentColor"
          strokeOpacity={0.4}
        />
        {xTicks.map((c) => (
          <text
            key={c}
            x={x(c)}
            y={H - PAD.bottom + 16}
            textAnchor="middle"
            fontSize={11}
            fill="currentColor"
          >
            {formatNumber(locale, c, {
              style: "currency",
              currency: "USD",
              maximumFractionDigits: 0,
            })}
          </text>
        ))}
        {yTicks.map((v) => (
          <g key={v}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(v)}
              y2={y(v)}
              stroke="currentColor"
              strokeOpacity={0.12}
            />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="currentColor">
              {formatNumber(locale, v, { maximumFractionDigits: 3 })} %
            </text>
          </g>
        ))}
        {/* The policy: a dashed line, named at its right end. */}
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(policy)}
          y2={y(policy)}
          className="stroke-amber-600 dark:stroke-amber-400"
          strokeDasharray="6 4"
          strokeWidth={1.5}
        />
        <text
          x={W - PAD.right}
          y={y(policy) - 5}
          textAnchor="end"
          fontSize={11}
          className="fill-amber-800 dark:fill-amber-300"
        >
          {t("opt.policyLine", { pct: formatNumber(locale, policy, { maximumFractionDigits: 4 }) })}
        </text>
        <polyline points={line} fill="none" className="stroke-indigo-500" strokeWidth={1.5} />
        {points.map((p) => (
          <circle
            key={`${p.custo_max}|${p.disponibilidade_estimada_pct}`}
            cx={x(p.custo_max)}
            cy={y(p.disponibilidade_estimada_pct)}
            r={5}
            strokeWidth={2}
            className={
              p.atende
                ? "fill-indigo-600 stroke-indigo-700 dark:fill-indigo-400 dark:stroke-indigo-300"
                : "fill-white stroke-indigo-500 dark:fill-slate-900"
            }
          >
            <title>
              {t("opt.point", {
                cost: formatUsd(locale, p.custo_max),
                pct: pct(p.disponibilidade_estimada_pct),
                meets: p.atende ? "yes" : "no",
              })}
            </title>
          </circle>
        ))}
        {/* The current design: a ring, labelled. */}
        <circle
          cx={x(current.custo_max)}
          cy={y(current.disponibilidade_estimada_pct)}
          r={9}
          fill="none"
          strokeWidth={2}
          className="stroke-slate-900 dark:stroke-slate-100"
        />
        <text
          x={x(current.custo_max)}
          y={y(current.disponibilidade_estimada_pct) + 24}
          textAnchor="middle"
          fontSize={11}
          fontWeight={600}
          className="fill-slate-900 dark:fill-slate-100"
        >
          {t("opt.you")}
        </text>
      </svg>
      <table className="sr-only">
        <caption>{t("opt.frontier")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("opt.tableCost")}</th>
            <th scope="col">{t("opt.tableAvailability")}</th>
            <th scope="col">{t("opt.tableMeets")}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={`${p.custo_max}|${p.disponibilidade_estimada_pct}`}>
              <td>{formatUsd(locale, p.custo_max)}</td>
              <td>{pct(p.disponibilidade_estimada_pct)}</td>
              <td>{p.atende ? t("opt.yes") : t("opt.no")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function padded(lo: number, hi: number, share: number): [number, number] {
  const span = hi - lo || Math.abs(hi) || 1;
  return [lo - span * share, hi + span * share];
}
