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

export function buildCharts(
  data: ReadonlyMap<string, Metricas>,
  regions: string[],
  options: { objetivo?: number; limiarMs?: number; replicaRegions?: string[] },
  t: Translate<MonitorMessageKey>,
): ChartData[] {
  const first = data.get("disponibilidade@global") ?? [...data.values()][0];
  const xs = first ? first.pontos.map(([t]) => t) : [];
  const get = (serie: Serie, regiao: string) => aligned(xs, data.get(`${serie}@${regiao}`));
  const perRegion = (serie: Serie) =>
    regions.map((r) => ({
      label: cityOf(r),
      color: REGION_COLORS[r] ?? "#64748b",
      values: get(serie, r),
    }));
  const replicas = options.replicaRegions ?? regions;
  return [
    {
      id: "availability",
      title: t("chart.availability"),
      unit: "%",
      xs,
      decimals: 3,
      series: [
        { label: t("chart.global"), color: "#94a3b8", values: get("disponibilidade", "global") },
        ...perRegion("disponibilidade"),
      ],
      reference:
        options.objetivo !== undefined
          ? { value: options.objetivo, label: t("chart.objective") }
          : undefined,
    },
    {
      id: "latency",
      title: t("chart.latency"),
      unit: "ms",
      xs,
      decimals: 0,
      series: [
        { label: "p50", color: "#10b981", values: get("latencia_p50", "global") },
        { label: "p95", color: "#f59e0b", values: get("latencia_p95", "global") },
        { label: "p99", color: "#ef4444", values: get("latencia_p99", "global") },
      ],
      reference:
        options.limiarMs !== undefined
          ? { value: options.limiarMs, label: t("chart.threshold") }
          : undefined,
    },
    {
      id: "errors",
      title: t("chart.errors"),
      unit: "%",
      xs,
      decimals: 3,
      series: perRegion("taxa_erro"),
    },
    {
      id: "traffic",
      title: t("chart.traffic"),
      unit: "req/s",
      xs,
      decimals: 0,
      series: perRegion("trafego"),
    },
    {
      id: "lag",
      title: t("chart.lag"),
      unit: "s",
      xs,
      decimals: 2,
      series: replicas.map((r) => ({
        label: cityOf(r),
        color: REGION_COLORS[r] ?? "#64748b",
        values: get("atraso_replicacao", r),
      })),
    },
  ];
}
