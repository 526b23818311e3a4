import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { Locale, Translate } from "../i18n";
import { formatFixed, formatNumber } from "../i18n/format";
import { useLocale, useT } from "../ui/i18n";
import { type MonitorMessageKey, monitorMessages } from "./i18n";

export interface ChartSeries {
  label: string;
  color: string;
  values: (number | null)[];
  dash?: number[];
}

export interface TimeSeriesChartProps {
  title: string;
  unit: string;
  /** Epoch seconds, shared by every series. */
  xs: number[];
  series: ChartSeries[];
  /** Charts with the same key share one cursor. */
  syncKey?: string;
  height?: number;
  /** Draw a horizontal reference line, e.g. the SLO objective. */
  reference?: { value: number; label: string };
  yMin?: number;
  yMax?: number;
  decimals?: number;
}

function prefersDark(): boolean {
  return (
    typeof window !== "undefined" && window.matchMedia?.("(prefers-color-scheme: dark)").matches
  );
}

/** A summary for screen readers: the canvas itself says nothing. */
/**
 * Plots are created one per task: a grid of charts built in a single task blocks input for
 * too long (a long task over 200 ms on a 30-day, six-region view); one chart per task keeps
 * every task short and lets the first charts show while the rest are built.
 */
const plotQueue: (() => void)[] = [];
const channel = typeof MessageChannel === "undefined" ? undefined : new MessageChannel();
let draining = false;
function drainPlots() {
  plotQueue.shift()?.();
  if (plotQueue.length > 0) channel?.port2.postMessage(null);
  else draining = false;
}
if (channel) channel.port1.onmessage = drainPlots;
function schedulePlot(create: () => void): () => void {
  let cancelled = false;
  plotQueue.push(() => {
    if (!cancelled) create();
  });
  if (!draining) {
    draining = true;
    if (channel) channel.port2.postMessage(null);
    else setTimeout(drainPlots, 0);
  }
  return () => {
    cancelled = true;
  };
}

/** uPlot's date templates, the locale's way: day before month and a 24-hour clock in pt-BR. */
function localDateTemplate(tpl: string, locale: Locale): string {
  if (locale === "en") return tpl;
  return tpl.replace("{M}/{D}", "{D}/{M}").replace("{h}", "{H}").replace("{aa}", "");
}

const namesCache = new Map<Locale, uPlot.DateNames>();
function dateNames(locale: Locale): uPlot.DateNames {
  let names = namesCache.get(locale);
  if (!names) {
    // One formatter per style: building an Intl.DateTimeFormat costs far more than using one
    // (28 of them were a tenth of the Monitor's first chart).
    const names12 = (style: "long" | "short") => {
      const f = new Intl.DateTimeFormat(locale, { month: style, timeZone: "UTC" });
      return [...Array(12).keys()].map((m) => f.format(Date.UTC(2024, m, 15)));
    };
    // 2024-01-07 was a Sunday: uPlot's week starts on Sunday.
    const names7 = (style: "long" | "short") => {
      const f = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: "UTC" });
      return [...Array(7).keys()].map((d) => f.format(Date.UTC(2024, 0, 7 + d)));
    };
    names = {
      MMMM: names12("long"),
      MMM: names12("short"),
      WWWW: names7("long"),
      WWW: names7("short"),
    };
    namesCache.set(locale, names);
  }
  return names;
}

export function chartSummary(
  title: string,
  unit: string,
  series: ChartSeries[],
  t: Translate<MonitorMessageKey>,
): string {
  const parts = series.map((s) => {
    const values = s.values.filter((v): v is number => v !== null);
    if (values.length === 0) return t("chart.noData", { label: s.label });
    const last = values[values.length - 1];
    return t("chart.series", {
      label: s.label,
      last,
      unit,
      min: Math.min(...values),
      max: Math.max(...values),
    });
  });
  return `${title}. ${parts.join("; ")}.`;
}

