import { describe, expect, it } from "vitest";
import { changedPointers, diffBlueprints, isEmptyPlan } from "./diff";
import { GLOBAL_SAAS } from "./templates";

const clone = <T>(v: T): T => structuredClone(v);

describe("diffBlueprints", () => {
  it("finds nothing to do between a blueprint and itself, whatever the layout", () => {
    const moved = clone(GLOBAL_SAAS) as Record<string, unknown>;
    moved.diagrama = { posicoes: { api: { x: 1, y: 2 } } };
    expect(isEmptyPlan(diffBlueprints(GLOBAL_SAAS, moved))).toBe(true);
  });

  it("lists created, changed (with the fields) and removed resources", () => {
    const next = clone(GLOBAL_SAAS);
    const api = next.recursos.find((r) => r.nome === "app-global");
    if (api?.tipo !== "compute") throw new Error("seed has a compute named app-global");
    api.config.replicas_max = 40;
    next.recursos = next.recursos.filter((r) => r.nome !== "global-insight");
    next.recursos.push({ tipo: "archive", nome: "backups", config: {} });
    const plano = diffBlueprints(GLOBAL_SAAS, next);
    expect(plano.criar).toEqual(["backups"]);
    expect(plano.remover).toEqual(["global-insight"]);
    expect(plano.alterar).toEqual([{ nome: "app-global", campos: ["/config/replicas_max"] }]);
  });

  it("marks every kept resource as changed when the regions change", () => {
    const next = clone(GLOBAL_SAAS);
    next.regioes = ["sa-east-1", "us-east-1"];
    const plano = diffBlueprints(GLOBAL_SAAS, next);
    expect(plano.alterar.map((a) => a.nome).sort()).toEqual(
      GLOBAL_SAAS.recursos.map((r) => r.nome).sort(),
    );
    expect(plano.alterar.every((a) => a.campos.includes("/regioes"))).toBe(true);
  });

  it("escapes keys in pointers and compares arrays whole", () => {
    expect(changedPointers({ "a/b": 1 }, { "a/b": 2 })).toEqual(["/a~1b"]);
    expect(changedPointers({ c: [1, 2] }, { c: [2, 1] })).toEqual(["/c"]);
    expect(changedPointers({ c: 1 }, {})).toEqual(["/c"]);
  });
});
