/**
 * The emulator's database: SQLite through better-sqlite3 in WAL mode. Every request that
 * writes does so in one transaction, so a crash (even `kill -9`) leaves either the whole
 * change or none of it. Deployment progress is not written as it happens: a deployment's
 * schedule is stored once and its state derived from the clock (see deployments.ts).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Blueprint } from "../src/blueprint";
import type { DrillPlan } from "../src/blueprint/runbook/runbook";
import type { Evento } from "../src/contract/schemas";
import type { ScheduledStep } from "./deployments";
import { migrate } from "./migrations";
import type { DrillInput } from "./monitoring/model";
import type { EventoTipo, MonitoredProject, MonitoringStore, Practice } from "./monitoring/routes";

export type Fase = "pre-producao" | "producao";

export interface ProjectRow {
  id: string;
  organizacao: string;
  nome: string;
  /** Pre-production until a cutover (contract §7). */
  fase: Fase;
  /** The blueprint exactly as submitted (JSON text). */
  blueprint: string;
  versao: number;
  implantacao_atual: string;
  criado_em: number;
  atualizado_em: number;
}

/** A project with the end of its current deployment, which decides its status. */
export type CurrentProject = ProjectRow & { fim: number };

export interface DeploymentRow {
  id: string;
  projeto_id: string;
  versao: number;
  criada_em: number;
  fim: number;
  passos: ScheduledStep[];
}

export interface IdempotentAnswer {
  hash: string;
  status: number;
  body: string;
  headers: Record<string, string>;
}

export interface EventRow {
  seq: number;
  projeto_id: string;
  tipo: EventoTipo;
  dados: string;
  em: number;
}

interface DrillRow {
  id: string;
  regiao: string;
  zona: string | null;
  inicio: number;
  duracao_s: number;
  versao: number | null;
  plano: string | null;
  pratica: string | null;
}

interface PracticeRow {
  id: string;
  projeto_id: string;
  cenarios: string;
  proximo: number;
  inicio: number;
}

function toPractice(row: PracticeRow): Practice {
  return {
    id: row.id,
    projeto_id: row.projeto_id,
    cenarios: JSON.parse(row.cenarios) as string[],
    proximo: row.proximo,
    inicio: row.inicio,
  };
}

/** A review as stored (contract §7 `Revisao`; JSON columns as text). */
export interface ReviewRow {
  id: string;
  projeto_id: string;
  organizacao: string;
  versao: number;
  assinatura: string;
  /** The blueprint as requested (JSON text). */
  blueprint: string;
  status: string;
  solicitada_por: string;
  solicitada_em: number;
  nota: string;
  /** JSON text. */
  evidencias: string;
  /** JSON text, or null before a decision. */
  decisao: string | null;
}

export interface CommentRow {
  id: string;
  autor: string;
  papel: "cliente" | "revisor";
  ponteiro: string | null;
  texto: string;
  em: number;
}

/** Project rows kept in memory at most; past it the cache starts over. */
const PROJECT_CACHE_SIZE = 10_000;

