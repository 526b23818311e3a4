import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { GLOBAL_SAAS, TEMPLATES } from "../blueprint";
import { connect, type Doc, withPositions } from "./doc";
import { layoutPlan, placeMissing, positionsFromElk } from "./layoutGraph";

const elk = new ELK();

describe("auto-layout", () => {
  it("lays the seed out left to right: edge, compute, data", async () => {
    let doc = structuredClone(GLOBAL_SAAS) as unknown as Doc;
    doc = connect(connect(doc, "global-dns", "app-global"), "app-global", "db-global");
    const plan = layoutPlan(doc);
    const p = positionsFromElk(await elk.layout(plan.graph), plan.offsets);
    expect(p["global-dns"].x).toBeLessThan(p["app-global"].x);
    expect(p["app-global"].x).toBeLessThan(p["db-global"].x);
  });

  it("keeps the columns without any connection", async () => {
    const plan = layoutPlan(structuredClone(GLOBAL_SAAS) as unknown as Doc);
    const p = positionsFromElk(await elk.layout(plan.graph), plan.offsets);
    expect(p["global-dns"].x).toBeLessThan(p["app-global"].x);
    expect(p["app-global"].x).toBeLessThan(p["db-global"].x);
  });

  it("puts fabric members inside their fabric", async () => {
    const micro = TEMPLATES.find((t) => t.blueprint.recursos.some((r) => r.tipo === "fabric"));
    if (!micro) throw new Error("a template has a fabric");
    const doc = structuredClone(micro.blueprint) as unknown as Doc;
    const plan = layoutPlan(doc);
    const p = positionsFromElk(await elk.layout(plan.graph), plan.offsets);
    for (const r of micro.blueprint.recursos) {
      const fabric = (r.config as { fabric?: string }).fabric;
      if (!fabric) continue;
      expect(p[r.nome].x).toBeGreaterThan(p[fabric].x);
      expect(p[r.nome].y).toBeGreaterThan(p[fabric].y);
    }
  });

  it("places only the resources without a position, below the drawn ones", () => {
    const doc = withPositions(structuredClone(GLOBAL_SAAS) as unknown as Doc, {
      "app-global": { x: 500, y: 100 },
    });
    const laid = {
      "app-global": { x: 0, y: 0 },
      "db-global": { x: 300, y: 0 },
      "global-dns": { x: 0, y: 200 },
      "global-insight": { x: 600, y: 0 },
    };
    const placed = placeMissing(doc, laid);
    expect(Object.keys(placed).sort()).toEqual(["db-global", "global-dns", "global-insight"]);
    for (const p of Object.values(placed)) expect(p.y).toBeGreaterThan(100);
  });
});
