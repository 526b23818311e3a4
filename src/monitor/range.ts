/** The query window each of the Monitor's time ranges asks the server for. Pure. */
import { TIME_RANGES, type TimeRangeId } from "./format";

/**
 * The window ends at the current minute (rounded down), so every chart of one render asks for
 * the same window and the query key only changes when a new minute of data exists.
 */
export function queryWindow(range: TimeRangeId, now: number): { de: string; ate: string } {
  const ms = TIME_RANGES.find((r) => r.id === range)?.ms ?? TIME_RANGES[2].ms;
  const ate = Math.floor(now / 60_000) * 60_000;
  return { de: new Date(ate - ms).toISOString(), ate: new Date(ate).toISOString() };
}