/** Idempotency keys are remembered for 24 hours (contract §2). */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export class Store implements MonitoringStore {
  readonly db: Database.Database;
  private readonly listeners = new Set<(projetoId: string) => void>();
  private readonly q;

  constructor(
    dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, "tesserra.db"));
    this.db.pragma("journal_mode = WAL");
    // NORMAL in WAL mode survives a process crash (kill -9); only an OS crash can lose the tail.
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    migrate(this.db, join(dataDir, "tesserra.db"));
    const db = this.db;
    this.q = {
      project: db.prepare<[string, string], CurrentProject>(
        "SELECT p.*, i.fim FROM projetos p JOIN implantacoes i ON i.id = p.implantacao_atual WHERE p.id = ? AND p.organizacao = ? AND p.removido_em IS NULL",
      ),
      projects: db.prepare<[string], CurrentProject>(
        "SELECT p.*, i.fim FROM projetos p JOIN implantacoes i ON i.id = p.implantacao_atual WHERE p.organizacao = ? AND p.removido_em IS NULL ORDER BY p.criado_em DESC, p.rowid DESC",
      ),
      insertProject: db.prepare(
        "INSERT INTO projetos (id, organizacao, nome, fase, blueprint, versao, implantacao_atual, criado_em, atualizado_em) VALUES (@id, @organizacao, @nome, @fase, @blueprint, @versao, @implantacao_atual, @criado_em, @atualizado_em)",
      ),
      updateProject: db.prepare(
        "UPDATE projetos SET nome = @nome, blueprint = @blueprint, versao = @versao, implantacao_atual = @implantacao_atual, atualizado_em = @atualizado_em WHERE id = @id AND versao = @versao_anterior AND removido_em IS NULL",
      ),
      cutover: db.prepare(
        "UPDATE projetos SET fase = 'producao', atualizado_em = ? WHERE id = ? AND versao = ? AND fase = 'pre-producao' AND removido_em IS NULL",
      ),
      reviewedOrganizacao: db.prepare<[string], { organizacao: string }>(
        "SELECT p.organizacao FROM projetos p WHERE p.id = ? AND p.removido_em IS NULL AND EXISTS (SELECT 1 FROM revisoes r WHERE r.projeto_id = p.id)",
      ),
      insertReview: db.prepare(
        "INSERT INTO revisoes (id, projeto_id, organizacao, versao, assinatura, blueprint, status, solicitada_por, solicitada_em, nota, evidencias) VALUES (@id, @projeto_id, @organizacao, @versao, @assinatura, @blueprint, @status, @solicitada_por, @solicitada_em, @nota, @evidencias)",
      ),
      review: db.prepare<[string], ReviewRow>("SELECT * FROM revisoes WHERE id = ?"),
      reviewsOf: db.prepare<[string], ReviewRow>(
        "SELECT * FROM revisoes WHERE projeto_id = ? ORDER BY solicitada_em DESC, rowid DESC",
      ),
      reviewsAll: db.prepare<[], ReviewRow>(
        "SELECT r.* FROM revisoes r JOIN projetos p ON p.id = r.projeto_id WHERE p.removido_em IS NULL ORDER BY r.solicitada_em DESC, r.rowid DESC",
      ),
      setReviewStatus: db.prepare(
        "UPDATE revisoes SET status = @status, decisao = @decisao WHERE id = @id AND status = @antes",
      ),
      staleReviews: db.prepare<[string, string], { id: string }>(
        "UPDATE revisoes SET status = 'desatualizada' WHERE projeto_id = ? AND status IN ('pendente', 'aprovada') AND assinatura != ? RETURNING id",
      ),
      insertComment: db.prepare(
        "INSERT INTO comentarios (id, revisao_id, autor, papel, ponteiro, texto, em) VALUES (@id, @revisao_id, @autor, @papel, @ponteiro, @texto, @em)",
      ),
      comments: db.prepare<[string], CommentRow>(
        "SELECT id, autor, papel, ponteiro, texto, em FROM comentarios WHERE revisao_id = ? ORDER BY em, rowid",
      ),
      removeProject: db.prepare(
        "UPDATE projetos SET removido_em = ? WHERE id = ? AND organizacao = ? AND removido_em IS NULL",
      ),
      insertDeployment: db.prepare(
        "INSERT INTO implantacoes (id, projeto_id, versao, criada_em, fim, passos) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      deployment: db.prepare<[string, string], Omit<DeploymentRow, "passos"> & { passos: string }>(
        "SELECT * FROM implantacoes WHERE id = ? AND projeto_id = ?",
      ),
      openDeployments: db.prepare<[], Omit<DeploymentRow, "passos"> & { passos: string }>(
        "SELECT * FROM implantacoes WHERE eventos_completos = 0",
      ),
      closeDeployment: db.prepare("UPDATE implantacoes SET eventos_completos = 1 WHERE id = ?"),
      insertEvent: db.prepare(
        "INSERT OR IGNORE INTO eventos (projeto_id, chave, tipo, dados, em) VALUES (?, ?, ?, ?, ?)",
      ),
      eventsAfter: db.prepare<[string, number, number], EventRow>(
        "SELECT seq, projeto_id, tipo, dados, em FROM eventos WHERE projeto_id = ? AND seq > ? ORDER BY seq LIMIT ?",
      ),
      drills: db.prepare<[string], DrillRow>(
        "SELECT id, regiao, zona, inicio, duracao_s, versao, plano, pratica FROM testes_failover WHERE projeto_id = ? ORDER BY inicio",
      ),
      insertDrill: db.prepare(
        "INSERT INTO testes_failover (id, projeto_id, regiao, zona, inicio, duracao_s, versao, plano, pratica) VALUES (@id, @projeto_id, @regiao, @zona, @inicio, @duracao_s, @versao, @plano, @pratica)",
      ),
      openPractice: db.prepare<[string], PracticeRow>(
        "SELECT id, projeto_id, cenarios, proximo, inicio FROM praticas WHERE projeto_id = ? AND fim IS NULL",
      ),
      openPractices: db.prepare<[], PracticeRow & { organizacao: string }>(
        "SELECT x.id, x.projeto_id, x.cenarios, x.proximo, x.inicio, p.organizacao FROM praticas x JOIN projetos p ON p.id = x.projeto_id WHERE x.fim IS NULL AND p.removido_em IS NULL",
      ),
      insertPractice: db.prepare(
        "INSERT INTO praticas (id, projeto_id, cenarios, inicio) VALUES (?, ?, ?, ?)",
      ),
      advancePractice: db.prepare("UPDATE praticas SET proximo = ? WHERE id = ? AND fim IS NULL"),
      closePractice: db.prepare("UPDATE praticas SET fim = ? WHERE id = ? AND fim IS NULL"),
      organizacaoOf: db.prepare<[string], { organizacao: string }>(
        "SELECT organizacao FROM projetos WHERE id = ? AND removido_em IS NULL",
      ),
      activeProjects: db.prepare<[number], { organizacao: string; id: string }>(
        "SELECT p.organizacao, p.id FROM projetos p JOIN implantacoes i ON i.id = p.implantacao_atual WHERE p.removido_em IS NULL AND i.fim <= ? ORDER BY p.atualizado_em DESC",
      ),
      projectsWithDrills: db.prepare<[], { organizacao: string; id: string }>(
        "SELECT DISTINCT p.organizacao, p.id FROM projetos p JOIN testes_failover t ON t.projeto_id = p.id WHERE p.removido_em IS NULL",
      ),
      idempotent: db.prepare<
        [string, string, number],
        IdempotentAnswer & { cabecalhos: string; corpo: string }
      >(
        "SELECT hash, status, corpo, cabecalhos FROM idempotencia WHERE organizacao = ? AND chave = ? AND criado_em > ?",
      ),
      rememberIdempotent: db.prepare(
        "INSERT OR REPLACE INTO idempotencia (organizacao, chave, hash, status, corpo, cabecalhos, criado_em) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
    };
  }

  close() {
    this.db.close();
  }

  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (e) {
      // A rolled-back write may have been read back into the cache: forget everything.
      this.projects.clear();
      throw e;
    }
  }

  // Projects ----------------------------------------------------------------------------

  /**
   * Current project rows by id. This process is the database's only writer and every write
   * below drops the row it touches, so a cached row is the stored one; reads of a project
   * (the API's hottest path) then skip SQLite.
   */
  private readonly projects = new Map<string, CurrentProject>();

  projectRow(organizacao: string, id: string): CurrentProject | undefined {
    let row = this.projects.get(id);
    if (!row) {
      row = this.q.project.get(id, organizacao);
      if (!row) return undefined;
      if (this.projects.size >= PROJECT_CACHE_SIZE) this.projects.clear();
      this.projects.set(id, row);
    }
    // Another organization's project is not found, as if it did not exist.
    return row.organizacao === organizacao ? row : undefined;
  }

  projectRows(organizacao: string): CurrentProject[] {
    return this.q.projects.all(organizacao);
  }

  insertProject(row: ProjectRow, deployment: DeploymentRow) {
    this.projects.delete(row.id);
    this.q.insertProject.run(row);
    this.insertDeployment(deployment);
  }

  /** Writes the new version only if the stored one is still `previous`; false when stale. */
  updateProject(row: ProjectRow, previous: number, deployment: DeploymentRow): boolean {
    this.projects.delete(row.id);
    const changed = this.q.updateProject.run({ ...row, versao_anterior: previous }).changes;
    if (changed === 0) return false;
    this.insertDeployment(deployment);
    return true;
  }

  /** Moves the project to production if it is still at `versao` and in pre-production. */
  cutover(id: string, versao: number): boolean {
    this.projects.delete(id);
    return this.q.cutover.run(this.now(), id, versao).changes > 0;
  }

  /** The organization of a project that has a review (what a reviewer may read), if any. */
  reviewedOrganizacao(id: string): string | undefined {
    return this.q.reviewedOrganizacao.get(id)?.organizacao;
  }

  insertReview(row: ReviewRow) {
    this.q.insertReview.run(row);
  }

  review(id: string): ReviewRow | undefined {
    return this.q.review.get(id);
  }

  /** A project's reviews, newest first. */
  reviewsOf(projectId: string): ReviewRow[] {
    return this.q.reviewsOf.all(projectId);
  }

  /** Every organization's reviews of projects that exist, newest first. */
  allReviews(): ReviewRow[] {
    return this.q.reviewsAll.all();
  }

  /** Moves a review from `antes` to `status`; false when it was no longer `antes`. */
  setReviewStatus(id: string, antes: string, status: string, decisao: string | null): boolean {
    return this.q.setReviewStatus.run({ id, antes, status, decisao }).changes > 0;
  }

  /** Marks the project's pending and approved reviews of another signature out of date. */
  staleReviews(projectId: string, assinatura: string): string[] {
    return this.q.staleReviews.all(projectId, assinatura).map((r) => r.id);
  }

  insertComment(row: CommentRow & { revisao_id: string }) {
    this.q.insertComment.run(row);
  }

  comments(reviewId: string): CommentRow[] {
    return this.q.comments.all(reviewId);
  }

  removeProject(organizacao: string, id: string): boolean {
    this.projects.delete(id);
    return this.q.removeProject.run(this.now(), id, organizacao).changes > 0;
  }

  private insertDeployment(d: DeploymentRow) {
    this.q.insertDeployment.run(
      d.id,
      d.projeto_id,
      d.versao,
      d.criada_em,
      d.fim,
      JSON.stringify(d.passos),
    );
  }

  deployment(projetoId: string, id: string): DeploymentRow | undefined {
    const row = this.q.deployment.get(id, projetoId);
    return row && { ...row, passos: JSON.parse(row.passos) as ScheduledStep[] };
  }

  /** Deployments whose events are not all recorded yet (to resume after a restart). */
  openDeployments(): DeploymentRow[] {
    return this.q.openDeployments
      .all()
      .map((row) => ({ ...row, passos: JSON.parse(row.passos) as ScheduledStep[] }));
  }

  closeDeployment(id: string) {
    this.q.closeDeployment.run(id);
  }

  // Idempotency -------------------------------------------------------------------------

  idempotentAnswer(organizacao: string, chave: string): IdempotentAnswer | undefined {
    const row = this.q.idempotent.get(organizacao, chave, this.now() - IDEMPOTENCY_TTL_MS);
    return (
      row && {
        hash: row.hash,
        status: row.status,
        body: row.corpo,
        headers: JSON.parse(row.cabecalhos) as Record<string, string>,
      }
    );
  }

  rememberAnswer(organizacao: string, chave: string, answer: IdempotentAnswer) {
    this.q.rememberIdempotent.run(
      organizacao,
      chave,
      answer.hash,
      answer.status,
      answer.body,
      JSON.stringify(answer.headers),
      this.now(),
    );
  }

  // Events ------------------------------------------------------------------------------

  /** Called with the project id after each new event, for live streams. */
  onEvent(listener: (projetoId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  recordEvent(
    projectId: string,
    key: string,
    tipo: EventoTipo,
    dados: Record<string, unknown>,
    em: number,
  ) {
    const inserted = this.q.insertEvent.run(projectId, key, tipo, JSON.stringify(dados), em);
    if (inserted.changes > 0) for (const l of this.listeners) l(projectId);
  }

  events(projetoId: string, afterSeq = 0, limit = 10_000): Evento[] {
    return this.q.eventsAfter.all(projetoId, afterSeq, limit).map(toEvento);
  }

  // MonitoringStore ---------------------------------------------------------------------

  project(organizacao: string, id: string): MonitoredProject | undefined {
    const row = this.projectRow(organizacao, id);
    if (!row) return undefined;
    return {
      id: row.id,
      versao: row.versao,
      status: this.now() >= row.fim ? "ativo" : "implantando",
      blueprint: JSON.parse(row.blueprint) as Blueprint,
      criado_em: row.criado_em,
    };
  }

  drills(projectId: string): DrillInput[] {
    return this.q.drills.all(projectId).map((r) => ({
      id: r.id,
      regiao: r.regiao,
      zona: r.zona,
      inicio: r.inicio,
      duracao_s: r.duracao_s,
      versao: r.versao,
      plano: r.plano === null ? null : (JSON.parse(r.plano) as DrillPlan),
      pratica: r.pratica,
    }));
  }

  insertDrill(
    projectId: string,
    drill: DrillInput,
    busyUntil: (d: DrillInput) => number,
    now: number,
  ): boolean {
    return this.transaction(() => {
      if (this.drills(projectId).some((d) => busyUntil(d) > now)) return false;
      // A practice holds the project between its drills too; only its own drills start.
      const practice = this.q.openPractice.get(projectId);
      if (practice && practice.id !== drill.pratica) return false;
      this.q.insertDrill.run({
        id: drill.id,
        projeto_id: projectId,
        regiao: drill.regiao,
        zona: drill.zona ?? null,
        inicio: drill.inicio,
        duracao_s: drill.duracao_s,
        versao: drill.versao ?? null,
        plano: drill.plano ? JSON.stringify(drill.plano) : null,
        pratica: drill.pratica ?? null,
      });
      return true;
    });
  }

  /** The project's practice under way, if any. */
  openPractice(projectId: string): Practice | undefined {
    const row = this.q.openPractice.get(projectId);
    return row ? toPractice(row) : undefined;
  }

  /** Every practice under way, for resuming them after a restart. */
  openPractices(): (Practice & { organizacao: string })[] {
    return this.q.openPractices
      .all()
      .map((r) => ({ ...toPractice(r), organizacao: r.organizacao }));
  }

  /**
   * Starts a practice; atomically refuses (returns false) while a drill or another practice is
   * under way at `now`.
   */
  insertPractice(practice: Practice, busyUntil: (d: DrillInput) => number, now: number): boolean {
    return this.transaction(() => {
      if (this.q.openPractice.get(practice.projeto_id)) return false;
      if (this.drills(practice.projeto_id).some((d) => busyUntil(d) > now)) return false;
      this.q.insertPractice.run(
        practice.id,
        practice.projeto_id,
        JSON.stringify(practice.cenarios),
        practice.inicio,
      );
      return true;
    });
  }

  advancePractice(id: string, proximo: number): void {
    this.q.advancePractice.run(proximo, id);
  }

  closePractice(id: string, fim: number): void {
    this.q.closePractice.run(fim, id);
  }

  projectsWithDrills() {
    return this.q.projectsWithDrills.all();
  }

  /** Every project whose current deployment is done, the most recently changed first. */
  activeProjects() {
    return this.q.activeProjects.all(this.now());
  }

  /** The organization a (not removed) project belongs to. */
  organizacaoOf(projectId: string): string | undefined {
    return this.q.organizacaoOf.get(projectId)?.organizacao;
  }
}

function toEvento(row: EventRow): Evento {
  return {
    id: String(row.seq),
    em: new Date(row.em).toISOString(),
    tipo: row.tipo,
    dados: JSON.parse(row.dados) as Record<string, unknown>,
  };
}
