import { describe, expect, it } from "vitest";
import { GLOBAL_SAAS } from "../blueprint";
import { connectAll, type Doc } from "./doc";
import { impliedConnections } from "./flow";

describe("implied connections", () => {
  it("draws the traffic the contract implies when the blueprint names none", () => {
    const doc = structuredClone(GLOBAL_SAAS) as unknown as Doc;
    expect(impliedConnections(doc)).toEqual([
      ["global-dns", "app-global"],
      ["app-global", "db-global"],
    ]);
  });

  it("draws none once any connection is written, and writing them is what makes them explicit", () => {
    const doc = structuredClone(GLOBAL_SAAS) as unknown as Doc;
    const explicit = connectAll(doc, impliedConnections(doc));
    expect(impliedConnections(explicit)).toEqual([]);
    expect((explicit.recursos as { conexoes?: string[] }[]).map((r) => r.conexoes)).toEqual([
      ["db-global"],
      undefined,
      ["app-global"],
      undefined,
    ]);
  });

  it("includes sentinels in front of gateways and archives behind web computes", () => {
    const doc = {
      nome: "x",
      resiliencia: "zona-unica",
      recursos: [
        { tipo: "sentinel", nome: "waf", config: {} },
        { tipo: "gateway", nome: "edge", config: {} },
        { tipo: "compute", nome: "api", config: { subtipo: "web" } },
        { tipo: "compute", nome: "jobs", config: { subtipo: "worker" } },
        { tipo: "archive", nome: "files", config: {} },
      ],
    } as unknown as Doc;
    expect(impliedConnections(doc)).toEqual([
      ["waf", "edge"],
      ["edge", "api"],
      ["api", "files"],
    ]);
  });
});
