/**
 * The emulator's HTTP face: contract §2 as a hono app over the SQLite store, plus the built
 * console (with an SPA fallback) on the same origin.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { streamSSE } from "hono/streaming";
import {
  assess,
  type Blueprint,
  diffBlueprints,
  type Finding,
  normalizeBlueprint,
  type Plano,
  parseBlueprintText,
  REGIONS,
  validateBlueprint,
  zonesOf,
} from "../src/blueprint";
import { MAX_REQUEST_BYTES, type Problem } from "../src/contract/schemas";
import type { Locale } from "../src/i18n";
import { acceptedCodings, consoleFiles } from "./console";
import {
  deploymentEnd,
  deploymentStatusAt,
  deploymentTransitions,
  scheduleDeployment,
  stepStatusAt,
} from "./deployments";
import { localeOf, problemT } from "./i18n";
import { monitoringRoutes } from "./monitoring/routes";
import { openApiDocument } from "./openapi";
import { type CurrentProject, type DeploymentRow, type ProjectRow, Store } from "./store";

/** Request bodies above this answer 413 (contract: 1 MB; the console checks the same). */
export const MAX_BODY_BYTES = MAX_REQUEST_BYTES;

export interface Account {
  organizacao: string;
  plano: Plano;
}

export interface EmulatorOptions {
  dataDir: string;
  clock: number;
  tokens: Map<string, Account>;
  /** The built console to serve; omitted, only the API is served. */
  distDir?: string;
  now?: () => number;
}

type Env = { Variables: { account: Account } };

const iso = (ms: number) => new Date(ms).toISOString();

function problemResponse(
  status: number,
  title: string,
  detail: string,
  extra: Partial<Problem> = {},
  headers: Record<string, string> = {},
) {
  const body: Problem = { type: "about:blank", title, status, detail, ...extra };
  return textResponse(JSON.stringify(body), status, {
    "Content-Type": "application/problem+json",
    Vary: "Origin, Accept-Language",
    ...headers,
  });
}

/** A Response that keeps its body text, so an idempotent answer can be stored synchronously. */
type TextResponse = Response & { bodyText?: string };
function textResponse(body: string, status: number, headers: Record<string, string>) {
  // Vary: Origin in the constructor: CORS headers are added only to requests with an Origin.
  const r = new Response(body, { status, headers: { Vary: "Origin", ...headers } }) as TextResponse;
  r.bodyText = body;
  return r;
}

/** Tokens from `TESSERRA_TOKENS`: `token=organizacao:plano,…`. */
export function parseTokens(spec: string): Map<string, Account> {
  const tokens = new Map<string, Account>();
  for (const part of spec.split(",")) {
    const m = /^\s*([^=\s]+)=([^:\s]+):(starter|business|enterprise)\s*$/.exec(part);
    if (!m)
      throw new Error(
        `TESSERRA_TOKENS: "${part}" is not token=organizacao:plano (plano starter, business or enterprise).`,
      );
    tokens.set(m[1], { organizacao: m[2], plano: m[3] as Plano });
  }
  return tokens;
}

/** A stored blueprint's assessment, or null when it no longer passes today's rules. */
function assessStored(blueprint: unknown, locale: Locale) {
  const result = validateBlueprint(blueprint, { locale });
  return result.valido && result.blueprint
    ? assess(normalizeBlueprint(result.blueprint), { locale })
    : null;
}

export const DEFAULT_TOKENS = "dev=demo:enterprise,business=acme:business,starter=tiny:starter";

function etagOf(row: { id: string; versao: number }) {
  return `"${row.id}.v${row.versao}"`;
}

/** If-Match uses the strong comparison (RFC 9110 §13.1.1): a weak validator never matches. */
export function matchesEtag(header: string, row: { id: string; versao: number }): boolean {
  const current = etagOf(row);
  return header
    .split(",")
    .map((t) => t.trim())
    .some((t) => t === "*" || t === current);
}

