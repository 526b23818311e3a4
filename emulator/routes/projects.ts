/**
 * Projects (contract §2): create, read, plan, apply and delete, their deployments and their
 * event stream. Writes are one SQLite transaction each; an Idempotency-Key replays the first
 * answer.
 */
import { createHash, randomUUID } from "node:crypto";
import { type Context, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import {
  assess,
  type Blueprint,
  diffBlueprints,
  normalizeBlueprint,
  validateBlueprint,
} from "../../src/blueprint";
import type { Locale } from "../../src/i18n";
import {
  deploymentEnd,
  deploymentStatusAt,
  scheduleDeployment,
  stepStatusAt,
} from "../deployments";
import {
  type Env,
  etagOf,
  ifMatchRequired,
  iso,
  jsonResponse,
  matchesEtag,
  notFound,
  planOf,
  problemResponse,
  readJson,
  refused,
  staleVersion,
  type TextResponse,
  textResponse,
} from "../http";
import { localeOf, problemT } from "../i18n";
import type { CurrentProject, DeploymentRow, ProjectRow, Store } from "../store";

export interface ProjectDeps {
  store: Store;
  clock: number;
  now: () => number;
  /** Records a deployment's events as its steps come due. */
  followDeployment: (d: DeploymentRow) => void;
  /** A new version was written (inside its transaction): reviews of another design go stale. */
  onApplied: (projectId: string, blueprint: Blueprint) => void;
}

/** A stored blueprint's assessment, or null when it no longer passes today's rules. */
function assessStored(blueprint: unknown, locale: Locale) {
  const result = validateBlueprint(blueprint, { locale });
  return result.valido && result.blueprint
    ? assess(normalizeBlueprint(result.blueprint), { locale })
    : null;
}

/** The project as the API answers it; the stored blueprint is spliced in without re-parsing. */
export function projectJsonAt(row: CurrentProject, t: number): string {
  const status = t >= row.fim ? "ativo" : "implantando";
  return `{"id":${JSON.stringify(row.id)},"nome":${JSON.stringify(row.nome)},"blueprint":${row.blueprint},"versao":${row.versao},"status":"${status}","fase":"${row.fase}","implantacao_atual":${JSON.stringify(row.implantacao_atual)},"criado_em":"${iso(row.criado_em)}","atualizado_em":"${iso(row.atualizado_em)}"}`;
}

export function projectRoutes(deps: ProjectDeps) {
  const { store, clock, now, followDeployment } = deps;
  const app = new Hono<Env>();

  /**
   * The organization whose project a request may read: the token's own, or, for Tesserra
   * engineering, the owner of a project that has a review (contract §7; any other answers 404).
   */
  const projectJson = (row: CurrentProject) => projectJsonAt(row, now());

  const viewerOrganizacao = (c: Context<Env>) => {
    const account = c.get("account");
    return account.papel === "revisor"
      ? (store.reviewedOrganizacao(c.req.param("id") ?? "") ?? "")
      : account.organizacao;
  };

  function newDeployment(
    projetoId: string,
    versao: number,
    bp: Blueprint,
    unchanged?: Set<string>,
  ): DeploymentRow {
    const t = now();
    const passos = scheduleDeployment(normalizeBlueprint(bp), t, clock, unchanged);
    return {
      id: `im_${randomUUID().replace(/-/g, "").slice(0, 16)}`,
      projeto_id: projetoId,
      versao,
      criada_em: t,
      fim: deploymentEnd(passos, t),
      passos,
    };
  }

  /**
   * Idempotency-Key (contract §2): the same key with the same request answers the first
   * answer again and does nothing; the same key with another request is 422.
   */
  async function idempotent(
    c: Context<Env>,
    requestText: string,
    handle: () => Response,
  ): Promise<Response> {
    const key = c.req.header("Idempotency-Key");
    if (!key) return handle();
    if (key.length > 255)
      return problemResponse(400, problemT(c)("idemKey.title"), problemT(c)("idemKey.detail"));
    const { organizacao } = c.get("account");
    const hash = createHash("sha256")
      .update(`${c.req.method} ${c.req.path}\n${requestText}`)
      .digest("hex");
    return store.transaction(() => {
      const previous = store.idempotentAnswer(organizacao, key);
      if (previous) {
        if (previous.hash !== hash)
          return problemResponse(
            422,
            problemT(c)("idemReused.title"),
            problemT(c)("idemReused.detail"),
            { type: "https://tesserra.dev/problemas/idempotencia" },
          );
        return new Response(previous.body, {
          status: previous.status,
          headers: { ...previous.headers, "Idempotent-Replayed": "true" },
        });
      }
      const response = handle();
      // A server failure is not an answer: the client may retry it with the same key.
      if (response.status < 500) {
        const headers: Record<string, string> = {};
        response.headers.forEach((v, k) => {
          headers[k] = v;
        });
        const body = (response as TextResponse).bodyText ?? "";
        store.rememberAnswer(organizacao, key, { hash, status: response.status, body, headers });
      }
      return response;
    });
  }

  app.get("/projetos", (c) => {
    const rows = store.projectRows(c.get("account").organizacao);
    return jsonResponse(`[${rows.map(projectJson).join(",")}]`);
  });

  app.post("/projetos", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const account = c.get("account");
    return idempotent(c, body.text, () => {
      const result = validateBlueprint(body.value, { plano: planOf(account), locale: localeOf(c) });
      if (!result.valido || !result.blueprint) return refused(c, result.problemas);
      const bp = result.blueprint;
      const t = now();
      const id = `prj_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
      const deployment = newDeployment(id, 1, bp);
      const row: ProjectRow = {
        id,
        organizacao: account.organizacao,
        nome: bp.nome,
        fase: "pre-producao",
        blueprint: JSON.stringify(bp),
        versao: 1,
        implantacao_atual: deployment.id,
        criado_em: t,
        atualizado_em: t,
      };
      store.insertProject(row, deployment);
      queueMicrotask(() => followDeployment(deployment));
      return textResponse(projectJson({ ...row, fim: deployment.fim }), 201, {
        "Content-Type": "application/json",
        ETag: etagOf(row),
        Location: `/v1/projetos/${id}`,
      });
    });
  });

  app.get("/projetos/:id", (c) => {
    const row = store.projectRow(viewerOrganizacao(c), c.req.param("id"));
    if (!row) return notFound(c);
    return jsonResponse(projectJson(row), 200, { ETag: etagOf(row) });
  });

  app.post("/projetos/:id/plano", async (c) => {
    const row = store.projectRow(viewerOrganizacao(c), c.req.param("id"));
    if (!row) return notFound(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const result = validateBlueprint(body.value, {
      plano: planOf(c.get("account")),
      locale: localeOf(c),
    });
    if (!result.valido) return refused(c, result.problemas);
    const current = JSON.parse(row.blueprint);
    const plan = diffBlueprints(current, body.value);
    const avaliacao = {
      antes: assessStored(current, localeOf(c)),
      depois: assess(normalizeBlueprint(body.value as Blueprint), {
        locale: localeOf(c),
        plano: planOf(c.get("account")),
      }),
    };
    return c.json(
      { ...plan, versao_atual: row.versao, problemas: result.problemas, avaliacao },
      200,
      { ETag: etagOf(row) },
    );
  });

  app.put("/projetos/:id", async (c) => {
    const account = c.get("account");
    const row = store.projectRow(account.organizacao, c.req.param("id"));
    if (!row) return notFound(c);
    const ifMatch = c.req.header("If-Match");
    if (!ifMatch) return ifMatchRequired(c, row);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    return idempotent(c, `${ifMatch}\n${body.text}`, () => {
      // Read again inside the transaction: the version check and the write are one step.
      const current = store.projectRow(account.organizacao, row.id);
      if (!current) return notFound(c);
      if (!matchesEtag(ifMatch, current)) return staleVersion(c, current);
      const result = validateBlueprint(body.value, { plano: planOf(account), locale: localeOf(c) });
      if (!result.valido || !result.blueprint) return refused(c, result.problemas);
      const bp = result.blueprint;
      const plan = diffBlueprints(JSON.parse(current.blueprint), bp);
      const touched = new Set([...plan.criar, ...plan.alterar.map((a) => a.nome)]);
      const unchanged = new Set(bp.recursos.map((r) => r.nome).filter((n) => !touched.has(n)));
      const versao = current.versao + 1;
      const deployment = newDeployment(current.id, versao, bp, unchanged);
      const next: ProjectRow = {
        ...current,
        nome: bp.nome,
        blueprint: JSON.stringify(bp),
        versao,
        implantacao_atual: deployment.id,
        atualizado_em: now(),
      };
      if (!store.updateProject(next, current.versao, deployment))
        return problemResponse(412, problemT(c)("stale.title"), problemT(c)("stale.retry"));
      // Reviews of another design no longer hold (same transaction as the new version).
      deps.onApplied(current.id, bp);
      queueMicrotask(() => followDeployment(deployment));
      return textResponse(projectJson({ ...next, fim: deployment.fim }), 200, {
        "Content-Type": "application/json",
        ETag: etagOf(next),
      });
    });
  });

  app.delete("/projetos/:id", (c) => {
    const { organizacao } = c.get("account");
    const id = c.req.param("id");
    const row = store.projectRow(organizacao, id);
    if (!row) return notFound(c);
    const ifMatch = c.req.header("If-Match");
    if (ifMatch && !matchesEtag(ifMatch, row))
      return problemResponse(
        412,
        problemT(c)("stale.title"),
        problemT(c)("stale.delete", { version: row.versao }),
        {},
        { ETag: etagOf(row) },
      );
    store.transaction(() => {
      store.removeProject(organizacao, id);
      store.recordEvent(id, "removido", "implantacao", { status: "removido" }, now());
    });
    return c.body(null, 204);
  });

  app.get("/projetos/:id/implantacoes/:iid", (c) => {
    const row = store.projectRow(viewerOrganizacao(c), c.req.param("id"));
    if (!row) return notFound(c);
    const d = store.deployment(row.id, c.req.param("iid"));
    if (!d)
      return problemResponse(
        404,
        problemT(c)("deployment.title"),
        problemT(c)("deployment.detail", { id: c.req.param("iid") ?? "", project: row.id }),
      );
    const t = now();
    return c.json({
      id: d.id,
      projeto: d.projeto_id,
      versao: d.versao,
      status: deploymentStatusAt(d.passos, t),
      criada_em: iso(d.criada_em),
      concluida_em: t >= d.fim ? iso(d.fim) : null,
      passos: d.passos.map((s) => {
        const status = stepStatusAt(s, t);
        return {
          recurso: s.recurso,
          tipo: s.tipo,
          regiao: s.regiao,
          status,
          atualizado_em: iso(
            status === "pronto" ? s.fim : status === "provisionando" ? s.inicio : d.criada_em,
          ),
        };
      }),
    });
  });

  app.get("/projetos/:id/eventos", (c) => {
    const row = store.projectRow(viewerOrganizacao(c), c.req.param("id"));
    if (!row) return notFound(c);
    const after = Number(c.req.header("Last-Event-ID") ?? c.req.query("depois") ?? 0) || 0;
    if (!(c.req.header("Accept") ?? "").includes("text/event-stream"))
      return c.json(store.events(row.id, after));
    return streamSSE(c, async (stream) => {
      let last = after;
      let pending = false;
      let wake: (() => void) | undefined;
      const off = store.onEvent((projetoId) => {
        if (projetoId !== row.id) return;
        pending = true;
        wake?.();
      });
      let closed = false;
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      try {
        while (!closed) {
          pending = false;
          const batch = store.events(row.id, last, 500);
          for (const e of batch) {
            await stream.writeSSE({ id: e.id, data: JSON.stringify(e) });
            last = Number(e.id);
          }
          if (batch.length === 500 || pending) continue;
          const woke = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), 15_000);
            wake = () => {
              clearTimeout(timer);
              resolve(true);
            };
          });
          wake = undefined;
          // A comment line keeps proxies from closing an idle stream.
          if (!woke && !closed) await stream.write(": keep-alive\n\n");
        }
      } finally {
        off();
      }
    });
  });

  return app;
}
