import { describe, expect, it, vi } from "vitest";
import { GATEWAY_SHIFT_S, GLOBAL_SAAS, normalizeBlueprint, PROMOTION_S } from "../../src/blueprint";
import { budgetRemaining, burnRate, sumCounts } from "../../src/slo/slo";
import { HOUR_MS, MINUTE_MS, ProjectSim, rttMs, seedOf } from "./model";
import { drillReport, estadoAt, metricasAt, sloStatusAt, stepFor } from "./status";

const bp = normalizeBlueprint(GLOBAL_SAAS); // sa-east-1 (primary), us-east-1, eu-central-1
const NOW = Date.UTC(2026, 10, 20, 15, 30);
const DAY = 86_400_000;

describe("the simulated history", () => {
  it("is the same for the same seed and differs for another", () => {
    const a = new ProjectSim(seedOf("prj_a"), bp, 1);
    const b = new ProjectSim(seedOf("prj_a"), bp, 1);
    const c = new ProjectSim(seedOf("prj_b"), bp, 1);
    const series = (s: ProjectSim) =>
      metricasAt(s, { serie: "trafego", regiao: "global", de: NOW - 30 * DAY, ate: NOW }).pontos;
    expect(series(a)).toEqual(series(b));
    expect(series(a)).not.toEqual(series(c));
  });

  it("follows a daily curve in each region's local time", () => {
    const sim = new ProjectSim(7, bp, 1);
    // Mean requests per local hour over a week: São Paulo (UTC−3) peaks around 16:00 local = 19:00 UTC.
    const byUtcHour = Array.from({ length: 24 }, (_, h) => {
      let sum = 0;
      for (let d = 0; d < 7; d++)
        sum += sim.sample("sa-east-1", Date.UTC(2026, 10, 10 + d, h)).requests;
      return sum;
    });
    const peak = byUtcHour.indexOf(Math.max(...byUtcHour));
    const trough = byUtcHour.indexOf(Math.min(...byUtcHour));
    expect(peak).toBeGreaterThanOrEqual(17);
    expect(peak).toBeLessThanOrEqual(21);
    expect(trough).toBeGreaterThanOrEqual(5);
    expect(trough).toBeLessThanOrEqual(9);
    expect(byUtcHour[peak] / byUtcHour[trough]).toBeGreaterThan(2.5);
  });

  it("has latency that grows with the distance to the primary datastore", () => {
    const sim = new ProjectSim(7, bp, 1);
    const meanP50 = (region: string) => {
      let s = 0;
      for (let m = 0; m < 600; m++) s += sim.sample(region, NOW - m * MINUTE_MS).p50;
      return s / 600;
    };
    expect(rttMs("sa-east-1", "eu-central-1")).toBeGreaterThan(rttMs("sa-east-1", "us-east-1"));
    expect(meanP50("us-east-1")).toBeGreaterThan(meanP50("sa-east-1") + 20);
    expect(meanP50("eu-central-1")).toBeGreaterThan(meanP50("us-east-1"));
  });

  it("has occasional small incidents, and a healthy month overall", () => {
    const sim = new ProjectSim(seedOf("prj_month"), bp, 1);
    const errors = metricasAt(sim, {
      serie: "taxa_erro",
      regiao: "us-east-1",
      de: NOW - 30 * DAY,
      ate: NOW,
      passo: 60 * 5,
    });
    const spikes = errors.pontos.filter(([, v]) => (v ?? 0) > 0.3).length;
    expect(spikes).toBeGreaterThan(0);
    expect(spikes).toBeLessThan(errors.pontos.length * 0.02);
    const status = sloStatusAt(sim, bp, NOW);
    const availability = status.slos.find((s) => s.sli === "disponibilidade");
    expect(availability?.global.sli_pct).toBeGreaterThan(99.95);
    expect(availability?.global.orcamento_restante).toBeGreaterThan(0.2);
  });
});

