/** How the Monitor's series become charts. Pure. */
import type { Metricas, Serie } from "../contract/monitoring";
import type { Translate } from "../i18n";
import { cityOf, REGION_COLORS } from "./format";
import type { MonitorMessageKey } from "./i18n";
import type { ChartSeries } from "./TimeSeriesChart";

export interface ChartData {
  id: string;
  title: string;
  unit: string;
  xs: number[];
  series: ChartSeries[];
  reference?: { value: number; label: string };
  decimals: number;
}

/** Values aligned on `xs`; a timestamp a series lacks is a gap. */
function aligned(xs: number[], m: Metricas | undefined): (number | null)[] {
  if (!m) return xs.map(() => null);
  // The common case: the series has exactly the reference timestamps (same window and step).
  const p = m.pontos;
  if (p.length === xs.length && p.every(([t], i) => t === xs[i])) return p.map(([, v]) => v);
  const byTime = new Map(m.pontos.map(([t, v]) => [t, v]));
  return xs.map((t) => byTime.get(t) ?? null);
}

type ChartOptions = { objetivo?: number; limiarMs?: number };

interface ChartSpec {
  id: string;
  /** The series (`serie@regiao`) the chart draws, in the Monitor's request order. */
  keys: string[];
  build: (get: (key: string) => (number | null)[], xs: number[]) => ChartData;
}

function chartSpecs(
  regions: string[],
  options: ChartOptions,
  t: Translate<MonitorMessageKey>,
): ChartSpec[] {
  const key = (serie: Serie, regiao: string) => `${serie}@${regiao}`;
  const perRegion = (serie: Serie, among = regions) => ({
    keys: among.map((r) => key(serie, r)),
    series: (get: (k: string) => (number | null)[]) =>
      among.map((r) => ({
        label: cityOf(r),
        color: REGION_COLORS[r] ?? "#64748b",
        values: get(key(serie, r)),
      })),
  });
  const availability = perRegion("disponibilidade");
  const errors = perRegion("taxa_erro");
  const traffic = perRegion("trafego");
  // Every region's lag, as it was at each moment: a region has none (a gap) while it holds
  // the primary, so a promotion shows as one series ending and another starting.
  const lag = perRegion("atraso_replicacao");
  const latency = ["latencia_p50", "latencia_p95", "latencia_p99"] as const;
  return [
    {
      id: "availability",
      keys: [key("disponibilidade", "global"), ...availability.keys],
      build: (get, xs) => ({
        id: "availability",
        title: t("chart.availability"),
        unit: "%",
        xs,
        decimals: 3,
        series: [
          {
            label: t("chart.global"),
            color: "#94a3b8",
            values: get(key("disponibilidade", "global")),
          },
          ...availability.series(get),
        ],
        reference:
          options.objetivo !== undefined
            ? { value: options.objetivo, label: t("chart.objective") }
            : undefined,
      }),
    },
    {
      id: "latency",
      keys: latency.map((l) => key(l, "global")),
      build: (get, xs) => ({
        id: "latency",
        title: t("chart.latency"),
        unit: "ms",
        xs,
        decimals: 0,
        series: [
          { label: "p50", color: "#10b981", values: get(key("latencia_p50", "global")) },
          { label: "p95", color: "#f59e0b", values: get(key("latencia_p95", "global")) },
          { label: "p99", color: "#ef4444", values: get(key("latencia_p99", "global")) },
        ],
        reference:
          options.limiarMs !== undefined
            ? { value: options.limiarMs, label: t("chart.threshold") }
            : undefined,
      }),
    },
    {
      id: "errors",
      keys: errors.keys,
      build: (get, xs) => ({
        id: "errors",
        title: t("chart.errors"),
        unit: "%",
        xs,
        decimals: 3,
        series: errors.series(get),
      }),
    },
    {
      id: "traffic",
      keys: traffic.keys,
      build: (get, xs) => ({
        id: "traffic",
        title: t("chart.traffic"),
        unit: "req/s",
        xs,
        decimals: 0,
        series: traffic.series(get),
      }),
    },
    {
      id: "lag",
      keys: lag.keys,
      build: (get, xs) => ({
        id: "lag",
        title: t("chart.lag"),
        unit: "s",
        xs,
        decimals: 2,
        series: lag.series(get),
      }),
    },
  ];
}

/** Each chart's id and the series it draws: a chart can be drawn once all of them are in. */
export function chartInputs(regions: string[]): { id: string; keys: string[] }[] {
  const noWords = (() => "") as unknown as Translate<MonitorMessageKey>;
  return chartSpecs(regions, {}, noWords).map(({ id, keys }) => ({ id, keys }));
}

/** The charts (all of them, or those named in `only`) from the series in hand. */
export function buildCharts(
  data: ReadonlyMap<string, Metricas>,
  regions: string[],
  options: ChartOptions,
  t: Translate<MonitorMessageKey>,
  only?: ReadonlySet<string>,
): ChartData[] {
  const first = data.get("disponibilidade@global") ?? [...data.values()][0];
  const xs = first ? first.pontos.map(([t]) => t) : [];
  const get = (key: string) => aligned(xs, data.get(key));
  return chartSpecs(regions, options, t)
    .filter((c) => !only || only.has(c.id))
    .map((c) => c.build(get, xs));
}
