/**
 * A project's simulated traffic in the Prometheus text exposition format 0.0.4 (contract §9):
 * `tesserra_requests_total` by region and status class, and the histogram
 * `tesserra_request_duration_seconds` of successful requests, from the same minute samples as
 * the `metricas` series and `/slos`. Over any window, 5xx / all equals 1 − availability, and the
 * share under a latency SLO's threshold is that SLO's SLI.
 *
 * Counters count from when this process started serving the project (an exporter's counters
 * start with it; Prometheus reads a restart as a counter reset). Past whole hours come from the
 * simulation's hourly cache and are summed once; the minute under way counts the requests of
 * its elapsed part (a drill's failures as they happen), so the counters move every second, as a
 * scraper expects.
 */
import type { Slo } from "../../src/blueprint";
import { bucketsFor, leLabel } from "../../src/slo/export";
import { HOUR_MS, MINUTE_MS, normalCdf, type ProjectSim } from "./model";

interface Sums {
  total: number;
  bad: number;
  /** Good requests under each bucket's bound, by bound (seconds). */
  fast: Map<number, number>;
  /** Σ p50 × requests (ms), for the histogram's _sum. */
  p50Weighted: number;
}

const emptySums = (buckets: readonly number[]): Sums => ({
  total: 0,
  bad: 0,
  fast: new Map(buckets.map((b) => [b, 0])),
  p50Weighted: 0,
});

/** The log-normal spread of request latency the simulation uses (p99 = 3.4 × p50). */
const SIGMA = Math.log(3.4) / 2.3263478740408408;
/** Mean over median of that log-normal: the histogram's _sum from the p50s. */
const MEAN_OVER_MEDIAN = Math.exp((SIGMA * SIGMA) / 2);

/** Sums of whole past hours already added, per simulation (a drill starts now: it changes none). */
const settled = new WeakMap<ProjectSim, Map<string, { until: number; sums: Sums }>>();
/** The highest value each series has shown: a counter never goes back. */
const shown = new Map<string, number>();
const SHOWN_MAX = 200_000;

function addOutcome(
  sums: Sums,
  weight: number,
  o: { total: number; bad: number; p50: number },
  fastOf: (b: number) => number,
) {
  sums.total += weight * o.total;
  sums.bad += weight * o.bad;
  sums.p50Weighted += weight * o.p50 * o.total;
  for (const b of sums.fast.keys()) sums.fast.set(b, (sums.fast.get(b) ?? 0) + weight * fastOf(b));
}

/** One region's sums over [origin, now). */
function regionSums(
  sim: ProjectSim,
  region: string,
  buckets: readonly number[],
  origin: number,
  now: number,
): Sums {
  const key = `${region}|${origin}|${buckets.join(",")}`;
  const cache = settled.get(sim) ?? new Map<string, { until: number; sums: Sums }>();
  settled.set(sim, cache);
  const prior = cache.get(key);
  const sums: Sums = prior ? { ...prior.sums, fast: new Map(prior.sums.fast) } : emptySums(buckets);
  let t = prior?.until ?? origin;
  const minute = (at: number, until?: number) => {
    // One minute's outcome (up to `until` for the minute under way), and the share of its good
    // requests under each bound.
    const o = sim.minute(region, at, undefined, until);
    const good = o.total - o.bad;
    addOutcome(sums, 1, o, (b) => good * normalCdf((Math.log(b * 1000) - Math.log(o.p50)) / SIGMA));
  };
  // Minutes up to the first whole hour, whole hours (cached by the simulation), minutes again.
  while (t < now && t % HOUR_MS !== 0 && t + MINUTE_MS <= now) {
    minute(t);
    t += MINUTE_MS;
  }
  while (t % HOUR_MS === 0 && t + HOUR_MS <= now) {
    const plain = sim.hour(region, t);
    const fast = new Map(buckets.map((b) => [b, sim.hour(region, t, b * 1000).fastGood]));
    addOutcome(
      sums,
      1,
      {
        total: plain.total,
        bad: plain.bad,
        p50: plain.total ? plain.p50Weighted / plain.total : 0,
      },
      (b) => fast.get(b) ?? 0,
    );
    t += HOUR_MS;
    if (t + HOUR_MS <= Date.now())
      cache.set(key, { until: t, sums: { ...sums, fast: new Map(sums.fast) } });
  }
  while (t + MINUTE_MS <= now) {
    minute(t);
    t += MINUTE_MS;
  }
  if (t < now) minute(t, now);
  return sums;
}

const label = (v: string) => JSON.stringify(v);
const value = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(3));

/** The exposition text of one project at `now`, counting from `origin`. */
export function expositionOf(
  sim: ProjectSim,
  projeto: string,
  slos: readonly Slo[],
  origin: number,
  now: number,
): string {
  const buckets = bucketsFor(slos);
  const from = Math.floor(origin / MINUTE_MS) * MINUTE_MS;
  const lines = {
    requests: [
      "# HELP tesserra_requests_total Requests the project served, by region and status class.",
      "# TYPE tesserra_requests_total counter",
    ],
    duration: [
      "# HELP tesserra_request_duration_seconds Duration of the requests served successfully.",
      "# TYPE tesserra_request_duration_seconds histogram",
    ],
  };
  const counter = (series: string, x: number) => {
    // A counter never goes back, even when a drill starting mid-minute moves traffic away.
    const before = shown.get(series) ?? 0;
    const v = Math.max(before, x);
    if (shown.size > SHOWN_MAX) shown.clear();
    shown.set(series, v);
    return `${series} ${value(v)}`;
  };
  for (const region of sim.topology.regions) {
    const s = regionSums(sim, region, buckets, from, now);
    const base = `projeto=${label(projeto)},regiao=${label(region)}`;
    lines.requests.push(
      counter(`tesserra_requests_total{${base},codigo="2xx"}`, s.total - s.bad),
      counter(`tesserra_requests_total{${base},codigo="5xx"}`, s.bad),
    );
    for (const b of buckets)
      lines.duration.push(
        counter(
          `tesserra_request_duration_seconds_bucket{${base},le="${leLabel(b)}"}`,
          s.fast.get(b) ?? 0,
        ),
      );
    const good = s.total - s.bad;
    lines.duration.push(
      counter(`tesserra_request_duration_seconds_bucket{${base},le="+Inf"}`, good),
      counter(
        `tesserra_request_duration_seconds_sum{${base}}`,
        s.total > 0 ? ((s.p50Weighted / s.total) * good * MEAN_OVER_MEDIAN) / 1000 : 0,
      ),
      counter(`tesserra_request_duration_seconds_count{${base}}`, good),
    );
  }
  return `${[...lines.requests, ...lines.duration].join("\n")}\n`;
}
