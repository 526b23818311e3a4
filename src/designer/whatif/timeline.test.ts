import { describe, expect, it } from "vitest";
import {
  assess,
  drillFacts,
  GLOBAL_SAAS,
  normalizeBlueprint,
  SINGLE_REGION_WEB,
} from "../../blueprint";
import { reached, simulate, stateAt } from "./timeline";

const saas = normalizeBlueprint(GLOBAL_SAAS);
const run = (tipo: "perda-regiao" | "perda-zona", regiao: string, bp = saas) =>
  simulate(assess(bp), drillFacts(bp), tipo, regiao);

describe("a failure simulation's timeline", () => {
  it("losing the primary's region: detected at 30 s, traffic at 32 s, promoted at 36 s", () => {
    const sim = run("perda-regiao", "sa-east-1");
    expect(sim?.phases).toEqual([
      { at: 0, kind: "loss" },
      { at: 30, kind: "detected" },
      { at: 32, kind: "traffic" },
      { at: 36, kind: "promoted" },
    ]);
    expect(sim).toMatchObject({ end: 36, regionOut: true, promotedTo: "us-east-1", holds: true });
    if (!sim) return;
    // Writes are lost when the replica is promoted; the budget is spent pro rata.
    expect(stateAt(sim, 35)).toMatchObject({ trafficMoved: true, promoted: false, writesLost: 0 });
    expect(stateAt(sim, 36)).toMatchObject({ promoted: true, writesLost: 2.5 });
    expect(stateAt(sim, 18).budgetSpent).toBeCloseTo(0.009921 / 2, 9);
    expect(reached(sim, 31).map((p) => p.kind)).toEqual(["loss", "detected"]);
  });

  it("another region: no primary there, recovered when traffic moves (32 s)", () => {
    const sim = run("perda-regiao", "us-east-1");
    expect(sim?.phases.map((p) => p.kind)).toEqual(["loss", "detected", "traffic"]);
    expect(sim).toMatchObject({ end: 32, promotedTo: null });
  });

  it("a zone loss that takes a one-replica-per-region region out plays like the region's", () => {
    const sim = run("perda-zona", "eu-central-1");
    expect(sim).toMatchObject({ zona: "eu-central-1a", regionOut: true, end: 32 });
  });

  it("a single region without a gateway: detected, then down, nothing holds", () => {
    const bp = normalizeBlueprint(SINGLE_REGION_WEB);
    const sim = run("perda-regiao", "sa-east-1", bp);
    expect(sim?.phases.map((p) => p.kind)).toEqual(["loss", "detected", "down"]);
    expect(sim).toMatchObject({ holds: null, promotedTo: null });
    // Zone a is ridden out in the region: the standby is promoted there.
    const zone = run("perda-zona", "sa-east-1", bp);
    expect(zone).toMatchObject({ regionOut: false, promotedTo: "sa-east-1", holds: true });
    expect(zone?.phases.map((p) => p.kind)).toEqual(["loss", "detected", "promoted"]);
  });
});
