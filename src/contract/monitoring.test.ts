import { describe, expect, it } from "vitest";
import { MetricasSchema } from "./monitoring";

const series = (pontos: unknown) => ({
  serie: "trafego",
  regiao: "global",
  passo: 60,
  unidade: "rpm",
  pontos,
});

describe("a series' points", () => {
  it("accepts [epoch seconds, value or null] pairs", () => {
    expect(
      MetricasSchema.safeParse(
        series([
          [60, 1.5],
          [120, null],
        ]),
      ).success,
    ).toBe(true);
  });

  it("refuses anything else, and more than 10,000 points", () => {
    for (const bad of [
      [[1.5, 2]],
      [[60, "2"]],
      [[60]],
      [[60, 1, 2]],
      [[60, Number.POSITIVE_INFINITY]],
      "points",
      Array.from({ length: 10_001 }, (_, i) => [i, 0]),
    ])
      expect(MetricasSchema.safeParse(series(bad)).success, JSON.stringify(bad).slice(0, 30)).toBe(
        false,
      );
  });
});
