/**
 * Engineering review before production cutover (contract §7): customers request reviews of
 * exactly what they deployed, Tesserra engineering comments and decides, and a multi-region
 * project cuts over to production only with an approval of its current design. The approval
 * is bound to the design's signature: moving boxes keeps it, changing the design makes it
 * stale. Every change of a review and the cutover is an event on the project's stream.
 */
import { createHash, randomUUID } from "node:crypto";
import { type Context, Hono } from "hono";
import { assess, type Blueprint, normalizeBlueprint, validateBlueprint } from "../../src/blueprint";
import { verificationsOf } from "../../src/blueprint/review/review";
import type { Runbook } from "../../src/blueprint/runbook/shape";
import { canonicalDesign } from "../../src/blueprint/signature";
import {
  type Decisao,
  type Evidencias,
  NovaDecisaoSchema,
  NovaRevisaoSchema,
  NovoComentarioSchema,
  OVERRIDE_NOTE_MIN,
  REVIEW_STATUSES,
  type ReviewStatus,
} from "../../src/contract/reviews";
import type { Locale } from "../../src/i18n";
import {
  codedProblem,
  type Env,
  etagOf,
  ifMatchRequired,
  invalidRequest,
  iso,
  jsonResponse,
  matchesEtag,
  notFound,
  problemResponse,
  readJson,
  staleVersion,
} from "../http";
import { localeOf, problemT } from "../i18n";
import type { CurrentProject, ReviewRow, Store } from "../store";

/** Hex SHA-256 of the design's canonical form: what an approval is bound to. */
export function signatureOf(blueprint: Blueprint): string {
  return createHash("sha256")
    .update(canonicalDesign(normalizeBlueprint(blueprint)), "utf8")
    .digest("hex");
}

export interface ReviewDeps {
  store: Store;
  now: () => number;
  /** The project's runbook now (its drills as evidence). */
  runbookFor: (organizacao: string, projectId: string, locale: Locale) => Runbook | undefined;
  /** The project as the API answers it (JSON text). */
  projectJson: (row: CurrentProject) => string;
}

