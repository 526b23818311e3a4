import { describe, expect, it } from "vitest";
import { GLOBAL_SAAS, SINGLE_REGION_WEB, validateBlueprint } from "../blueprint";
import {
  addResource,
  connect,
  type Doc,
  deleteResources,
  disconnect,
  EMPTY_DOC,
  pasteResources,
  positionsOf,
  renameResource,
  resourcesOf,
  setResourceField,
} from "./doc";
import { blueprintFileName, blueprintFileText, inContractOrder } from "./exportJson";
import { commit, createHistory, redo, undo } from "./history";

const seed = () => structuredClone(GLOBAL_SAAS) as unknown as Doc;

describe("document operations", () => {
  it("adds resources with unique names, valid starter configs and a position", () => {
    let doc: Doc = seed();
    for (const tipo of [
      "compute",
      "compute",
      "datastore",
      "archive",
      "fabric",
      "sentinel",
    ] as const)
      doc = addResource(doc, tipo, { x: 10.4, y: 20.6 }).doc;
    const names = resourcesOf(doc).map((r) => r.nome);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("compute-2");
    expect(positionsOf(doc)["compute-1"]).toEqual({ x: 10, y: 21 });
    // The seed is multi-regiao over 3 regions: a new compute keeps a replica in each.
    const shape = validateBlueprint(doc).problemas.filter((f) => f.codigo === "esquema");
    expect(shape).toEqual([]);
    expect(validateBlueprint(doc).problemas.some((f) => f.codigo === "replicas-por-regiao")).toBe(
      false,
    );
  });

  it("renames a resource and every reference to it", () => {
    let doc = SINGLE_REGION_WEB as unknown as Doc;
    doc = addResource(doc, "autoscale", { x: 0, y: 0 }).doc;
    doc = addResource(doc, "fabric", { x: 0, y: 0 }).doc;
    const web = resourcesOf(doc).findIndex((r) => r.nome === "web");
    doc = setResourceField(doc, web, ["config", "fabric"], "fabric-1");
    doc = renameResource(doc, "web", "frontend");
    doc = renameResource(doc, "fabric-1", "net");
    const byName = new Map(resourcesOf(doc).map((r) => [r.nome, r]));
    expect(byName.has("web")).toBe(false);
    expect(byName.get("web-gateway")?.conexoes).toContain("frontend");
    expect(byName.get("autoscale-1")?.config).toMatchObject({ alvo: "frontend" });
    expect(byName.get("frontend")?.config).toMatchObject({ fabric: "net" });
    expect(
      validateBlueprint(doc).problemas.filter((f) => f.codigo === "referencia-inexistente"),
    ).toEqual([]);
  });

  it("connects and disconnects; an autoscale's connection sets its target", () => {
    let doc = addResource(seed(), "autoscale", { x: 0, y: 0 }).doc;
    doc = connect(doc, "global-dns", "app-global");
    doc = connect(doc, "global-dns", "app-global");
    const dns = resourcesOf(doc).find((r) => r.nome === "global-dns");
    expect(dns?.conexoes).toEqual(["app-global"]);
    doc = disconnect(doc, "global-dns", "app-global");
    expect(resourcesOf(doc).find((r) => r.nome === "global-dns")).not.toHaveProperty("conexoes");
    doc = connect(doc, "autoscale-1", "app-global");
    expect(resourcesOf(doc).find((r) => r.nome === "autoscale-1")?.config).toMatchObject({
      alvo: "app-global",
    });
  });

  it("deletes resources with their connections and positions", () => {
    let doc = connect(seed(), "global-dns", "app-global");
    doc = deleteResources(doc, new Set(["app-global"]));
    expect(resourcesOf(doc).map((r) => r.nome)).not.toContain("app-global");
    expect(resourcesOf(doc).find((r) => r.nome === "global-dns")).not.toHaveProperty("conexoes");
    expect(positionsOf(doc)).not.toHaveProperty("app-global");
  });

  it("pastes copies under new names, with connections among the copies following them", () => {
    let doc = connect(seed(), "global-dns", "app-global");
    const copied = resourcesOf(doc)
      .filter((r) => r.nome === "global-dns" || r.nome === "app-global")
      .map((resource) => ({ resource, position: { x: 0, y: 0 } }));
    const pasted = pasteResources(doc, copied, { x: 40, y: 40 });
    doc = pasted.doc;
    expect(pasted.names).toEqual(["app-global-1", "global-dns-1"]);
    expect(resourcesOf(doc).find((r) => r.nome === "global-dns-1")?.conexoes).toEqual([
      "app-global-1",
    ]);
    expect(positionsOf(doc)["global-dns-1"]).toEqual({ x: 40, y: 40 });
  });

  it("sets and removes fields by path without touching the rest", () => {
    const doc = setResourceField(seed(), 0, ["config", "porta"], 9000);
    expect(resourcesOf(doc)[0].config).toMatchObject({ porta: 9000, replicas_min: 3 });
    expect(
      resourcesOf(setResourceField(doc, 0, ["config", "porta"], undefined))[0].config,
    ).not.toHaveProperty("porta");
    expect(GLOBAL_SAAS.recursos[0].config).not.toHaveProperty("porta");
  });

  it("starts from an empty document that asks for a first resource", () => {
    const found = validateBlueprint(EMPTY_DOC).problemas;
    expect(found.map((f) => f.ponteiro)).toEqual(["/recursos"]);
  });
});

describe("export", () => {
  it("writes the seed blueprint byte for byte as the template, keys in contract order", () => {
    const scrambled = JSON.parse(
      '{"recursos":[{"config":{"replicas_max":12,"subtipo":"web","replicas_min":3},"nome":"app-global","tipo":"compute"}],"resiliencia":"multi-regiao","nome":"X"}',
    );
    expect(JSON.stringify(inContractOrder(scrambled))).toBe(
      '{"nome":"X","resiliencia":"multi-regiao","recursos":[{"tipo":"compute","nome":"app-global","config":{"subtipo":"web","replicas_min":3,"replicas_max":12}}]}',
    );
    expect(blueprintFileText(seed())).toBe(`${JSON.stringify(GLOBAL_SAAS, null, 2)}\n`);
    expect(blueprintFileName(seed())).toBe("Global SaaS.blueprint.json");
    expect(blueprintFileName({ nome: 'a/b:c"' } as Doc)).toBe("a-b-c-.blueprint.json");
  });
});

describe("history", () => {
  it("undoes and redoes, coalescing keyed edits close in time", () => {
    let h = createHistory(1);
    h = commit(h, 2, undefined, 0);
    h = commit(h, 3, "name", 10);
    h = commit(h, 4, "name", 500);
    expect(h.past).toEqual([1, 2]);
    h = undo(h);
    expect(h.present).toBe(2);
    h = redo(h);
    expect(h.present).toBe(4);
    h = commit(undo(h), 9, undefined, 5000);
    expect(h.future).toEqual([]);
  });
});