export function TimeSeriesChart({
  title,
  unit,
  xs,
  series,
  syncKey,
  height = 200,
  reference,
  yMin,
  yMax,
  decimals = 2,
}: TimeSeriesChartProps) {
  const t = useT(monitorMessages);
  const locale = useLocale();
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The data as of the latest render, for a plot created after its effect was scheduled.
  const latest = useRef({ xs, series, reference });
  latest.current = { xs, series, reference };
  const shape = `${series.map((s) => s.label).join("|")}|${reference?.value ?? ""}|${yMin ?? ""}|${yMax ?? ""}`;

  // Recreate the plot only when its shape changes; new data goes through setData.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shape` stands for the options
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const dark = prefersDark();
    const axisStroke = dark ? "#94a3b8" : "#475569";
    const grid = dark ? "rgba(148,163,184,0.12)" : "rgba(100,116,139,0.15)";
    const fmt = (v: number | null) =>
      v === null || v === undefined ? "—" : `${formatFixed(locale, v, decimals)} ${unit}`;
    // With the cursor away the legend reads the latest point, not a row of dashes.
    const lastIndex = (u: uPlot, series: number) => {
      const values = u.data[series] ?? [];
      for (let i = values.length - 1; i >= 0; i--) if (values[i] != null) return i;
      return null;
    };
    const time = uPlot.fmtDate(
      localDateTemplate("{MMM} {D} {h}:{mm}{aa}", locale),
      dateNames(locale),
    );
    // Everything but the width, which the ResizeObserver below gives.
    const opts: Omit<uPlot.Options, "width"> = {
      // Month and day names, and the clock, in the reader's locale.
      fmtDate: (tpl) => uPlot.fmtDate(localDateTemplate(tpl, locale), dateNames(locale)),
      height,
      cursor: syncKey
        ? { sync: { key: syncKey, setSeries: false }, drag: { x: false, y: false } }
        : undefined,
      legend: { show: true, live: true },
      scales: {
        x: { time: true },
        y: {
          range: (_u, min, max) => [
            yMin ?? Math.min(min, reference?.value ?? min),
            yMax ?? Math.max(max, reference?.value ?? max),
          ],
        },
      },
      axes: [
        { stroke: axisStroke, grid: { stroke: grid }, ticks: { stroke: grid } },
        {
          stroke: axisStroke,
          grid: { stroke: grid },
          ticks: { stroke: grid },
          // The axis says what it measures in.
          label: unit,
          labelSize: 18,
          labelFont: "12px system-ui, sans-serif",
          size: 58,
          values: (_u, vals) =>
            vals.map((v) =>
              Math.abs(v) >= 1000
                ? `${formatFixed(locale, v / 1000, 1)}k`
                : formatNumber(locale, v, { maximumFractionDigits: decimals }),
            ),
        },
      ],
      series: [
        {
          label: t("chart.time"),
          value: (u: uPlot, v: number | null) => {
            if (v != null) return time(new Date(v * 1000));
            const i = lastIndex(u, 0);
            return i === null
              ? "—"
              : t("chart.latestAt", { time: time(new Date((u.data[0][i] as number) * 1000)) });
          },
        },
        ...series.map((s, k) => ({
          label: s.label,
          stroke: s.color,
          width: 1.5,
          dash: s.dash,
          value: (u: uPlot, v: number | null, _series: number, idx: number | null) => {
            if (idx != null) return fmt(v);
            const i = lastIndex(u, k + 1);
            return i === null ? "—" : fmt(u.data[k + 1][i] as number);
          },
          spanGaps: false,
        })),
        ...(reference
          ? [
              {
                label: reference.label,
                stroke: dark ? "#f87171" : "#dc2626",
                width: 1,
                dash: [4, 4],
                value: () =>
                  `${formatNumber(locale, reference.value, { maximumFractionDigits: 3 })} ${unit}`,
              },
            ]
          : []),
      ],
    };
    // The width comes from a ResizeObserver, which the browser calls after a layout it does
    // anyway: reading clientWidth here would force a layout of the whole page for every chart.
    // Its first call creates the plot (one per task, see schedulePlot); later ones resize it.
    let u: uPlot | undefined;
    let cancel: (() => void) | undefined;
    let width = 0;
    const ro = new ResizeObserver(([entry]) => {
      const next = Math.max(200, Math.floor(entry.contentRect.width));
      if (next === width) return;
      width = next;
      if (u) u.setSize({ width, height });
      else
        cancel ??= schedulePlot(() => {
          const now = latest.current;
          const data = [
            now.xs,
            ...now.series.map((s) => s.values),
            ...(now.reference ? [now.xs.map(() => now.reference?.value ?? null)] : []),
          ] as uPlot.AlignedData;
          u = new uPlot({ ...opts, width }, data, el);
          plot.current = u;
        });
    });
    ro.observe(el);
    return () => {
      cancel?.();
      ro.disconnect();
      u?.destroy();
      plot.current = null;
    };
  }, [shape, height, syncKey, unit, decimals, locale, t]);

  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    u.setData([
      xs,
      ...series.map((s) => s.values),
      ...(reference ? [xs.map(() => reference.value)] : []),
    ] as uPlot.AlignedData);
  }, [xs, series, reference]);

  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-sm font-medium text-slate-700 dark:text-slate-200">
        {title}
      </figcaption>
      <div
        ref={container}
        role="img"
        aria-label={chartSummary(title, unit, series, t)}
        className="tesserra-chart"
      />
    </figure>
  );
}