/** Whether `ponteiro` names a value inside `doc` (RFC 6901). */
function resolves(doc: unknown, ponteiro: string): boolean {
  if (ponteiro === "") return true;
  let node: unknown = doc;
  for (const raw of ponteiro.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/** Marks a project's pending and approved reviews of another design stale, with their events. */
export function staleReviewsOnApply(
  store: Store,
  projectId: string,
  blueprint: Blueprint,
  at: number,
): void {
  for (const id of store.staleReviews(projectId, signatureOf(blueprint)))
    store.recordEvent(
      projectId,
      `${id}:desatualizada`,
      "revisao",
      { revisao: id, status: "desatualizada" },
      at,
    );
}

export function reviewRoutes(deps: ReviewDeps) {
  const { store, now } = deps;
  const app = new Hono<Env>();

  function reviewJson(row: ReviewRow) {
    const blueprint = JSON.parse(row.blueprint) as Record<string, unknown>;
    return {
      id: row.id,
      projeto: row.projeto_id,
      organizacao: row.organizacao,
      nome: String(blueprint.nome ?? ""),
      versao: row.versao,
      assinatura: row.assinatura,
      blueprint,
      status: row.status as ReviewStatus,
      solicitada_por: row.solicitada_por,
      solicitada_em: iso(row.solicitada_em),
      nota: row.nota,
      evidencias: JSON.parse(row.evidencias) as Evidencias,
      comentarios: store.comments(row.id).map((m) => ({ ...m, em: iso(m.em) })),
      decisao: row.decisao === null ? null : (JSON.parse(row.decisao) as Decisao),
    };
  }

  /** The review, if this token may see it: its owner's organization, or any reviewer. */
  function visibleReview(c: Context<Env>): ReviewRow | undefined {
    const row = store.review(c.req.param("rid") ?? "");
    if (!row) return undefined;
    const account = c.get("account");
    if (account.papel === "revisor")
      return store.reviewedOrganizacao(row.projeto_id) ? row : undefined;
    return row.organizacao === account.organizacao ? row : undefined;
  }

  const reviewNotFound = (c: Context) =>
    problemResponse(
      404,
      problemT(c)("reviewNotFound.title"),
      problemT(c)("reviewNotFound.detail", { id: c.req.param("rid") ?? "" }),
    );

  function event(projectId: string, reviewId: string, status: string, at: number) {
    store.recordEvent(
      projectId,
      `${reviewId}:${status}`,
      "revisao",
      { revisao: reviewId, status },
      at,
    );
  }

  app.post("/projetos/:id/revisoes", async (c) => {
    const account = c.get("account");
    if (account.papel !== "cliente") return notFound(c);
    const row = store.projectRow(account.organizacao, c.req.param("id"));
    if (!row) return notFound(c);
    // The body is optional: none asks for a review with no note.
    const text = await c.req.text();
    const body = text.trim() === "" ? { ok: true as const, value: {} } : await readJson(c);
    if (!body.ok) return body.response;
    const parsed = NovaRevisaoSchema.safeParse(body.value);
    if (!parsed.success) return invalidRequest(c, parsed.error.issues);
    const locale = localeOf(c);
    const blueprint = JSON.parse(row.blueprint) as Blueprint;
    const normalized = normalizeBlueprint(blueprint);
    const assinatura = signatureOf(blueprint);
    const runbook = deps.runbookFor(account.organizacao, row.id, locale);
    if (!runbook) return notFound(c);
    const avaliacao = assess(normalized, { locale, plano: account.plano });
    const { problemas } = validateBlueprint(blueprint, { plano: account.plano, locale });
    const evidencias: Evidencias = {
      avaliacao,
      runbook: {
        testado: runbook.testado,
        cenarios: runbook.cenarios.map((s) => ({ id: s.id, status: s.status })),
      },
      verificacoes: verificationsOf(normalized, { avaliacao, runbook, problemas }, locale),
    };
    const t = now();
    const review: ReviewRow = {
      id: `rev_${randomUUID().replace(/-/g, "").slice(0, 16)}`,
      projeto_id: row.id,
      organizacao: account.organizacao,
      versao: row.versao,
      assinatura,
      blueprint: row.blueprint,
      status: "pendente",
      solicitada_por: account.organizacao,
      solicitada_em: t,
      nota: parsed.data.nota ?? "",
      evidencias: JSON.stringify(evidencias),
      decisao: null,
    };
    const created = store.transaction(() => {
      // One open review per design: asking again while one is pending is a mistake.
      if (
        store.reviewsOf(row.id).some((r) => r.status === "pendente" && r.assinatura === assinatura)
      )
        return false;
      store.insertReview(review);
      event(row.id, review.id, "pendente", t);
      return true;
    });
    if (!created)
      return codedProblem(
        409,
        "revisao-em-aberto",
        problemT(c)("reviewOpen.title"),
        problemT(c)("reviewOpen.detail"),
      );
    return c.json(reviewJson(review), 201, { Location: `/v1/revisoes/${review.id}` });
  });

  app.get("/projetos/:id/revisoes", (c) => {
    const account = c.get("account");
    const organizacao =
      account.papel === "revisor"
        ? (store.reviewedOrganizacao(c.req.param("id")) ?? "")
        : account.organizacao;
    const row = store.projectRow(organizacao, c.req.param("id"));
    if (!row) return notFound(c);
    return c.json(store.reviewsOf(row.id).map(reviewJson));
  });

  app.get("/revisoes", (c) => {
    if (c.get("account").papel !== "revisor")
      return codedProblem(
        403,
        "somente-revisor",
        problemT(c)("reviewerOnly.title"),
        problemT(c)("reviewerOnly.inbox"),
      );
    const status = c.req.query("status");
    if (status !== undefined && !REVIEW_STATUSES.includes(status as ReviewStatus))
      return problemResponse(
        400,
        problemT(c)("query.title"),
        problemT(c)("reviewStatus.detail", { status, statuses: REVIEW_STATUSES.join(", ") }),
      );
    const rows = store.allReviews().filter((r) => status === undefined || r.status === status);
    return c.json(rows.map(reviewJson));
  });

  app.get("/revisoes/:rid", (c) => {
    const row = visibleReview(c);
    if (!row) return reviewNotFound(c);
    return c.json(reviewJson(row));
  });

  app.post("/revisoes/:rid/comentarios", async (c) => {
    const row = visibleReview(c);
    if (!row) return reviewNotFound(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = NovoComentarioSchema.safeParse(body.value);
    if (!parsed.success) return invalidRequest(c, parsed.error.issues);
    const { texto, ponteiro } = parsed.data;
    if (ponteiro !== undefined && !resolves(JSON.parse(row.blueprint), ponteiro))
      return invalidRequest(c, [
        { path: ["ponteiro"], message: problemT(c)("reviewPointer.detail", { ponteiro }) },
      ]);
    const account = c.get("account");
    const comment = {
      id: `com_${randomUUID().replace(/-/g, "").slice(0, 12)}`,
      autor: account.organizacao,
      papel: account.papel,
      ponteiro: ponteiro ?? null,
      texto,
      em: now(),
    };
    store.insertComment({ ...comment, revisao_id: row.id });
    return c.json({ ...comment, em: iso(comment.em) }, 201);
  });

  app.post("/revisoes/:rid/decisao", async (c) => {
    const account = c.get("account");
    const row = visibleReview(c);
    if (!row) return reviewNotFound(c);
    // A customer never decides a review, not even of its own project.
    if (account.papel !== "revisor")
      return codedProblem(
        403,
        "somente-revisor",
        problemT(c)("reviewerOnly.title"),
        problemT(c)("reviewerOnly.decide"),
      );
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = NovaDecisaoSchema.safeParse(body.value);
    if (!parsed.success) return invalidRequest(c, parsed.error.issues);
    if (row.status !== "pendente")
      return codedProblem(
        409,
        "revisao-nao-pendente",
        problemT(c)("reviewNotPending.title"),
        problemT(c)("reviewNotPending.detail", { status: row.status }),
      );
    const { resultado } = parsed.data;
    const nota = parsed.data.nota?.trim() ?? "";
    const evidencias = JSON.parse(row.evidencias) as Evidencias;
    const unmet = evidencias.verificacoes.filter((v) => v.severidade === "alta" && !v.ok);
    const sobrepoe = resultado === "aprovada" ? unmet.map((v) => v.codigo) : [];
    if (sobrepoe.length && nota.length < OVERRIDE_NOTE_MIN)
      return codedProblem(
        422,
        "nota-de-excecao",
        problemT(c)("overrideNote.title"),
        problemT(c)("overrideNote.detail", { checks: sobrepoe.join(", "), min: OVERRIDE_NOTE_MIN }),
      );
    const t = now();
    const decisao: Decisao = { por: account.organizacao, em: iso(t), resultado, nota, sobrepoe };
    const decided = store.transaction(() => {
      if (!store.setReviewStatus(row.id, "pendente", resultado, JSON.stringify(decisao)))
        return false;
      event(row.projeto_id, row.id, resultado, t);
      return true;
    });
    if (!decided)
      return codedProblem(
        409,
        "revisao-nao-pendente",
        problemT(c)("reviewNotPending.title"),
        problemT(c)("reviewNotPending.detail", { status: store.review(row.id)?.status ?? "" }),
      );
    return c.json(reviewJson(store.review(row.id) ?? row));
  });

  app.post("/revisoes/:rid/retirar", (c) => {
    const account = c.get("account");
    const row = visibleReview(c);
    if (!row || account.papel !== "cliente") return reviewNotFound(c);
    const t = now();
    const done = store.transaction(() => {
      if (!store.setReviewStatus(row.id, "pendente", "retirada", null)) return false;
      event(row.projeto_id, row.id, "retirada", t);
      return true;
    });
    if (!done)
      return codedProblem(
        409,
        "revisao-nao-pendente",
        problemT(c)("reviewNotPending.title"),
        problemT(c)("reviewNotPending.detail", { status: row.status }),
      );
    return c.json(reviewJson(store.review(row.id) ?? row));
  });

  app.post("/projetos/:id/cutover", (c) => {
    const account = c.get("account");
    if (account.papel !== "cliente") return notFound(c);
    const row = store.projectRow(account.organizacao, c.req.param("id"));
    if (!row) return notFound(c);
    const ifMatch = c.req.header("If-Match");
    if (!ifMatch) return ifMatchRequired(c, row);
    if (!matchesEtag(ifMatch, row)) return staleVersion(c, row);
    if (row.fase === "producao")
      return codedProblem(
        409,
        "ja-em-producao",
        problemT(c)("inProduction.title"),
        problemT(c)("inProduction.detail"),
      );
    const blueprint = JSON.parse(row.blueprint) as Blueprint;
    if (normalizeBlueprint(blueprint).resiliencia === "multi-regiao") {
      const assinatura = signatureOf(blueprint);
      const reviews = store.reviewsOf(row.id);
      const approved = reviews.some((r) => r.status === "aprovada" && r.assinatura === assinatura);
      if (!approved) {
        const wasApproved = reviews.some(
          (r) =>
            r.status === "desatualizada" &&
            r.decisao !== null &&
            (JSON.parse(r.decisao) as Decisao).resultado === "aprovada",
        );
        return wasApproved
          ? codedProblem(
              409,
              "revisao-desatualizada",
              problemT(c)("reviewStale.title"),
              problemT(c)("reviewStale.detail"),
            )
          : codedProblem(
              409,
              "revisao-necessaria",
              problemT(c)("reviewNeeded.title"),
              problemT(c)("reviewNeeded.detail"),
            );
      }
    }
    const t = now();
    const moved = store.transaction(() => {
      if (!store.cutover(row.id, row.versao)) return false;
      store.recordEvent(row.id, "cutover", "revisao", { fase: "producao" }, t);
      return true;
    });
    if (!moved) return problemResponse(412, problemT(c)("stale.title"), problemT(c)("stale.retry"));
    const after = store.projectRow(account.organizacao, row.id);
    if (!after) return notFound(c);
    return jsonResponse(deps.projectJson(after), 200, { ETag: etagOf(after) });
  });

  return app;
}
