import { Skeleton } from "../ui/States";
import type { ChartData } from "./charts";
import { TimeSeriesChart } from "./TimeSeriesChart";

/** A chart whose series are still on their way. */
export interface PendingChart {
  id: string;
  pending: true;
}

/** A chart's place while its series load: a drawn chart's height (title, plot, legend line). */
export function ChartSkeleton() {
  return <Skeleton className="h-[267px]" />;
}

/**
 * The chart grid; every chart shares one cursor. A chart still waiting for its series keeps
 * its place (a placeholder of its size), so the grid does not move as the charts come in.
 */
export function MonitorCharts({
  charts,
  syncKey = "monitor",
  loadingLabel,
}: {
  charts: (ChartData | PendingChart)[];
  syncKey?: string;
  /** Said to screen readers while some charts are still loading. */
  loadingLabel?: string;
}) {
  const loading = charts.some((c) => "pending" in c);
  return (
    <div
      className="grid grid-cols-1 gap-6 xl:grid-cols-2"
      data-testid="monitor-charts"
      aria-busy={loading || undefined}
    >
      {charts.map((c) =>
        "pending" in c ? (
          <ChartSkeleton key={c.id} />
        ) : (
          <TimeSeriesChart
            key={c.id}
            title={c.title}
            unit={c.unit}
            xs={c.xs}
            series={c.series}
            reference={c.reference}
            decimals={c.decimals}
            syncKey={syncKey}
            height={190}
          />
        ),
      )}
      {loading && loadingLabel ? (
        <p role="status" className="sr-only">
          {loadingLabel}
        </p>
      ) : null}
    </div>
  );
}
