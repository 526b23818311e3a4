import type { ChartData } from "./charts";
import { TimeSeriesChart } from "./TimeSeriesChart";

/** The chart grid; every chart shares one cursor. */
export function MonitorCharts({
  charts,
  syncKey = "monitor",
}: {
  charts: ChartData[];
  syncKey?: string;
}) {
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-2" data-testid="monitor-charts">
      {charts.map((c) => (
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
      ))}
    </div>
  );
}