describe("SLO status", () => {
  const sim = new ProjectSim(seedOf("prj_slo"), bp, 1);
  const status = sloStatusAt(sim, bp, NOW);

  it("lists the insight's SLOs (the contract's defaults here), per region and global", () => {
    expect(status.slos.map((s) => [s.nome, s.sli, s.objetivo, s.janela_dias])).toEqual([
      ["disponibilidade", "disponibilidade", 99.95, 28],
      ["latencia", "latencia", 99, 28],
    ]);
    expect(status.slos[0].regioes.map((r) => r.regiao)).toEqual(bp.regioes);
  });

  it("aggregates globally by summing the regions' requests", () => {
    const perRegion = bp.regioes.map((r) =>
      sim.counts(r, "disponibilidade", undefined, NOW - 28 * DAY, NOW),
    );
    const global = sumCounts(perRegion);
    const slo = status.slos[0];
    expect(slo.global.orcamento_restante).toBeCloseTo(budgetRemaining(global, 99.95), 4);
    expect(slo.global.sli_pct).toBeCloseTo((100 * global.good) / global.total, 4);
    const oneHour = sumCounts(
      bp.regioes.map((r) => sim.counts(r, "disponibilidade", undefined, NOW - HOUR_MS, NOW)),
    );
    expect(slo.global.taxas_queima["1h"]).toBeCloseTo(burnRate(oneHour, 99.95), 3);
  });

  it("carries a burn-down that starts near a full budget and ends at the budget remaining", () => {
    for (const slo of status.slos) {
      const series = slo.orcamento_serie;
      expect(series.length).toBeGreaterThan(100);
      expect(series.length).toBeLessThanOrEqual(1_000);
      expect(series[0][1]).toBeGreaterThan(0.9);
      expect(series[series.length - 1][1]).toBeCloseTo(slo.global.orcamento_restante, 3);
      for (let i = 1; i < series.length; i++)
        expect(series[i][1]).toBeLessThanOrEqual(series[i - 1][1]);
    }
  });

  it("can have its window's hourly sums filled ahead, in slices, and then answers from them", () => {
    const limiars = [undefined, 300];
    const cold = new ProjectSim(seedOf("prj_warm"), bp, 1);
    const coldMinutes = vi.spyOn(cold, "minute");
    const expected = sloStatusAt(cold, bp, NOW);

    const warm = new ProjectSim(seedOf("prj_warm"), bp, 1);
    // A deadline already past computes nothing and says it is not done.
    const minutes = vi.spyOn(warm, "minute");
    expect(warm.warmHours(limiars, NOW - 28 * DAY, NOW, performance.now() - 1)).toBe(false);
    expect(minutes).not.toHaveBeenCalled();
    let slices = 0;
    while (!warm.warmHours(limiars, NOW - 28 * DAY, NOW, performance.now() + 2)) slices++;
    expect(slices).toBeLessThan(10_000);
    minutes.mockClear();
    expect(sloStatusAt(warm, bp, NOW)).toEqual(expected);
    // Only the minutes of the windows' partial hours are left to compute.
    expect(minutes.mock.calls.length).toBeLessThan(coldMinutes.mock.calls.length / 50);
  });

  it("has no project SLOs without an insight resource", () => {
    const noInsight = normalizeBlueprint({
      ...GLOBAL_SAAS,
      recursos: GLOBAL_SAAS.recursos.slice(0, 3),
    });
    expect(sloStatusAt(new ProjectSim(1, noInsight, 1), noInsight, NOW).slos).toEqual([]);
  });
});

describe("metric series", () => {
  const sim = new ProjectSim(seedOf("prj_metrics"), bp, 1);

  it("never returns more than 10,000 points, whatever step is asked", () => {
    const m = metricasAt(sim, {
      serie: "latencia_p99",
      regiao: "global",
      de: NOW - 30 * DAY,
      ate: NOW,
      passo: 60,
    });
    expect(m.pontos.length).toBeLessThanOrEqual(10_000);
    expect(m.passo).toBeGreaterThanOrEqual(300);
    expect(stepFor(30 * DAY)).toBe(3600);
    expect(stepFor(HOUR_MS)).toBe(60);
  });

  it("answers a 30-day range from the warm hours: only the partial hour is computed again", () => {
    metricasAt(sim, { serie: "disponibilidade", regiao: "global", de: NOW - 30 * DAY, ate: NOW });
    // How long this takes is the bench's to say (`npm run bench monitor`); here, what is done.
    const minutes = vi.spyOn(sim, "minute");
    const m = metricasAt(sim, { serie: "trafego", regiao: "global", de: NOW - 30 * DAY, ate: NOW });
    const regions = new Set(minutes.mock.calls.map(([region]) => region));
    expect(regions.size).toBe(3);
    // At most one hour of minutes per region, against 30 days of them cold.
    expect(minutes.mock.calls.length).toBeLessThanOrEqual(3 * 60);
    minutes.mockRestore();
    // Hour-aligned buckets: 720 full hours and the current, partial one (NOW is hh:30).
    expect(m.pontos).toHaveLength(721);
    expect(m.pontos[1][0] - m.pontos[0][0]).toBe(3600);
  });
});

