/**
 * The Monitor's time ranges and the query window each asks the server for. Pure, and free of
 * imports: the route's preload uses it before the page's code has arrived.
 */
export const TIME_RANGES = [
  { id: "1h", label: "1 h", ms: 3_600_000 },
  { id: "6h", label: "6 h", ms: 6 * 3_600_000 },
  { id: "24h", label: "24 h", ms: 24 * 3_600_000 },
  { id: "7d", label: "7 d", ms: 7 * 86_400_000 },
  { id: "30d", label: "30 d", ms: 30 * 86_400_000 },
] as const;
export type TimeRangeId = (typeof TIME_RANGES)[number]["id"];

/** The range the Monitor opens on. */
export const DEFAULT_RANGE: TimeRangeId = "24h";

/**
 * The window ends at the current minute (rounded down), so every chart of one render asks for
 * the same window and the query key only changes when a new minute of data exists.
 */
export function queryWindow(range: TimeRangeId, now: number): { de: string; ate: string } {
  const ms = TIME_RANGES.find((r) => r.id === range)?.ms ?? TIME_RANGES[2].ms;
  const ate = Math.floor(now / 60_000) * 60_000;
  return { de: new Date(ate - ms).toISOString(), ate: new Date(ate).toISOString() };
}
