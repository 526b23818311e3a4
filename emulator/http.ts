/**
 * The HTTP pieces every route module shares: problem+json answers, JSON bodies read with a
 * precise error, ETags, and the account a request speaks for.
 */
import type { Context } from "hono";
import type { Finding, Plano } from "../src/blueprint";
import { parseBlueprintText } from "../src/blueprint";
import type { Problem } from "../src/contract/schemas";
import { localeOf, problemT } from "./i18n";

/** Who a token speaks for: a customer organization on a plan, or Tesserra engineering. */
export type Account =
  | { organizacao: string; papel: "cliente"; plano: Plano }
  | { organizacao: string; papel: "revisor" };

export type Env = { Variables: { account: Account } };

export const iso = (ms: number) => new Date(ms).toISOString();

/** A Response that keeps its body text, so an idempotent answer can be stored synchronously. */
export type TextResponse = Response & { bodyText?: string };

export function textResponse(body: string, status: number, headers: Record<string, string>) {
  // Vary: Origin in the constructor: CORS headers are added only to requests with an Origin.
  const r = new Response(body, { status, headers: { Vary: "Origin", ...headers } }) as TextResponse;
  r.bodyText = body;
  return r;
}

export function jsonResponse(body: string, status = 200, headers: Record<string, string> = {}) {
  return textResponse(body, status, { "Content-Type": "application/json", ...headers });
}

export function problemResponse(
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

/** A problem whose `type` names a contract code: `https://tesserra.dev/problemas/<codigo>`. */
export function codedProblem(status: number, codigo: string, title: string, detail: string) {
  return problemResponse(status, title, detail, {
    type: `https://tesserra.dev/problemas/${codigo}`,
  });
}

export const notFound = (c: Context) =>
  problemResponse(
    404,
    problemT(c)("notFound.title"),
    problemT(c)("notFound.detail", { id: c.req.param("id") ?? "" }),
  );

export function etagOf(row: { id: string; versao: number }) {
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

/** 428: a write that must name the version it starts from did not (no If-Match). */
export function ifMatchRequired(c: Context, row: { id: string; versao: number }) {
  return problemResponse(
    428,
    problemT(c)("ifMatch.title"),
    problemT(c)("ifMatch.detail", { etag: etagOf(row) }),
  );
}

/** 412: If-Match names another version than the current one; nothing changes. */
export function staleVersion(c: Context, current: { id: string; versao: number }) {
  return problemResponse(
    412,
    problemT(c)("stale.title"),
    problemT(c)("stale.detail", { version: current.versao, etag: etagOf(current) }),
    { type: "https://tesserra.dev/problemas/versao-desatualizada" },
    { ETag: etagOf(current) },
  );
}

/** Reads a JSON body: a 400 problem with the position of the first syntax error otherwise. */
export async function readJson(
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
export function refused(c: Context, problemas: Finding[]) {
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

/** The plan a request's blueprint is checked against: a reviewer's checks are the plan-free ones. */
export function planOf(account: Account): Plano | undefined {
  return account.papel === "cliente" ? account.plano : undefined;
}

/** 422 for a body that does not match the contract: one `esquema` finding per field at fault. */
export function invalidRequest(c: Context, issues: { path: PropertyKey[]; message: string }[]) {
  return problemResponse(
    422,
    problemT(c)("reviewInvalid.title"),
    problemT(c)("reviewInvalid.detail"),
    {
      problemas: issues.map((i) => ({
        ponteiro: `/${i.path.map(String).join("/")}`,
        codigo: "esquema",
        severidade: "erro",
        mensagem: i.message,
      })),
    },
  );
}
