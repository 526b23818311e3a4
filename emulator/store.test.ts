import { describe, expect, it } from "vitest";
import { Store } from "./store";
import { freshDataDir } from "./testing/process";

describe("SQLite store", () => {
  it("lists the projects whose deployment is done, for warming after a restart", () => {
    let now = 1_000_000;
    const store = new Store(freshDataDir(), () => now);
    const add = (id: string, fim: number) =>
      store.insertProject(
        {
          id,
          organizacao: "demo",
          fase: "pre-producao",
          nome: id,
          blueprint: "{}",
          versao: 1,
          implantacao_atual: `impl_${id}`,
          criado_em: 0,
          atualizado_em: fim,
        },
        { id: `impl_${id}`, projeto_id: id, versao: 1, criada_em: 0, fim, passos: [] },
      );
    try {
      add("prj_done", now - 1);
      add("prj_deploying", now + 60_000);
      expect(store.activeProjects()).toEqual([{ organizacao: "demo", id: "prj_done" }]);
      now += 60_000;
      expect(store.activeProjects().map((p) => p.id)).toEqual(["prj_deploying", "prj_done"]);
      store.removeProject("demo", "prj_done");
      expect(store.activeProjects().map((p) => p.id)).toEqual(["prj_deploying"]);
    } finally {
      store.close();
    }
  });
});