/** `application/json`, with no parameter but an optional UTF-8 charset. */
export function isJsonMediaType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(";").map((p) => p.trim().toLowerCase());
  if (type !== "application/json") return false;
  return params.every((p) => p === "" || /^charset="?utf-8"?$/.test(p));
}

interface RoutePattern {
  method: string;
  regex: RegExp;
}

/** The app's routes as patterns (middleware, registered for ALL methods, left out). */
function routePatterns(routes: readonly { method: string; path: string }[]): RoutePattern[] {
  return routes
    .filter((r) => r.method !== "ALL")
    .map((r) => {
      const pattern = r.path
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/:[^/]+/g, "[^/]+")
        .replace(/\*/g, ".*");
      return { method: r.method, regex: new RegExp(`^${pattern}$`) };
    });
}

/** The methods a path takes, so a known path with another method can answer 405 with Allow. */
function allowedMethods(patterns: readonly RoutePattern[], path: string): string[] {
  const allowed = new Set<string>();
  for (const r of patterns) if (r.regex.test(path)) allowed.add(r.method);
  if (allowed.has("GET")) allowed.add("HEAD");
  if (allowed.size) allowed.add("OPTIONS");
  return [...allowed];
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/**
 * Whether a request sends a body (RFC 9112 §6.3: Content-Length or Transfer-Encoding). A POST
 * without one (`…/runbook/praticar` takes none) needs no media type; one that has a body must
 * say it is JSON.
 */
function carriesBody(headers: Headers): boolean {
  const length = headers.get("Content-Length");
  return headers.has("Transfer-Encoding") || (length !== null && length.trim() !== "0");
}

export function createEmulator(options: EmulatorOptions) {
  const now = options.now ?? Date.now;
  const { clock, tokens } = options;
  const store = new Store(options.dataDir, now);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const app = new Hono<Env>();

  // --- Deployment events: recorded when each step's time comes, resumed after a restart. ---
  function followDeployment(d: DeploymentRow) {
    const transitions = deploymentTransitions(d.id, d.passos, d.criada_em);
    let next = 0;
    const tick = () => {
      const t = now();
      store.transaction(() => {
        while (next < transitions.length && transitions[next].at <= t) {
          const e = transitions[next++];
          store.recordEvent(d.projeto_id, e.key, "implantacao", e.dados, e.at);
        }
        if (next === transitions.length) store.closeDeployment(d.id);
      });
      // Deployed: the project's SLO history is computed ahead of its first Monitor.
      if (next === transitions.length) {
        const organizacao = store.organizacaoOf(d.projeto_id);
        if (organizacao) monitoring.warm(organizacao, d.projeto_id);
      }
      if (next < transitions.length) {
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            tick();
          },
          Math.max(0, transitions[next].at - now()),
        );
        timers.add(timer);
      }
    };
    tick();
  }

  const monitoring = monitoringRoutes({
    store,
    clock,
    now,
    organizacaoOf: (c) => (c as Context<Env>).get("account").organizacao,
  });

  // --- Helpers ---
  function projectStatus(row: CurrentProject) {
    return now() >= row.fim ? "ativo" : "implantando";
  }

  /** The project as JSON text; the stored blueprint is spliced in without re-parsing. */
  function projectJson(row: CurrentProject): string {
    return `{"id":${JSON.stringify(row.id)},"nome":${JSON.stringify(row.nome)},"blueprint":${row.blueprint},"versao":${row.versao},"status":"${projectStatus(row)}","implantacao_atual":${JSON.stringify(row.implantacao_atual)},"criado_em":"${iso(row.criado_em)}","atualizado_em":"${iso(row.atualizado_em)}"}`;
  }

  function jsonResponse(body: string, status = 200, headers: Record<string, string> = {}) {
    return textResponse(body, status, { "Content-Type": "application/json", ...headers });
  }

  const notFound = (c: Context) =>
    problemResponse(
      404,
      problemT(c)("notFound.title"),
      problemT(c)("notFound.detail", { id: c.req.param("id") ?? "" }),
    );

  /** Reads a JSON body: a 400 problem with the position of the first syntax error otherwise. */
  async function readJson(
    c: Context,
  ): Promise<{ ok: true; value: unknown; text: string } | { ok: false; response: Response }> {
    const text = await c.req.text();
    if (text.trim() === "")
      return {
        ok: false,
        response: problemResponse(
          400,
          problemT(c)("emptyBody.title"),
          problemT(c)("emptyBody.detail"),
        ),
      };
    const parsed = parseBlueprintText(text, {
      maxBytes: Number.POSITIVE_INFINITY,
      subject: "body",
      locale: localeOf(c),
    });
    if (!parsed.ok)
      return {
        ok: false,
        response: problemResponse(400, problemT(c)("malformed.title"), parsed.error),
      };
    return { ok: true, value: parsed.value, text };
  }

  /** A blueprint refused: 403 when only the account's plan stands in the way, else 422. */
  function refused(c: Context, problemas: Finding[]) {
    const t = problemT(c);
    const errors = problemas.filter((f) => f.severidade === "erro");
    if (errors.every((f) => f.codigo === "plano-insuficiente"))
      return problemResponse(
        403,
        t("planRefused.title"),
        t("planRefused.detail", { findings: errors.map((f) => f.mensagem).join(" ") }),
        { type: "https://tesserra.dev/problemas/plano-insuficiente", problemas },
      );
    return problemResponse(422, t("invalid.title"), t("invalid.detail", { count: errors.length }), {
      type: "https://tesserra.dev/problemas/blueprint-invalido",
      problemas,
    });
  }

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

  // --- Middleware ---
  // CORS only where a browser asks for it (a request with Origin). The rest — the console on
  // its own origin, curl, scripts — never touch the response after it is built, which keeps
  // @hono/node-server on its fast path (a touched response is re-read as a stream).
  const corsForBrowsers = cors({
    origin: (origin) => origin,
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "If-Match", "Last-Event-ID"],
    allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
    // Date: the console tells replayed events from new ones by the server's clock.
    exposeHeaders: ["ETag", "Location", "Idempotent-Replayed", "Date"],
    maxAge: 600,
  });
  app.use("/v1/*", (c, next) => (c.req.header("Origin") ? corsForBrowsers(c, next) : next()));
  // JSON answers over 512 bytes are compressed for clients that accept it (metric series shrink
  // tenfold); a client that does not ask keeps the uncompressed fast path.
  // Versioned answers (with an ETag) are never compressed: a compressed copy is another
  // representation, its ETag would turn weak, and If-Match compares strongly.
  // Compressed in the same turn of the event loop (a compression stream would finish its
  // answer a few turns later, behind whatever work the loop takes up next).
  app.use("/v1/*", async (c, next) => {
    await next();
    if (!acceptedCodings(c.req.header("Accept-Encoding")).has("gzip")) return;
    const res = c.res;
    if (res.headers.has("ETag")) {
      c.header("Cache-Control", "no-transform");
      return;
    }
    const type = res.headers.get("Content-Type") ?? "";
    if (!res.body || res.headers.has("Content-Encoding") || !/[/+]json\b/.test(type)) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    headers.append("Vary", "Accept-Encoding");
    if (body.length < 512) {
      c.res = new Response(body, { status: res.status, headers });
      return;
    }
    // The fastest level: a 30 kB series compresses in 0.38 ms instead of 0.65, to 12 % more
    // bytes; a page's twenty-odd series are answered while the browser is busy drawing.
    const zipped = gzipSync(body, { level: 1 });
    headers.set("Content-Encoding", "gzip");
    headers.set("Content-Length", String(zipped.length));
    c.res = new Response(zipped, { status: res.status, headers });
  });

  app.get("/v1/openapi.json", (c) => c.json(openApiDocument()));

  app.use("/v1/*", async (c, next) => {
    const header = c.req.header("Authorization") ?? "";
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const account = m ? tokens.get(m[1]) : undefined;
    if (!account)
      return problemResponse(
        401,
        problemT(c)("unauthorized.title"),
        problemT(c)(m ? "unauthorized.unknown" : "unauthorized.missing"),
        {},
        { "WWW-Authenticate": 'Bearer realm="tesserra"' },
      );
    c.set("account", account);
    await next();
  });

  // A known path with a method it does not take is 405; a body that is not JSON is 415.
  let patterns: RoutePattern[] | undefined;
  app.use("/v1/*", async (c, next) => {
    patterns ??= routePatterns(app.routes.filter((r) => r.path.startsWith("/v1/")));
    const allowed = allowedMethods(patterns, c.req.path);
    if (allowed.length && !allowed.includes(c.req.method))
      return problemResponse(
        405,
        problemT(c)("method.title"),
        problemT(c)("method.detail", {
          path: c.req.path,
          method: c.req.method,
          allowed: allowed.join(", "),
        }),
        {},
        { Allow: allowed.join(", ") },
      );
    if (
      BODY_METHODS.has(c.req.method) &&
      carriesBody(c.req.raw.headers) &&
      !isJsonMediaType(c.req.header("Content-Type"))
    )
      return problemResponse(
        415,
        problemT(c)("mediaType.title"),
        problemT(c)("mediaType.detail", {
          got: c.req.header("Content-Type")
            ? `"${c.req.header("Content-Type")}"`
            : problemT(c)("mediaType.none"),
        }),
        {},
        // The body is never read, so this connection cannot carry another request.
        { Connection: "close" },
      );
    await next();
  });

  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      problemResponse(
        413,
        problemT(c)("tooLarge.title"),
        problemT(c)("tooLarge.detail"),
        {},
        // The rest of the body is never read, so this connection cannot carry another request.
        { Connection: "close" },
      ),
  });
  // Only requests that carry a body pay for the limit (it wraps the request to count bytes).
  app.use("/v1/*", (c, next) => (BODY_METHODS.has(c.req.method) ? limitBody(c, next) : next()));

  // --- Account and catalog ---
  app.get("/v1/conta", (c) => c.json(c.get("account")));
  app.get("/v1/regioes", (c) =>
    c.json(
      REGIONS.map((r) => ({
        id: r.id,
        cidade: r.city,
        continente: r.continent,
        lat: r.lat,
        lon: r.lon,
        zonas: zonesOf(r.id),
      })),
    ),
  );

  app.post("/v1/blueprints/avaliar", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    // An estimate needs a valid design, not a plan that allows it: no plan rules here.
    const result = validateBlueprint(body.value, { locale: localeOf(c) });
    if (!result.valido || !result.blueprint)
      return problemResponse(
        422,
        problemT(c)("invalid.title"),
        problemT(c)("invalidAssess.detail"),
        { type: "https://tesserra.dev/problemas/blueprint-invalido", problemas: result.problemas },
      );
    // The token's plan decides only which fixes are offered (none it would refuse).
    return c.json(
      assess(normalizeBlueprint(result.blueprint), {
        locale: localeOf(c),
        plano: c.get("account").plano,
      }),
    );
  });

  app.post("/v1/blueprints/validar", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const { valido, problemas } = validateBlueprint(body.value, {
      plano: c.get("account").plano,
      locale: localeOf(c),
    });
    return c.json({ valido, problemas });
  });

  // --- Projects ---
  app.get("/v1/projetos", (c) => {
    const rows = store.projectRows(c.get("account").organizacao);
    return jsonResponse(`[${rows.map(projectJson).join(",")}]`);
  });

  app.post("/v1/projetos", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const account = c.get("account");
    return idempotent(c, body.text, () => {
      const result = validateBlueprint(body.value, { plano: account.plano, locale: localeOf(c) });
      if (!result.valido || !result.blueprint) return refused(c, result.problemas);
      const bp = result.blueprint;
      const t = now();
      const id = `prj_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
      const deployment = newDeployment(id, 1, bp);
      const row: ProjectRow = {
        id,
        organizacao: account.organizacao,
        nome: bp.nome,
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

  app.get("/v1/projetos/:id", (c) => {
    const row = store.projectRow(c.get("account").organizacao, c.req.param("id"));
    if (!row) return notFound(c);
    return jsonResponse(projectJson(row), 200, { ETag: etagOf(row) });
  });

  app.post("/v1/projetos/:id/plano", async (c) => {
    const row = store.projectRow(c.get("account").organizacao, c.req.param("id"));
    if (!row) return notFound(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const result = validateBlueprint(body.value, {
      plano: c.get("account").plano,
      locale: localeOf(c),
    });
    if (!result.valido) return refused(c, result.problemas);
    const current = JSON.parse(row.blueprint);
    const plan = diffBlueprints(current, body.value);
    const avaliacao = {
      antes: assessStored(current, localeOf(c)),
      depois: assess(normalizeBlueprint(body.value as Blueprint), {
        locale: localeOf(c),
        plano: c.get("account").plano,
      }),
    };
    return c.json(
      { ...plan, versao_atual: row.versao, problemas: result.problemas, avaliacao },
      200,
      { ETag: etagOf(row) },
    );
  });

  app.put("/v1/projetos/:id", async (c) => {
    const account = c.get("account");
    const row = store.projectRow(account.organizacao, c.req.param("id"));
    if (!row) return notFound(c);
    const ifMatch = c.req.header("If-Match");
    if (!ifMatch)
      return problemResponse(
        428,
        problemT(c)("ifMatch.title"),
        problemT(c)("ifMatch.detail", { etag: etagOf(row) }),
      );
    const body = await readJson(c);
    if (!body.ok) return body.response;
    return idempotent(c, `${ifMatch}\n${body.text}`, () => {
      // Read again inside the transaction: the version check and the write are one step.
      const current = store.projectRow(account.organizacao, row.id);
      if (!current) return notFound(c);
      if (!matchesEtag(ifMatch, current))
        return problemResponse(
          412,
          problemT(c)("stale.title"),
          problemT(c)("stale.detail", { version: current.versao, etag: etagOf(current) }),
          { type: "https://tesserra.dev/problemas/versao-desatualizada" },
          { ETag: etagOf(current) },
        );
      const result = validateBlueprint(body.value, { plano: account.plano, locale: localeOf(c) });
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
      queueMicrotask(() => followDeployment(deployment));
      return textResponse(projectJson({ ...next, fim: deployment.fim }), 200, {
        "Content-Type": "application/json",
        ETag: etagOf(next),
      });
    });
  });

  app.delete("/v1/projetos/:id", (c) => {
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

  app.get("/v1/projetos/:id/implantacoes/:iid", (c) => {
    const row = store.projectRow(c.get("account").organizacao, c.req.param("id"));
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

  app.get("/v1/projetos/:id/eventos", (c) => {
    const row = store.projectRow(c.get("account").organizacao, c.req.param("id"));
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

  app.route("/v1/projetos", monitoring.app as unknown as Hono<Env>);

  app.onError((err, c) => {
    const code = (err as NodeJS.ErrnoException).code;
    // A client that hangs up mid-body is routine on the internet: one line, no stack.
    if (code === "ECONNRESET" || err.message === "aborted") {
      console.warn(
        `tesserra-emulator: ${c.req.method} ${c.req.path}: the client went away mid-request`,
      );
      return problemResponse(400, problemT(c)("aborted.title"), problemT(c)("aborted.detail"));
    }
    console.error(`tesserra-emulator: ${c.req.method} ${c.req.path} failed:`, err);
    return problemResponse(500, problemT(c)("internal.title"), problemT(c)("internal.detail"));
  });

  app.all("/v1/*", (c) =>
    problemResponse(
      404,
      problemT(c)("route.title"),
      problemT(c)("route.detail", { method: c.req.method, path: c.req.path }),
    ),
  );

  // --- The console ---
  if (options.distDir && existsSync(join(options.distDir, "index.html")))
    app.use("*", consoleFiles(options.distDir));

  function start() {
    for (const d of store.openDeployments()) followDeployment(d);
    monitoring.resume();
  }

  function stop() {
    for (const t of timers) clearTimeout(t);
    timers.clear();
    monitoring.stop();
    store.close();
  }

  return { app, store, start, stop };
}
