import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { GLOBAL_SAAS } from "../src/blueprint";
import { MIGRATIONS, NewerDatabaseError, SCHEMA_VERSION } from "./migrations";
import { Store } from "./store";
import { freshDataDir, startEmulator } from "./testing/process";

/** A database as the release before schema versioning left it: its tables, user_version 0. */
function unversionedDatabase(dir: string) {
  const db = new Database(join(dir, "tesserra.db"));
  db.exec(MIGRATIONS[0].sql);
  db.prepare(
    "INSERT INTO projetos (id, organizacao, nome, blueprint, versao, implantacao_atual, criado_em, atualizado_em) VALUES ('prj_old', 'demo', 'Global SaaS', ?, 1, 'im_old', 1000, 1000)",
  ).run(JSON.stringify(GLOBAL_SAAS));
  db.prepare(
    "INSERT INTO implantacoes (id, projeto_id, versao, criada_em, fim, passos, eventos_completos) VALUES ('im_old', 'prj_old', 1, 1000, 2000, '[]', 1)",
  ).run();
  db.close();
}

const userVersion = (dir: string) => {
  const db = new Database(join(dir, "tesserra.db"), { readonly: true });
  try {
    return db.pragma("user_version", { simple: true });
  } finally {
    db.close();
  }
};

describe("SQLite schema migrations", () => {
  it("stamps a new database with the latest version", () => {
    const dir = freshDataDir();
    new Store(dir).close();
    expect(userVersion(dir)).toBe(SCHEMA_VERSION);
  });

  it("opens a database from before versioning and keeps every row", () => {
    const dir = freshDataDir();
    unversionedDatabase(dir);
    const store = new Store(dir);
    try {
      expect(store.projectRow("demo", "prj_old")).toMatchObject({ nome: "Global SaaS", versao: 1 });
    } finally {
      store.close();
    }
    expect(userVersion(dir)).toBe(SCHEMA_VERSION);
  });

  it("keeps a drill stored before zone drills as a region drill with no plan", () => {
    const dir = freshDataDir();
    unversionedDatabase(dir);
    const db = new Database(join(dir, "tesserra.db"));
    db.pragma("user_version = 1");
    db.prepare(
      "INSERT INTO testes_failover (id, projeto_id, regiao, inicio, duracao_s) VALUES ('tf_old', 'prj_old', 'us-east-1', 5000, 120)",
    ).run();
    db.close();
    const store = new Store(dir);
    try {
      expect(store.drills("prj_old")).toEqual([
        {
          id: "tf_old",
          regiao: "us-east-1",
          zona: null,
          inicio: 5000,
          duracao_s: 120,
          versao: null,
          plano: null,
          pratica: null,
        },
      ]);
      expect(store.openPractice("prj_old")).toBeUndefined();
    } finally {
      store.close();
    }
    expect(userVersion(dir)).toBe(SCHEMA_VERSION);
  });

  it("puts projects from before reviews in production, and starts new ones in pre-production", () => {
    const dir = freshDataDir();
    unversionedDatabase(dir);
    // As the previous release left it: schema version 2, a project serving.
    const db = new Database(join(dir, "tesserra.db"));
    for (const step of MIGRATIONS.filter((m) => m.version === 2)) db.exec(step.sql);
    db.pragma("user_version = 2");
    db.close();
    const store = new Store(dir);
    try {
      expect(store.projectRow("demo", "prj_old")?.fase).toBe("producao");
      store.insertProject(
        {
          id: "prj_new",
          organizacao: "demo",
          nome: "New",
          fase: "pre-producao",
          blueprint: JSON.stringify(GLOBAL_SAAS),
          versao: 1,
          implantacao_atual: "im_new",
          criado_em: 3000,
          atualizado_em: 3000,
        },
        { id: "im_new", projeto_id: "prj_new", versao: 1, criada_em: 3000, fim: 4000, passos: [] },
      );
      expect(store.projectRow("demo", "prj_new")?.fase).toBe("pre-producao");
      expect(store.reviewsOf("prj_old")).toEqual([]);
    } finally {
      store.close();
    }
    expect(userVersion(dir)).toBe(SCHEMA_VERSION);
  });

  it("refuses a database from a newer emulator with what to do, and changes nothing", async () => {
    const dir = freshDataDir();
    unversionedDatabase(dir);
    const db = new Database(join(dir, "tesserra.db"));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new Store(dir)).toThrow(NewerDatabaseError);
    expect(() => new Store(dir)).toThrow(/written by a newer emulator .*TESSERRA_DATA_DIR/);
    expect(userVersion(dir)).toBe(SCHEMA_VERSION + 1);
    // The real process says so and exits instead of serving.
    await expect(startEmulator({ dataDir: dir })).rejects.toThrow(
      /exited with 2[\s\S]*written by a newer emulator/,
    );
  }, 40_000);
});