describe("a failover drill", () => {
  const hc = bp.recursos.find((r) => r.tipo === "gateway");

  it("leaves each region's replication lag as it was at each moment around a promotion", () => {
    const sim = new ProjectSim(seedOf("prj_lag"), bp, 1);
    const down = NOW - 2 * HOUR_MS;
    sim.setDrills([{ id: "tf_lag", regiao: "sa-east-1", inicio: down, duracao_s: 600 }]);
    const series = (regiao: string) =>
      metricasAt(sim, {
        serie: "atraso_replicacao",
        regiao,
        de: down - HOUR_MS,
        ate: down + HOUR_MS,
        passo: 300,
      }).pontos;
    const beforeDrill = (ps: [number, number | null][]) =>
      ps.filter(([t]) => t * 1000 + 300_000 <= down).map(([, v]) => v);
    const afterDrill = (ps: [number, number | null][]) =>
      ps.filter(([t]) => t * 1000 >= down + 600_000).map(([, v]) => v);
    // São Paulo held the primary until the drill: no lag (a gap, not 0), then a replica's.
    const sa = series("sa-east-1");
    expect(beforeDrill(sa).every((v) => v === null)).toBe(true);
    expect(afterDrill(sa).every((v) => typeof v === "number" && v > 0)).toBe(true);
    // Ashburn was a replica, then took the primary: its history stays, then a gap.
    const us = series("us-east-1");
    expect(beforeDrill(us).every((v) => typeof v === "number" && v > 0)).toBe(true);
    expect(afterDrill(us).every((v) => v === null)).toBe(true);
  });
  const { intervalo_s, falhas_para_failover } =
    hc?.tipo === "gateway" ? hc.config.health_check : { intervalo_s: 0, falhas_para_failover: 0 };

  it("moves traffic to the nearest healthy region and back, and promotes the nearest replica", () => {
    const clock = 60;
    const sim = new ProjectSim(seedOf("prj_drill"), bp, clock);
    const start = NOW;
    sim.setDrills([{ id: "tf_1", regiao: "sa-east-1", inicio: start, duracao_s: 120 }]);
    const wall = (s: number) => start + (s * 1000) / clock;

    const before = estadoAt(sim, start - 1000);
    expect(before.regioes.every((r) => r.saudavel)).toBe(true);
    expect(before.datastores[0].primario).toBe("sa-east-1");

    const undetected = estadoAt(sim, wall(intervalo_s * falhas_para_failover - 1));
    const sa = undetected.regioes.find((r) => r.id === "sa-east-1");
    expect(sa?.saudavel).toBe(true); // checks have not failed enough times yet
    expect(sa?.zonas.every((z) => z.replicas_saudaveis === 0)).toBe(true);

    const during = estadoAt(
      sim,
      wall(intervalo_s * falhas_para_failover + GATEWAY_SHIFT_S + PROMOTION_S + 1),
    );
    const region = (id: string) => during.regioes.find((r) => r.id === id);
    expect(region("sa-east-1")?.saudavel).toBe(false);
    expect(region("sa-east-1")?.peso_trafego).toBe(0);
    // Ashburn is nearer São Paulo than Frankfurt by great circle.
    expect(region("us-east-1")?.peso_trafego).toBeGreaterThan(
      region("eu-central-1")?.peso_trafego ?? 1,
    );
    expect(during.datastores[0].primario).toBe("us-east-1");
    expect(during.failover).toMatchObject({ regiao: "sa-east-1", teste: "tf_1" });

    const after = estadoAt(sim, wall(120 + intervalo_s + 1));
    expect(after.regioes.every((r) => r.saudavel)).toBe(true);
    expect(after.regioes.find((r) => r.id === "sa-east-1")?.peso_trafego).toBeGreaterThan(0);
    expect(after.failover).toBeNull();
    expect(after.datastores[0].primario).toBe("us-east-1"); // no automatic failback

    const report = drillReport(sim, bp, "tf_1", wall(121 + intervalo_s));
    expect(report).toMatchObject({
      status: "concluido",
      primario_perdido: true,
      deteccao_s: intervalo_s * falhas_para_failover,
      trafego_realocado_s: intervalo_s * falhas_para_failover + GATEWAY_SHIFT_S,
      rto_s: intervalo_s * falhas_para_failover + PROMOTION_S,
    });
    expect(report?.rpo_s).toBeGreaterThan(0); // asynchronous: the lag at the moment of loss
    expect(report?.rpo_s).toBeLessThan(5);
    expect(report?.requisicoes_falhas).toBeGreaterThan(0);
    expect(report?.orcamento_gasto).toBeGreaterThan(0);
    expect(report?.linha_do_tempo.map((e) => e.evento)).toEqual([
      "regiao-indisponivel",
      "falha-detectada",
      "trafego-realocado",
      "replica-promovida",
      "regiao-restabelecida",
      "trafego-restaurado",
    ]);
  });

  it("counts a minute under way up to now: a drill's failures as they happen, never ahead", () => {
    const sim = new ProjectSim(seedOf("prj_partial"), bp, 1);
    const minute = NOW - 10 * MINUTE_MS;
    const down = minute + 30_000; // mid-minute, at real speed
    sim.setDrills([{ id: "tf_p", regiao: "sa-east-1", inicio: down, duracao_s: 600 }]);
    const whole = sim.minute("sa-east-1", minute);
    const upTo = (s: number) => sim.minute("sa-east-1", minute, undefined, minute + s * 1000);
    const plain = sim.sample("sa-east-1", minute);
    // Before the loss: the elapsed share of an ordinary minute, nothing of the drill yet.
    expect(upTo(29).total).toBeCloseTo((plain.requests * 29) / 60, 6);
    expect(upTo(29).bad).toBeCloseTo((plain.requests * plain.errorRate * 29) / 60, 6);
    // Then the failures grow second by second, the requests never go back, and the last
    // second gives the whole minute.
    let previous = upTo(29);
    for (let s = 30; s <= 60; s++) {
      const now = upTo(s);
      expect(now.bad).toBeGreaterThanOrEqual(previous.bad - 1e-9);
      expect(now.total).toBeGreaterThanOrEqual(previous.total - 1e-9);
      previous = now;
    }
    expect(upTo(31).bad).toBeLessThan(whole.bad / 10);
    expect(upTo(60)).toEqual(whole);
  });

  it("loses no writes with synchronous replication, and none when the primary survives", () => {
    const sync = structuredClone(GLOBAL_SAAS);
    (sync.recursos[1].config as { replicacao?: string }).replicacao = "sincrona";
    const syncBp = normalizeBlueprint(sync);
    const sim = new ProjectSim(3, syncBp, 60);
    sim.setDrills([
      { id: "tf_p", regiao: "sa-east-1", inicio: NOW, duracao_s: 60 },
      { id: "tf_r", regiao: "eu-central-1", inicio: NOW + 10 * MINUTE_MS, duracao_s: 60 },
    ]);
    const later = NOW + 20 * MINUTE_MS;
    expect(drillReport(sim, syncBp, "tf_p", later)).toMatchObject({
      primario_perdido: true,
      rpo_s: 0,
      rpo_alvo_s: 0,
    });
    expect(drillReport(sim, syncBp, "tf_r", later)).toMatchObject({
      primario_perdido: false,
      rpo_s: 0,
      rto_s: intervalo_s * falhas_para_failover + GATEWAY_SHIFT_S,
    });
  });

  it("reports nothing it has not yet measured", () => {
    const sim = new ProjectSim(3, bp, 1);
    sim.setDrills([{ id: "tf_x", regiao: "eu-central-1", inicio: NOW, duracao_s: 300 }]);
    expect(drillReport(sim, bp, "tf_x", NOW + 1000)).toMatchObject({
      status: "em-andamento",
      deteccao_s: null,
      rto_s: null,
      requisicoes_falhas: null,
      linha_do_tempo: [expect.objectContaining({ evento: "regiao-indisponivel" })],
    });
  });
});
