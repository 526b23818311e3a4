import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { GLOBAL_SAAS, TEMPLATES } from "../blueprint";
import { bezierAt, linkCurve } from "./diagramSvg";
import { connect, connectionsOf, type Doc, nameOf, resourcesOf, withPositions } from "./doc";
import { impliedConnections, NODE_H, NODE_W } from "./flow";
import { layoutPlan, placeMissing, positionsFromElk } from "./layoutGraph";

const elk = new ELK();

describe("auto-layout", () => {
  it.each(TEMPLATES.map((t) => [t.title, t] as const))(
    "%s: no connection passes behind a resource",
    async (_title, template) => {
      const doc = structuredClone(template.blueprint) as unknown as Doc;
      const plan = layoutPlan(doc);
      const p = positionsFromElk(await elk.layout(plan.graph), plan.offsets);
      const boxes = new Map(
        resourcesOf(doc)
          .filter((r) => r.tipo !== "fabric")
          .map((r) => [nameOf(r), { ...p[nameOf(r)], w: NODE_W, h: NODE_H }]),
      );
      const links = [
        ...resourcesOf(doc).flatMap((r) => connectionsOf(r).map((t) => [nameOf(r), t] as const)),
        ...impliedConnections(doc),
      ];
      const crossings: string[] = [];
      for (const [source, target] of links) {
        const a = boxes.get(source);
        const b = boxes.get(target);
        if (!a || !b) continue;
        const curve = linkCurve(a, b);
        for (let t = 0.02; t < 1; t += 0.02) {
          const [x, y] = bezierAt(curve, t);
          for (const [name, box] of boxes)
            if (
              name !== source &&
              name !== target &&
              x > box.x &&
              x < box.x + box.w &&
              y > box.y &&
              y < box.y + box.h
            )
              crossings.push(`${source} → ${target} behind ${name}`);
        }
      }
      expect([...new Set(crossings)]).toEqual([]);
    },
  );

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
    const micro = TEMPLATES.find((t) => t.id === "microservices-fabric");
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
    // A compute that another calls sits right of its caller, datastores last: no connection
    // inside the fabric runs backwards through a node.
    expect(p.api.x).toBeLessThan(p.orders.x);
    expect(p.api.x).toBeLessThan(p.payments.x);
    expect(p.orders.x).toBe(p.payments.x);
    expect(p.orders.x).toBeLessThan(p["orders-db"].x);
    // The shorter column sits between the rows of the next.
    expect(p.api.y).toBeGreaterThan(p.orders.y);
    expect(p.api.y).toBeLessThan(p.payments.y);
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
