import { describe, expect, it } from "vitest";
import type { Metricas } from "../contract/monitoring";
import { translator } from "../i18n";
import { buildCharts, chartInputs } from "./charts";
import { monitorMessages } from "./i18n";
import { seriesRequests } from "./series";

const m = (
  serie: Metricas["serie"],
  regiao: string,
  pontos: [number, number | null][],
): Metricas => ({
  serie,
  regiao,
  passo: 60,
  unidade: "",
  pontos,
});

describe("monitor charts", () => {
  it("asks for every series the charts draw", () => {
    const keys = seriesRequests(["sa-east-1", "us-east-1"]).map((r) => r.key);
    expect(keys).toEqual([
      "disponibilidade@global",
      "disponibilidade@sa-east-1",
      "disponibilidade@us-east-1",
      "latencia_p50@global",
      "latencia_p95@global",
      "latencia_p99@global",
      "taxa_erro@sa-east-1",
      "taxa_erro@us-east-1",
      "trafego@sa-east-1",
      "trafego@us-east-1",
      "atraso_replicacao@sa-east-1",
      "atraso_replicacao@us-east-1",
    ]);
  });

  it("aligns every series on the same timestamps, with gaps where one lacks a point", () => {
    const data = new Map([
      [
        "disponibilidade@global",
        m("disponibilidade", "global", [
          [60, 99.9],
          [120, 99.8],
          [180, 100],
        ]),
      ],
      [
        "trafego@sa-east-1",
        m("trafego", "sa-east-1", [
          [60, 10],
          [180, 12],
        ]),
      ],
    ]);
    const charts = buildCharts(
      data,
      ["sa-east-1"],
      { objetivo: 99.95, limiarMs: 300 },
      translator(monitorMessages, "en"),
    );
    expect(charts.map((c) => c.id)).toEqual([
      "availability",
      "latency",
      "errors",
      "traffic",
      "lag",
    ]);
    const traffic = charts.find((c) => c.id === "traffic");
    expect(traffic?.xs).toEqual([60, 120, 180]);
    expect(traffic?.series[0]).toMatchObject({ label: "São Paulo", values: [10, null, 12] });
    expect(charts[0].reference).toEqual({ value: 99.95, label: "Objective" });
    expect(charts[1].reference).toEqual({ value: 300, label: "SLO threshold" });
    // A series never fetched is all gaps, not zeros.
    expect(charts.find((c) => c.id === "lag")?.series[0].values).toEqual([null, null, null]);
  });

  it("names the series each chart draws, so a chart can be drawn once its own are in", () => {
    const regions = ["sa-east-1", "us-east-1"];
    const inputs = chartInputs(regions);
    const all = new Set(seriesRequests(regions).map((r) => r.key));
    const charts = buildCharts(new Map(), regions, {}, translator(monitorMessages, "en"));
    expect(inputs.map((c) => c.id)).toEqual(charts.map((c) => c.id));
    inputs.forEach((c, i) => {
      expect(c.keys).toHaveLength(charts[i].series.length);
      for (const k of c.keys) expect(all).toContain(k);
    });
    // Every region's lag: the primary's series is a gap while it is the primary.
    expect(inputs.find((c) => c.id === "lag")?.keys).toEqual([
      "atraso_replicacao@sa-east-1",
      "atraso_replicacao@us-east-1",
    ]);
    expect(inputs.find((c) => c.id === "latency")?.keys).toEqual([
      "latencia_p50@global",
      "latencia_p95@global",
      "latencia_p99@global",
    ]);
    // Only the charts asked for are built.
    const some = buildCharts(
      new Map(),
      regions,
      {},
      translator(monitorMessages, "en"),
      new Set(["traffic", "errors"]),
    );
    expect(some.map((c) => c.id)).toEqual(["errors", "traffic"]);
  });
});
