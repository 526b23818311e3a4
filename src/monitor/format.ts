/** Presentation of monitoring numbers: pure, tested, one place for wording and thresholds. */
import { findRegion } from "../blueprint";
import { ALERT_RULES, type BurnWindow } from "../slo/slo";

export function regionLabel(id: string): string {
  const r = findRegion(id);
  return r ? `${r.city} (${id})` : id;
}

export function cityOf(id: string): string {
  return findRegion(id)?.city ?? id;
}

/** An SLI percentage with enough digits to tell 99.95 from 99.99. */
export function formatSli(pct: number): string {
  if (pct >= 99.9) return `${pct.toFixed(3)} %`;
  if (pct >= 99) return `${pct.toFixed(2)} %`;
  return `${pct.toFixed(1)} %`;
}

/** Budget remaining as a percentage of the budget; negative when overspent. */
export function formatBudget(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10} %`;
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

export function formatRate(rate: number): string {
  if (rate === 0) return "0×";
  if (rate < 0.01) return "<0.01×";
  return `${rate < 10 ? rate.toFixed(2) : rate.toFixed(1)}×`;
}

/** Simulated seconds as a short duration: "45 s", "2 min 5 s", "1 h 3 min". */
export function formatSeconds(s: number): string {
  if (s < 60) return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  if (m < 60) return rest ? `${m} min ${rest} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return `${h} h ${m - h * 60} min`;
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat("en", {
    notation: n >= 100_000 ? "compact" : "standard",
    maximumFractionDigits: 1,
  }).format(n);
}

const DRILL_EVENTS: Record<string, string> = {
  "regiao-indisponivel": "Region taken down",
  "falha-detectada": "Health checks declared the region unhealthy",
  "trafego-realocado": "Gateway moved traffic to",
  "replica-promovida": "Datastore replica promoted to primary in",
  "regiao-restabelecida": "Region back up",
  "trafego-restaurado": "Traffic restored to",
};

export function describeDrillEvent(evento: string, regiao?: string): string {
  const text = DRILL_EVENTS[evento] ?? evento;
  return text.endsWith(" to") || text.endsWith(" in")
    ? `${text} ${regiao ? cityOf(regiao) : "—"}`
    : text;
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
