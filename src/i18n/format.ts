/** Numbers, money, dates and durations in the reader's locale, through `Intl`. */
import type { Locale } from "./index";

type IntlFormat =
  | Intl.NumberFormat
  | Intl.DateTimeFormat
  | Intl.RelativeTimeFormat
  | Intl.ListFormat;
const cache = new Map<string, IntlFormat>();
function cached<T extends IntlFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export function formatNumber(
  locale: Locale,
  n: number,
  options: Intl.NumberFormatOptions = {},
): string {
  return cached(
    `n${locale}${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(locale, options),
  ).format(n);
}

/** A number with exactly `digits` decimals, the locale's way (2.50 / 2,50). */
export function formatFixed(locale: Locale, n: number, digits: number, grouping = true): string {
  return formatNumber(locale, n, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: grouping,
  });
}

/** A percentage given in percent (99.95 → "99.95%" in English, "99,95%" in Portuguese). */
export function formatPercent(locale: Locale, pct: number, fractionDigits: number): string {
  return formatNumber(locale, pct / 100, {
    style: "percent",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
}

/** US dollars, the currency Tesserra bills in. */
export function formatUsd(locale: Locale, n: number): string {
  return formatNumber(locale, n, { style: "currency", currency: "USD", minimumFractionDigits: 2 });
}

export function formatDateTime(locale: Locale, at: number | string | Date): string {
  return cached(
    `d${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" }),
  ).format(new Date(at));
}

export function formatTime(locale: Locale, at: number | string | Date): string {
  return cached(
    `t${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeStyle: "medium" }),
  ).format(new Date(at));
}

/** "5 minutes ago" / "há 5 minutos": the largest whole unit of the distance from now. */
export function formatRelative(
  locale: Locale,
  at: number | string | Date,
  now = Date.now(),
): string {
  const seconds = Math.round((new Date(at).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const rtf = cached(`r${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  if (abs < 10) return rtf.format(0, "second");
  if (abs < 60) return rtf.format(seconds, "second");
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86_400), "day");
}

/** A list joined the locale's way: "a, b or c" / "a, b ou c". */
export function formatList(
  locale: Locale,
  items: readonly string[],
  type: "conjunction" | "disjunction" = "conjunction",
): string {
  return cached(
    `l${locale}${type}`,
    () => new Intl.ListFormat(locale, { style: "long", type }),
  ).format(items);
}
