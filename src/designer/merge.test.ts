import { describe, expect, it } from "vitest";
import type { Doc } from "./doc";
import { equalJson, mergeDocs } from "./merge";

const base: Doc = {
  versao: "1",
  nome: "shop",
  regioes: ["sa-east-1", "us-east-1"],
  recursos: [
    { tipo: "compute", nome: "web", config: { replicas_min: 2, imagem: "a" } },
    { tipo: "datastore", nome: "db", config: { engine: "postgres" } },
  ],
};

describe("mergeDocs", () => {
  it("keeps a rename from one tab and a replicas edit from the other", () => {
    const a = { ...base, nome: "storefront" };
    const b = structuredClone(base);
    // biome-ignore lint/suspicious/noExplicitAny: test fixture
    (b.recursos as any)[0].config.replicas_min = 6;
    const m = mergeDocs(base, b, a);
    expect(m.nome).toBe("storefront");
    // biome-ignore lint/suspicious/noExplicitAny: test fixture
    expect((m.recursos as any)[0].config).toEqual({ replicas_min: 6, imagem: "a" });
  });

  it("lets the later edit win when both change the same field", () => {
    const ours = { ...base, nome: "mine" };
    const theirs = { ...base, nome: "theirs" };
    expect(mergeDocs(base, ours, theirs).nome).toBe("mine");
  });

  it("keeps resources added on both sides, in order", () => {
    const ours = { ...base, recursos: [...(base.recursos as Doc[]), { tipo: "bus", nome: "q" }] };
    const theirs = {
      ...base,
      recursos: [...(base.recursos as Doc[]), { tipo: "edge", nome: "cdn" }],
    };
    const m = mergeDocs(base, ours, theirs);
    expect((m.recursos as Doc[]).map((r) => r.nome)).toEqual(["web", "db", "q", "cdn"]);
  });

  it("applies a deletion the other side did not touch, and keeps an item changed on the other side", () => {
    const ours = { ...base, recursos: [(base.recursos as Doc[])[0]] }; // deleted db
    const theirs = structuredClone(base);
    // biome-ignore lint/suspicious/noExplicitAny: test fixture
    (theirs.recursos as any)[0].config.imagem = "b";
    const m = mergeDocs(base, ours, theirs);
    expect((m.recursos as Doc[]).map((r) => r.nome)).toEqual(["web"]);
    // biome-ignore lint/suspicious/noExplicitAny: test fixture
    expect((m.recursos as any)[0].config.imagem).toBe("b");

    const changedDb = structuredClone(base);
    // biome-ignore lint/suspicious/noExplicitAny: test fixture
    (changedDb.recursos as any)[1].config.engine = "mysql";
    const kept = mergeDocs(base, ours, changedDb);
    expect((kept.recursos as Doc[]).map((r) => r.nome)).toEqual(["web", "db"]);
  });

  it("merges region lists as sets", () => {
    const ours = { ...base, regioes: ["sa-east-1", "us-east-1", "eu-west-1"] };
    const theirs = { ...base, regioes: ["us-east-1"] };
    expect(mergeDocs(base, ours, theirs).regioes).toEqual(["us-east-1", "eu-west-1"]);
  });

  it("returns the other side unchanged when only it moved", () => {
    const theirs = { ...base, nome: "x" };
    expect(mergeDocs(base, base, theirs)).toBe(theirs);
    expect(equalJson(mergeDocs(base, theirs, base), theirs)).toBe(true);
  });
});
