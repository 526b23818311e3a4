/**
 * SLO arithmetic, contract §4. Pure functions over request counts, shared by the emulator
 * (which answers /slos) and the console (which draws burn-down charts).
 */

/** Requests in a window: `good` met the SLI (2xx–4xx, or under the latency threshold). */
export interface RequestCounts {
  good: number;
  total: number;
}

export const BURN_WINDOWS = ["5m", "30m", "1h", "6h", "3d"] as const;
export type BurnWindow = (typeof BURN_WINDOWS)[number];
export type BurnRates = Record<BurnWindow, number>;

export const WINDOW_SECONDS: Record<BurnWindow, number> = {
  "5m": 300,
  "30m": 1800,
  "1h": 3600,
  "6h": 21600,
  "3d": 259200,
};

/** Across regions, aggregate by summing requests, never by averaging percentages. */
export function sumCounts(parts: Iterable<RequestCounts>): RequestCounts {
  let good = 0;
  let total = 0;
  for (const p of parts) {
    good += p.good;
    total += p.total;
  }
  return { good, total };
}

/** The SLI as a fraction; a window without requests broke no promise, so it counts as 1. */
export function sliFraction(c: RequestCounts): number {
  return c.total > 0 ? c.good / c.total : 1;
}

/** Error budget = 1 − objetivo/100 (objetivo in percent, e.g. 99.95 → 0.0005). */
export function errorBudget(objetivo: number): number {
  return 1 - objetivo / 100;
}

/** Budget remaining over the SLO window = 1 − (1 − SLI) / budget; below zero when overspent. */
export function budgetRemaining(window: RequestCounts, objetivo: number): number {
  return 1 - (1 - sliFraction(window)) / errorBudget(objetivo);
}

/** Burn rate over a window = (1 − SLI over it) / budget; 1.0 spends exactly the budget over the SLO window. */
export function burnRate(window: RequestCounts, objetivo: number): number {
  return (1 - sliFraction(window)) / errorBudget(objetivo);
}

export interface AlertRule {
  severidade: "pagina" | "ticket";
  janela_longa: BurnWindow;
  janela_curta: BurnWindow;
  limiar: number;
}

/**
 * Multiwindow, multi-burn-rate alerts (SRE workbook ch. 5), exactly as contract §4:
 * page at 14.4× over 1 h and 5 m (2 % of a 30-day budget in an hour), page at 6× over 6 h and
 * 30 m (5 % in six hours), ticket at 1× over 3 d and 6 h. Both windows must exceed the threshold.
 */
export const ALERT_RULES: readonly AlertRule[] = [
  { severidade: "pagina", janela_longa: "1h", janela_curta: "5m", limiar: 14.4 },
  { severidade: "pagina", janela_longa: "6h", janela_curta: "30m", limiar: 6 },
  { severidade: "ticket", janela_longa: "3d", janela_curta: "6h", limiar: 1 },
];

export interface FiringAlert {
  severidade: "pagina" | "ticket";
  janela_longa: BurnWindow;
  janela_curta: BurnWindow;
}

export function alertsFiring(rates: BurnRates): FiringAlert[] {
  return ALERT_RULES.filter(
    (r) => rates[r.janela_longa] > r.limiar && rates[r.janela_curta] > r.limiar,
  ).map(({ severidade, janela_longa, janela_curta }) => ({
    severidade,
    janela_longa,
    janela_curta,
  }));
}

export function burnRates(windows: Record<BurnWindow, RequestCounts>, objetivo: number): BurnRates {
  return {
    "5m": burnRate(windows["5m"], objetivo),
    "30m": burnRate(windows["30m"], objetivo),
    "1h": burnRate(windows["1h"], objetivo),
    "6h": burnRate(windows["6h"], objetivo),
    "3d": burnRate(windows["3d"], objetivo),
  };
}
