import { describe, expect, it } from "vitest";
import { type Finding, GLOBAL_SAAS } from "../blueprint";
import { loadLocale, translator } from "../i18n";
import { connectAll, type Doc } from "./doc";
import { deriveEdges, freeSpotNear, impliedConnections, NODE_H, NODE_W } from "./flow";
import { designerMessages } from "./i18n";

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

describe("a free spot for a new node", () => {
  const at = (positions: Record<string, { x: number; y: number }>) =>
    ({
      nome: "x",
      resiliencia: "zona-unica",
      recursos: [],
      diagrama: { posicoes: positions },
    }) as unknown as Doc;

  it("is the centre when nothing is there, and never on top of another node", () => {
    const centre = { x: 500, y: 300 };
    expect(freeSpotNear(at({}), centre)).toEqual({ x: 500 - NODE_W / 2, y: 300 - NODE_H / 2 });
    let doc = at({});
    const placed: { x: number; y: number }[] = [];
    for (let i = 0; i < 9; i++) {
      const p = freeSpotNear(doc, centre);
      for (const q of placed)
        expect(Math.abs(p.x - q.x) >= NODE_W || Math.abs(p.y - q.y) >= NODE_H).toBe(true);
      placed.push(p);
      doc = at(Object.fromEntries(placed.map((q, j) => [`n${j}`, q])));
    }
  });
});

describe("edge labels", () => {
  const doc = {
    nome: "x",
    resiliencia: "zona-unica",
    recursos: [
      { tipo: "gateway", nome: "edge", config: {}, conexoes: ["api", "db"] },
      { tipo: "compute", nome: "api", config: { subtipo: "web" }, conexoes: ["db"] },
      { tipo: "datastore", nome: "db", config: {} },
    ],
  } as unknown as Doc;
  const refused: Finding[] = [
    {
      codigo: "conexao-invalida",
      severidade: "erro",
      ponteiro: "/recursos/0/conexoes/1",
      mensagem: "gateway cannot reach a datastore",
    },
  ];

  it("names both ends of every connection, and says when one is not allowed", async () => {
    await loadLocale("pt-BR");
    const labels = deriveEdges(doc, refused, translator(designerMessages, "en")).map(
      (e) => e.ariaLabel,
    );
    expect(labels).toEqual([
      "Connection from edge to api",
      "Connection from edge to db (not allowed)",
      "Connection from api to db",
    ]);
    const pt = deriveEdges(doc, refused, translator(designerMessages, "pt-BR")).map(
      (e) => e.ariaLabel,
    );
    expect(pt[1]).toBe("Conexão de edge para db (não permitida)");
  });

  it("words the implied connections of a blueprint that names none", () => {
    const saas = structuredClone(GLOBAL_SAAS) as unknown as Doc;
    expect(
      deriveEdges(saas, [], translator(designerMessages, "en")).map((e) => e.ariaLabel),
    ).toEqual([
      "Implied connection from global-dns to app-global (not in the blueprint yet)",
      "Implied connection from app-global to db-global (not in the blueprint yet)",
    ]);
  });
});
