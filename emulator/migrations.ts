/**
 * The emulator's SQLite schema, versioned with `PRAGMA user_version` and migrated forward by
 * ordered steps, each in one transaction with the version bump. A database written by a newer
 * emulator is refused rather than guessed at.
 */
import type Database from "better-sqlite3";

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    // IF NOT EXISTS: databases from releases before versioning (user_version 0) already hold
    // exactly these tables, and adopt the version without losing a row.
    description: "projects, deployments, events, failover drills, idempotency keys",
    sql: `
CREATE TABLE IF NOT EXISTS projetos (
  id TEXT PRIMARY KEY,
  organizacao TEXT NOT NULL,
  nome TEXT NOT NULL,
  blueprint TEXT NOT NULL,
  versao INTEGER NOT NULL,
  implantacao_atual TEXT NOT NULL,
  criado_em INTEGER NOT NULL,
  atualizado_em INTEGER NOT NULL,
  removido_em INTEGER
);
CREATE INDEX IF NOT EXISTS projetos_org ON projetos (organizacao, criado_em DESC);
CREATE TABLE IF NOT EXISTS implantacoes (
  id TEXT PRIMARY KEY,
  projeto_id TEXT NOT NULL REFERENCES projetos (id),
  versao INTEGER NOT NULL,
  criada_em INTEGER NOT NULL,
  fim INTEGER NOT NULL,
  passos TEXT NOT NULL,
  eventos_completos INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS eventos (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  projeto_id TEXT NOT NULL,
  chave TEXT NOT NULL,
  tipo TEXT NOT NULL,
  dados TEXT NOT NULL,
  em INTEGER NOT NULL,
  UNIQUE (projeto_id, chave)
);
CREATE TABLE IF NOT EXISTS testes_failover (
  id TEXT PRIMARY KEY,
  projeto_id TEXT NOT NULL,
  regiao TEXT NOT NULL,
  inicio INTEGER NOT NULL,
  duracao_s INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS testes_projeto ON testes_failover (projeto_id, inicio);
CREATE TABLE IF NOT EXISTS idempotencia (
  organizacao TEXT NOT NULL,
  chave TEXT NOT NULL,
  hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  corpo TEXT NOT NULL,
  cabecalhos TEXT NOT NULL,
  criado_em INTEGER NOT NULL,
  PRIMARY KEY (organizacao, chave)
);`,
  },
  {
    version: 2,
    // v1.2 (§6): zone drills, what each drill was held to, and practice runs of a runbook.
    // Drills stored before keep NULLs: region drills judged against the current design.
    description: "zone drills, drill plans and versions, runbook practice",
    sql: `
ALTER TABLE testes_failover ADD COLUMN zona TEXT;
ALTER TABLE testes_failover ADD COLUMN versao INTEGER;
ALTER TABLE testes_failover ADD COLUMN plano TEXT;
ALTER TABLE testes_failover ADD COLUMN pratica TEXT;
CREATE TABLE praticas (
  id TEXT PRIMARY KEY,
  projeto_id TEXT NOT NULL,
  cenarios TEXT NOT NULL,
  proximo INTEGER NOT NULL DEFAULT 0,
  inicio INTEGER NOT NULL,
  fim INTEGER
);
CREATE INDEX praticas_abertas ON praticas (projeto_id) WHERE fim IS NULL;`,
  },
  {
    version: 3,
    // v1.2 (§7): projects that exist before reviews were already serving, so they are in
    // production; new projects are inserted in pre-production explicitly.
    description: "project phases, engineering reviews and their comments",
    sql: `
ALTER TABLE projetos ADD COLUMN fase TEXT NOT NULL DEFAULT 'producao';
CREATE TABLE revisoes (
  id TEXT PRIMARY KEY,
  projeto_id TEXT NOT NULL,
  organizacao TEXT NOT NULL,
  versao INTEGER NOT NULL,
  assinatura TEXT NOT NULL,
  blueprint TEXT NOT NULL,
  status TEXT NOT NULL,
  solicitada_por TEXT NOT NULL,
  solicitada_em INTEGER NOT NULL,
  nota TEXT NOT NULL,
  evidencias TEXT NOT NULL,
  decisao TEXT
);
CREATE INDEX revisoes_projeto ON revisoes (projeto_id, solicitada_em DESC);
CREATE INDEX revisoes_status ON revisoes (status, solicitada_em DESC);
CREATE TABLE comentarios (
  id TEXT PRIMARY KEY,
  revisao_id TEXT NOT NULL REFERENCES revisoes (id),
  autor TEXT NOT NULL,
  papel TEXT NOT NULL,
  ponteiro TEXT,
  texto TEXT NOT NULL,
  em INTEGER NOT NULL
);
CREATE INDEX comentarios_revisao ON comentarios (revisao_id, em);`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export class NewerDatabaseError extends Error {}

export function migrate(db: Database.Database, file: string): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SCHEMA_VERSION)
    throw new NewerDatabaseError(
      `The database ${file} was written by a newer emulator (schema version ${current}; this emulator knows up to ${SCHEMA_VERSION}). Run the newer emulator, or point TESSERRA_DATA_DIR at another folder.`,
    );
  const steps = MIGRATIONS.filter((m) => m.version > current);
  db.transaction(() => {
    for (const step of steps) {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
  })();
}
