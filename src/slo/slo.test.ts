import { describe, expect, it } from "vitest";
import {
  alertsFiring,
  type BurnRates,
  budgetRemaining,
  burnRate,
  burnRates,
  errorBudget,
  sliFraction,
  sumCounts,
} from "./slo";

const rates = (r: Partial<BurnRates>): BurnRates => ({
  "5m": 0,
  "30m": 0,
  "1h": 0,
  "6h": 0,
  "3d": 0,
  ...r,
});

describe("SLO arithmetic (contract §4)", () => {
  it("error budget is 1 − objetivo/100", () => {
    expect(errorBudget(99.95)).toBeCloseTo(0.0005, 12);
    expect(errorBudget(99)).toBeCloseTo(0.01, 12);
  });

  it("budget remaining, hand-computed: 99.9 % objective, 1,000,000 requests, 400 bad → 60 % left", () => {
    // budget 0.001; SLI 0.9996; spent 0.0004/0.001 = 0.4
    expect(budgetRemaining({ good: 999_600, total: 1_000_000 }, 99.9)).toBeCloseTo(0.6, 10);
  });

  it("budget remaining goes below zero when overspent: 2,500 bad of 1,000,000 at 99.9 % → −150 %", () => {
    expect(budgetRemaining({ good: 997_500, total: 1_000_000 }, 99.9)).toBeCloseTo(-1.5, 10);
  });

  it("an untouched budget is 100 %, and a window without traffic spends nothing", () => {
    expect(budgetRemaining({ good: 5, total: 5 }, 99.95)).toBe(1);
    expect(sliFraction({ good: 0, total: 0 })).toBe(1);
    expect(burnRate({ good: 0, total: 0 }, 99.9)).toBe(0);
  });

  it("burn rate 1.0 spends exactly the budget: 99 % objective with 1 % errors", () => {
    expect(burnRate({ good: 99_000, total: 100_000 }, 99)).toBeCloseTo(1, 10);
    expect(burnRate({ good: 85_600, total: 100_000 }, 99)).toBeCloseTo(14.4, 10);
  });

  it("aggregates across regions by request counts, not by averaging percentages", () => {
    const saoPaulo = { good: 990, total: 1_000 }; // 99 %
    const frankfurt = { good: 99_990, total: 100_000 }; // 99.99 %
    const global = sumCounts([saoPaulo, frankfurt]);
    expect(global).toEqual({ good: 100_980, total: 101_000 });
    expect(sliFraction(global)).toBeCloseTo(100_980 / 101_000, 12); // 99.980 %, not the mean 99.495 %
    expect(sliFraction(global)).not.toBeCloseTo((0.99 + 0.9999) / 2, 4);
  });

  it("computes the five burn-rate windows", () => {
    const w = (bad: number) => ({ good: 10_000 - bad, total: 10_000 });
    const r = burnRates({ "5m": w(100), "30m": w(50), "1h": w(10), "6h": w(5), "3d": w(1) }, 99.9);
    expect(r["5m"]).toBeCloseTo(10, 8);
    expect(r["30m"]).toBeCloseTo(5, 8);
    expect(r["1h"]).toBeCloseTo(1, 8);
    expect(r["6h"]).toBeCloseTo(0.5, 8);
    expect(r["3d"]).toBeCloseTo(0.1, 8);
  });
});

describe("multiwindow alerts", () => {
  it("pages when 1 h and 5 m both exceed 14.4, not at exactly 14.4 nor on one window alone", () => {
    expect(alertsFiring(rates({ "1h": 14.41, "5m": 14.41 }))).toEqual([
      { severidade: "pagina", janela_longa: "1h", janela_curta: "5m" },
    ]);
    expect(alertsFiring(rates({ "1h": 14.4, "5m": 20 }))).toEqual([]);
    expect(alertsFiring(rates({ "1h": 20, "5m": 14.4 }))).toEqual([]);
    expect(alertsFiring(rates({ "1h": 30 }))).toEqual([]);
  });

  it("pages when 6 h and 30 m both exceed 6", () => {
    expect(alertsFiring(rates({ "6h": 6.01, "30m": 6.01 }))).toEqual([
      { severidade: "pagina", janela_longa: "6h", janela_curta: "30m" },
    ]);
    expect(alertsFiring(rates({ "6h": 6, "30m": 7 }))).toEqual([]);
  });

  it("opens a ticket when 3 d and 6 h both exceed 1", () => {
    expect(alertsFiring(rates({ "3d": 1.001, "6h": 1.001 }))).toEqual([
      { severidade: "ticket", janela_longa: "3d", janela_curta: "6h" },
    ]);
    expect(alertsFiring(rates({ "3d": 1, "6h": 5 }))).toEqual([]);
  });

  it("fires every condition that holds, pages first", () => {
    const all = alertsFiring(rates({ "5m": 20, "30m": 20, "1h": 20, "6h": 20, "3d": 20 }));
    expect(all.map((a) => `${a.severidade}:${a.janela_longa}/${a.janela_curta}`)).toEqual([
      "pagina:1h/5m",
      "pagina:6h/30m",
      "ticket:3d/6h",
    ]);
  });
});
