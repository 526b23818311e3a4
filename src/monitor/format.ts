/** Presentation of monitoring numbers: pure, tested, one place for wording and thresholds. */
import { cityOf, findRegion } from "../blueprint/regions";

export { cityOf };

import { currentLocale, type Locale, type Translate } from "../i18n";
import { formatFixed, formatNumber } from "../i18n/format";
import { ALERT_RULES, type BurnWindow } from "../slo/slo";
import type { MonitorMessageKey } from "./i18n";

export function regionLabel(id: string): string {
  const r = findRegion(id);
  return r ? `${r.city} (${id})` : id;
}

/** An SLI percentage with enough digits to tell 99.95 from 99.99. */
export function formatSli(pct: number, locale: Locale = currentLocale()): string {
  const digits = pct >= 99.9 ? 3 : pct >= 99 ? 2 : 1;
  return `${fixed(locale, pct, digits)} %`;
}

/** Exactly `digits` decimals, without grouping (a rate never reads "1,234.5×"). */
const fixed = (locale: Locale, n: number, digits: number) => formatFixed(locale, n, digits, false);

/**
 * A zone's cell in the health matrix. A zone whose check passes but that runs no replica
 * (the autoscaler spreads fewer replicas than the region has zones) is not "healthy 0 of 0":
 * it is empty, and says so in a neutral colour.
 */
export type ZoneHealth = "down" | "degraded" | "ok" | "empty";

export function zoneHealth(z: {
  saudavel: boolean;
  replicas_saudaveis: number;
  replicas_total: number;
}): ZoneHealth {
  if (!z.saudavel) return "down";
  if (z.replicas_total === 0) return "empty";
  return z.replicas_saudaveis < z.replicas_total ? "degraded" : "ok";
}

/** Budget remaining as a percentage of the budget; negative when overspent. */
export function formatBudget(fraction: number, locale: Locale = currentLocale()): string {
  return `${formatNumber(locale, Math.round(fraction * 1000) / 10, { maximumFractionDigits: 1 })} %`;
}

export type Health = "ok" | "warning" | "critical";

/** Budget health: under 25 % left is a warning, spent (≤ 0) is critical. */
export function budgetHealth(fraction: number): Health {
  if (fraction <= 0) return "critical";
  if (fraction < 0.25) return "warning";
  return "ok";
}

/** The lowest alert threshold that uses a window, for the burn-rate table. */
export function thresholdFor(window: BurnWindow): number {
  return Math.min(
    ...ALERT_RULES.filter((r) => r.janela_longa === window || r.janela_curta === window).map(
      (r) => r.limiar,
    ),
  );
}

/** A burn rate against the thresholds of the windows it takes part in. */
export function burnHealth(window: BurnWindow, rate: number): Health {
  if (rate > thresholdFor(window)) return "critical";
  if (rate > 1) return "warning";
  return "ok";
}

export function formatRate(rate: number, locale: Locale = currentLocale()): string {
  if (rate === 0) return "0×";
  if (rate < 0.01) return `<${fixed(locale, 0.01, 2)}×`;
  return `${fixed(locale, rate, rate < 10 ? 2 : 1)}×`;
}

/** Simulated seconds as a short duration: "45 s", "2 min 5 s", "1 h 3 min". */
export function formatSeconds(s: number, locale: Locale = currentLocale()): string {
  if (s < 60) return `${Number.isInteger(s) ? s : fixed(locale, s, 1)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  if (m < 60) return rest ? `${m} min ${rest} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return `${h} h ${m - h * 60} min`;
}

export function formatCount(n: number, locale: Locale = currentLocale()): string {
  return formatNumber(locale, n, {
    notation: n >= 100_000 ? "compact" : "standard",
    maximumFractionDigits: 1,
  });
}

/** The region a zone id belongs to (`sa-east-1b` → `sa-east-1`), if it is a zone. */
export function zoneRegion(id: string): string | undefined {
  if (findRegion(id)) return undefined;
  const region = id.slice(0, -1);
  return findRegion(region) && /^[abc]$/.test(id.slice(-1)) ? region : undefined;
}

/** A zone drill's events name the zone; the same codes then read as the zone's. */
const ZONE_EVENTS: Record<string, MonitorMessageKey> = {
  "zona-indisponivel": "event.zoneDown",
  "falha-detectada": "event.zoneDetected",
  "zona-restabelecida": "event.zoneUp",
  "trafego-restaurado": "event.zoneRestored",
};

const DRILL_EVENTS: Record<string, MonitorMessageKey> = {
  "regiao-indisponivel": "event.regionDown",
  "falha-detectada": "event.detected",
  "trafego-realocado": "event.moved",
  "replica-promovida": "event.promoted",
  "regiao-restabelecida": "event.regionUp",
  "trafego-restaurado": "event.restored",
};

export function describeDrillEvent(
  evento: string,
  t: Translate<MonitorMessageKey>,
  regiao?: string,
): string {
  const zoneOf = regiao ? zoneRegion(regiao) : undefined;
  const zoneKey = zoneOf ? ZONE_EVENTS[evento] : undefined;
  if (zoneKey && regiao) return t(zoneKey, { zone: regiao, city: cityOf(zoneOf ?? "") });
  const key = DRILL_EVENTS[evento];
  return key ? t(key, { city: regiao ? cityOf(regiao) : "—" }) : evento;
}

/** Line colours for regions, in catalog order, readable on light and dark backgrounds. */
export const REGION_COLORS: Record<string, string> = {
  "sa-east-1": "#10b981",
  "us-east-1": "#6366f1",
  "us-west-1": "#0ea5e9",
  "eu-central-1": "#f59e0b",
  "eu-south-1": "#ec4899",
  "ap-southeast-1": "#8b5cf6",
  "ap-northeast-1": "#ef4444",
};
