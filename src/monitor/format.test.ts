import { describe, expect, it } from "vitest";
import { loadLocale, translator } from "../i18n";
import {
  budgetHealth,
  burnHealth,
  describeDrillEvent,
  formatBudget,
  formatRate,
  formatSeconds,
  formatSli,
  regionLabel,
  thresholdFor,
  zoneHealth,
  zoneRegion,
} from "./format";
import { monitorMessages } from "./i18n";

const t = translator(monitorMessages, "en");

describe("monitor formatting", () => {
  it("tells a zone with no replicas from a healthy one", () => {
    const zone = (saudavel: boolean, replicas_saudaveis: number, replicas_total: number) =>
      zoneHealth({ saudavel, replicas_saudaveis, replicas_total });
    expect(zone(true, 2, 2)).toBe("ok");
    expect(zone(true, 1, 2)).toBe("degraded");
    expect(zone(true, 0, 0)).toBe("empty");
    expect(zone(false, 0, 0)).toBe("down");
    expect(zone(false, 2, 2)).toBe("down");
  });

  it("shows SLIs with the digits that matter", () => {
    expect(formatSli(99.98751)).toBe("99.988 %");
    expect(formatSli(99.4)).toBe("99.40 %");
    expect(formatSli(97.25)).toBe("97.3 %");
  });

  it("shows budgets, including overspent ones", () => {
    expect(formatBudget(0.74998)).toBe("75 %");
    expect(formatBudget(-1.5)).toBe("-150 %");
    expect(budgetHealth(-0.01)).toBe("critical");
    expect(budgetHealth(0)).toBe("critical");
    expect(budgetHealth(0.2)).toBe("warning");
    expect(budgetHealth(0.6)).toBe("ok");
  });

  it("judges burn rates against the alert thresholds of their windows", () => {
    expect(thresholdFor("5m")).toBe(14.4);
    expect(thresholdFor("1h")).toBe(14.4);
    expect(thresholdFor("30m")).toBe(6);
    expect(thresholdFor("6h")).toBe(1);
    expect(thresholdFor("3d")).toBe(1);
    expect(burnHealth("1h", 14.4)).toBe("warning");
    expect(burnHealth("1h", 14.5)).toBe("critical");
    expect(burnHealth("3d", 0.9)).toBe("ok");
    expect(formatRate(0.1805)).toBe("0.18×");
    expect(formatRate(16.21)).toBe("16.2×");
  });

  it("speaks durations and drill events plainly", () => {
    expect(formatSeconds(32)).toBe("32 s");
    expect(formatSeconds(125)).toBe("2 min 5 s");
    expect(formatSeconds(3780)).toBe("1 h 3 min");
    expect(describeDrillEvent("trafego-realocado", t, "us-east-1")).toBe(
      "Gateway moved traffic to Ashburn",
    );
    expect(describeDrillEvent("falha-detectada", t, "sa-east-1")).toBe(
      "Health checks declared the region unhealthy",
    );
    expect(regionLabel("eu-central-1")).toBe("Frankfurt (eu-central-1)");
    // A zone drill's events name the zone, and say the region keeps serving.
    expect(describeDrillEvent("falha-detectada", t, "sa-east-1b")).toBe(
      "Health checks declared zone sa-east-1b unhealthy; its region keeps serving",
    );
    expect(describeDrillEvent("zona-indisponivel", t, "us-east-1a")).toBe(
      "Zone us-east-1a taken down",
    );
    expect(zoneRegion("eu-central-1c")).toBe("eu-central-1");
    expect(zoneRegion("eu-central-1")).toBeUndefined();
    expect(zoneRegion("eu-central-1d")).toBeUndefined();
  });
});

describe("monitor formatting in Portuguese", () => {
  it("writes decimals with a comma and translates drill events", async () => {
    await loadLocale("pt-BR");
    expect(formatSli(99.98751, "pt-BR")).toBe("99,988 %");
    expect(formatRate(0.1805, "pt-BR")).toBe("0,18×");
    expect(formatSeconds(12.5, "pt-BR")).toBe("12,5 s");
    expect(
      describeDrillEvent("trafego-realocado", translator(monitorMessages, "pt-BR"), "us-east-1"),
    ).toBe("O gateway moveu o tráfego para Ashburn");
  });
});
