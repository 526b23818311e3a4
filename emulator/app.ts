/**
 * The emulator's HTTP face: contract §2 as a hono app over the SQLite store, plus the built
 * console (with an SPA fallback) on the same origin.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import type { Plano } from "../src/blueprint";
import { MAX_REQUEST_BYTES } from "../src/contract/schemas";
import { acceptedCodings, consoleFiles } from "./console";
import { deploymentTransitions } from "./deployments";
import { type Account, type Env, problemResponse } from "./http";
import { problemT } from "./i18n";
import { monitoringRoutes } from "./monitoring/routes";
import { openApiDocument } from "./openapi";
import { accountRoutes } from "./routes/account";
import { blueprintRoutes } from "./routes/blueprints";
import { projectJsonAt, projectRoutes } from "./routes/projects";
import { reviewRoutes, staleReviewsOnApply } from "./routes/reviews";
import { type DeploymentRow, Store } from "./store";

export { matchesEtag } from "./http";
export type { Account };

/** Request bodies above this answer 413 (contract: 1 MB; the console checks the same). */
export const MAX_BODY_BYTES = MAX_REQUEST_BYTES;

export interface EmulatorOptions {
  dataDir: string;
  clock: number;
  tokens: Map<string, Account>;
  /** The built console to serve; omitted, only the API is served. */
  distDir?: string;
  now?: () => number;
}

/**
 * Tokens from `TESSERRA_TOKENS`: `token=organizacao:plano,…`, or `token=organizacao:revisor`
 * for Tesserra engineering (contract §7).
 */
export function parseTokens(spec: string): Map<string, Account> {
  const tokens = new Map<string, Account>();
  for (const part of spec.split(",")) {
    const m = /^\s*([^=\s]+)=([^:\s]+):(starter|business|enterprise|revisor)\s*$/.exec(part);
    if (!m)
      throw new Error(
        `TESSERRA_TOKENS: "${part}" is not token=organizacao:plano (plano starter, business or enterprise) or token=organizacao:revisor.`,
      );
    tokens.set(
      m[1],
      m[3] === "revisor"
        ? { organizacao: m[2], papel: "revisor" }
        : { organizacao: m[2], papel: "cliente", plano: m[3] as Plano },
    );
  }
  return tokens;
}

export const DEFAULT_TOKENS =
  "dev=demo:enterprise,business=acme:business,starter=tiny:starter,eng=tesserra-engenharia:revisor";

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
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The only writes a reviewer makes: plans (they change nothing), comments and decisions. */
const REVIEWER_WRITES = [
  /^\/v1\/blueprints\/(validar|avaliar|otimizar)$/,
  /^\/v1\/projetos\/[^/]+\/plano$/,
  /^\/v1\/revisoes\/[^/]+\/(comentarios|decisao)$/,
];

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
    // A reviewer reads the monitoring of a project under review, as its owner would.
    organizacaoOf: (c) => {
      const account = (c as Context<Env>).get("account");
      return account.papel === "revisor"
        ? (store.reviewedOrganizacao(c.req.param("id") ?? "") ?? "")
        : account.organizacao;
    },
  });

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

  // Tesserra engineering reads and decides; it never changes a customer's project (§7).
  app.use("/v1/*", async (c, next) => {
    const account = c.get("account");
    if (
      account.papel === "revisor" &&
      !READ_METHODS.has(c.req.method) &&
      !REVIEWER_WRITES.some((re) => re.test(c.req.path))
    )
      return problemResponse(403, problemT(c)("readOnly.title"), problemT(c)("readOnly.detail"), {
        type: "https://tesserra.dev/problemas/revisor-somente-leitura",
      });
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

  // --- Routes, one module per resource ---
  app.route("/v1", accountRoutes());
  app.route("/v1", blueprintRoutes());
  app.route(
    "/v1",
    projectRoutes({
      store,
      clock,
      now,
      followDeployment,
      onApplied: (projectId, blueprint) => staleReviewsOnApply(store, projectId, blueprint, now()),
    }),
  );
  app.route(
    "/v1",
    reviewRoutes({
      store,
      now,
      runbookFor: (organizacao, id, locale) => monitoring.runbookFor(organizacao, id, locale),
      projectJson: (row) => projectJsonAt(row, now()),
    }),
  );
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
