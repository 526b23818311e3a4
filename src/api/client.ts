/**
 * The typed Tesserra API client (contract §2). Every response is parsed with its zod schema:
 * an answer that does not match the contract becomes an ApiError the user can read, never a
 * crash deeper in the UI.
 */

import * as z from "zod";
import type { MetricasQuerySchema } from "../contract/monitoring";

/** What an answer was about, for messages that say which one broke the contract. */
const what = (key: Parameters<ReturnType<typeof apiT>>[0], values?: Record<string, string>) =>
  apiT()(key, values);

/** The monitoring schemas load with the first monitoring call (the designer makes none). */
const monitoring = () => import("../contract/monitoring");
// The runbook's and the reviews' wire shapes load with the pages that read them.
const runbookShape = () => import("../blueprint/runbook/shape");
const reviewShapes = () => import("../contract/reviews");

import {
  ContaSchema,
  type Evento,
  EventoSchema,
  EventosSchema,
  type Finding,
  ImplantacaoSchema,
  PlanoRespostaSchema,
  type Problem,
  ProblemSchema,
  type Projeto,
  ProjetoSchema,
  ProjetosSchema,
  RegioesSchema,
  ValidacaoSchema,
} from "../contract/schemas";
import { currentLocale } from "../i18n";
import { apiPaths, takePreloaded } from "./preload";
import { type ApiSettings, currentApiSettings } from "./settings";

/** Events this close before the stream opened may postdate what the page loaded: news. */
const HISTORY_SLACK_MS = 2_000;

export type ApiErrorKind = "network" | "http" | "contract";

import { apiT, type Explained, explainError } from "./explain";

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly problem?: Problem;
  constructor(kind: ApiErrorKind, message: string, status?: number, problem?: Problem) {
    super(message);
    this.name = "ApiError";
    this.kind = kind;
    this.status = status;
    this.problem = problem;
  }
  /** Findings the server returned with a 422/403, to show on the nodes. */
  get problemas(): Finding[] {
    return this.problem?.problemas ?? [];
  }
  /** What happened and what to do next, in people's words (the message is the detail). */
  get explained(): Explained {
    return explainError(this);
  }
  /** Worth retrying as is: the network failed or the server did. */
  get retryable(): boolean {
    return this.kind === "network" || (this.status !== undefined && this.status >= 500);
  }
}

import type { PlanoResposta } from "../contract/schemas";

export type { PlanoResposta };

export interface Versioned<T> {
  value: T;
  etag: string;
}

type Query = z.input<typeof MetricasQuerySchema>;

function describeNetworkError(url: string, e: unknown): string {
  const reason = e instanceof Error ? e.message : String(e);
  return apiT()("network.detail", { url, reason });
}

export function createApiClient(settings: () => ApiSettings = currentApiSettings) {
  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    const { baseUrl, token } = settings();
    const url = `${baseUrl}${path}`;
    const headers = new Headers(init.headers);
    if (token) headers.set("Authorization", `Bearer ${token}`);
    // Findings and problem details come back in the reader's language.
    headers.set("Accept-Language", currentLocale());
    if (init.body !== undefined) headers.set("Content-Type", "application/json");
    let response: Response;
    try {
      const preloaded = !init.method && !init.body ? takePreloaded(url, token) : undefined;
      response = await (preloaded ?? fetch(url, { ...init, headers }));
    } catch (e) {
      if ((e as Error).name === "AbortError") throw e;
      throw new ApiError("network", describeNetworkError(baseUrl || location.origin, e));
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  async function errorFrom(response: Response): Promise<ApiError> {
    const text = await response.text().catch(() => "");
    let problem: Problem | undefined;
    try {
      const parsed = ProblemSchema.safeParse(JSON.parse(text));
      if (parsed.success) problem = parsed.data;
    } catch {
      // Not JSON: a proxy's or server's own error page.
    }
    const message = problem
      ? `${problem.title}: ${problem.detail}`
      : apiT()(response.status >= 500 ? "http.status5xx" : "http.status", {
          status: response.status,
          statusText: response.statusText || "",
        }).replace(" .", ".");
    return new ApiError("http", message, response.status, problem);
  }

  async function parse<S extends z.ZodType>(schema: S, response: Response, what: string) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiError("contract", apiT()("contract.notJson", { what }), response.status);
    }
    // Each answer is parsed once: zod's compiled fast path (generated with `new Function` on a
    // schema's first parse) costs more to build than it saves here.
    const parsed = schema.safeParse(body, { jitless: true });
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new ApiError(
        "contract",
        apiT()("contract.mismatch", {
          what,
          path: first.path.join(".") || "body",
          issue: first.message,
        }),
        response.status,
      );
    }
    return parsed.data as z.output<S>;
  }

  const get = async <S extends z.ZodType>(schema: S, path: string, what: string) =>
    parse(schema, await send(path), what);
  const json = (body: unknown) => JSON.stringify(body);
  const etagOf = (r: Response) => r.headers.get("ETag") ?? "";

  return {
    conta: () => get(ContaSchema, "/v1/conta", what("what.account")),
    regioes: () => get(RegioesSchema, "/v1/regioes", what("what.regions")),
    validar: async (blueprint: unknown) =>
      parse(
        ValidacaoSchema,
        await send("/v1/blueprints/validar", { method: "POST", body: json(blueprint) }),
        what("what.validation"),
      ),
    projetos: () => get(ProjetosSchema, "/v1/projetos", what("what.projects")),
    projeto: async (id: string): Promise<Versioned<Projeto>> => {
      const r = await send(apiPaths.projeto(id));
      return { value: await parse(ProjetoSchema, r, what("what.project")), etag: etagOf(r) };
    },
    criarProjeto: async (
      blueprint: unknown,
      idempotencyKey: string,
    ): Promise<Versioned<Projeto>> => {
      const r = await send("/v1/projetos", {
        method: "POST",
        body: json(blueprint),
        headers: { "Idempotency-Key": idempotencyKey },
      });
      return { value: await parse(ProjetoSchema, r, what("what.newProject")), etag: etagOf(r) };
    },
    plano: async (id: string, blueprint: unknown): Promise<Versioned<PlanoResposta>> => {
      const r = await send(`/v1/projetos/${encodeURIComponent(id)}/plano`, {
        method: "POST",
        body: json(blueprint),
      });
      return { value: await parse(PlanoRespostaSchema, r, what("what.plan")), etag: etagOf(r) };
    },
    atualizarProjeto: async (
      id: string,
      blueprint: unknown,
      etag: string,
      idempotencyKey: string,
    ): Promise<Versioned<Projeto>> => {
      const r = await send(`/v1/projetos/${encodeURIComponent(id)}`, {
        method: "PUT",
        body: json(blueprint),
        headers: { "If-Match": etag, "Idempotency-Key": idempotencyKey },
      });
      return { value: await parse(ProjetoSchema, r, what("what.project")), etag: etagOf(r) };
    },
    removerProjeto: async (id: string) => {
      await send(`/v1/projetos/${encodeURIComponent(id)}`, { method: "DELETE" });
    },
    implantacao: (id: string, iid: string) =>
      get(
        ImplantacaoSchema,
        `/v1/projetos/${encodeURIComponent(id)}/implantacoes/${encodeURIComponent(iid)}`,
        what("what.deployment"),
      ),
    eventos: (id: string) =>
      get(EventosSchema, `/v1/projetos/${encodeURIComponent(id)}/eventos`, what("what.events")),
    estado: async (id: string) =>
      get((await monitoring()).EstadoSchema, apiPaths.estado(id), what("what.state")),
    slos: async (id: string) =>
      get((await monitoring()).SloStatusSchema, apiPaths.slos(id), "the SLOs"),
    lote: async (id: string, series: string, window: { de: string; ate: string }) =>
      get(
        (await monitoring()).MetricasLoteSchema,
        apiPaths.lote(id, series, window),
        what("what.series", { serie: series }),
      ),
    metricas: async (id: string, q: Query) =>
      get(
        (await monitoring()).MetricasSchema,
        apiPaths.metricas(id, q),
        what("what.series", { serie: q.serie }),
      ),
    testesFailover: async (id: string) =>
      get(
        z.array((await monitoring()).TesteFailoverSchema),
        apiPaths.testes(id),
        what("what.drills"),
      ),
    iniciarTesteFailover: async (
      id: string,
      body: { regiao: string; zona?: string; duracao_s: number },
    ) =>
      parse(
        (await monitoring()).TesteFailoverSchema,
        await send(`/v1/projetos/${encodeURIComponent(id)}/testes-failover`, {
          method: "POST",
          body: json(body),
        }),
        what("what.newDrill"),
      ),
    runbook: async (id: string) =>
      get(
        (await runbookShape()).RunbookSchema,
        `/v1/projetos/${encodeURIComponent(id)}/runbook`,
        what("what.runbook"),
      ),
    /** The runbook as a Markdown document, in the reader's language. */
    exportarSlos: async (id: string, formato: "prometheus" | "openslo") =>
      (
        await send(`/v1/projetos/${encodeURIComponent(id)}/slos/exportar?formato=${formato}`, {
          headers: { Accept: "application/yaml" },
        })
      ).text(),
    runbookMarkdown: async (id: string) =>
      (
        await send(`/v1/projetos/${encodeURIComponent(id)}/runbook`, {
          headers: { Accept: "text/markdown" },
        })
      ).text(),
    praticarRunbook: async (id: string) =>
      parse(
        (await runbookShape()).PraticaSchema,
        await send(`/v1/projetos/${encodeURIComponent(id)}/runbook/praticar`, { method: "POST" }),
        what("what.practice"),
      ),
    revisoes: async (id: string) =>
      get(
        (await reviewShapes()).RevisoesSchema,
        `/v1/projetos/${encodeURIComponent(id)}/revisoes`,
        what("what.reviews"),
      ),
    /** Tesserra engineering's inbox: every organization's reviews. */
    revisoesTodas: async () =>
      get((await reviewShapes()).RevisoesSchema, "/v1/revisoes", what("what.reviews")),
    revisao: async (rid: string) =>
      get(
        (await reviewShapes()).RevisaoSchema,
        `/v1/revisoes/${encodeURIComponent(rid)}`,
        what("what.review"),
      ),
    pedirRevisao: async (id: string, nota: string) =>
      parse(
        (await reviewShapes()).RevisaoSchema,
        await send(`/v1/projetos/${encodeURIComponent(id)}/revisoes`, {
          method: "POST",
          body: json(nota ? { nota } : {}),
        }),
        what("what.review"),
      ),
    comentarRevisao: async (rid: string, body: { texto: string; ponteiro?: string }) =>
      parse(
        (await reviewShapes()).ComentarioSchema,
        await send(`/v1/revisoes/${encodeURIComponent(rid)}/comentarios`, {
          method: "POST",
          body: json(body),
        }),
        what("what.review"),
      ),
    decidirRevisao: async (
      rid: string,
      body: { resultado: "aprovada" | "mudancas-solicitadas"; nota?: string },
    ) =>
      parse(
        (await reviewShapes()).RevisaoSchema,
        await send(`/v1/revisoes/${encodeURIComponent(rid)}/decisao`, {
          method: "POST",
          body: json(body),
        }),
        what("what.review"),
      ),
    retirarRevisao: async (rid: string) =>
      parse(
        (await reviewShapes()).RevisaoSchema,
        await send(`/v1/revisoes/${encodeURIComponent(rid)}/retirar`, { method: "POST" }),
        what("what.review"),
      ),
    cutover: async (id: string, etag: string) =>
      parse(
        ProjetoSchema,
        await send(`/v1/projetos/${encodeURIComponent(id)}/cutover`, {
          method: "POST",
          headers: { "If-Match": etag },
        }),
        what("what.project"),
      ),
    testeFailover: async (id: string, tid: string) =>
      get(
        (await monitoring()).TesteFailoverSchema,
        `/v1/projetos/${encodeURIComponent(id)}/testes-failover/${encodeURIComponent(tid)}`,
        what("what.drill"),
      ),

    /**
     * Follows a project's event stream (SSE over fetch, since EventSource cannot send the
     * Authorization header), reconnecting with Last-Event-ID so no event is lost or repeated.
     * Returns a function that stops following.
     */
    followEventos(
      id: string,
      onEvento: (e: Evento, live: boolean) => void,
      onStatus: (connected: boolean) => void = () => {},
    ): () => void {
      const controller = new AbortController();
      let lastId: string | undefined;
      let retryMs = 500;
      let delay = retryMs;
      const run = async () => {
        while (!controller.signal.aborted) {
          try {
            const headers: Record<string, string> = {
              Accept: "text/event-stream",
              "Accept-Language": currentLocale(),
            };
            if (lastId) headers["Last-Event-ID"] = lastId;
            const r = await send(`/v1/projetos/${encodeURIComponent(id)}/eventos`, {
              headers,
              signal: controller.signal,
            });
            onStatus(true);
            delay = retryMs;
            // The first connection replays the project's whole history before anything new.
            // An event older than the server's clock at connection time (Date header, so the
            // browser's own clock does not matter) is history, not news; after a reconnect,
            // what arrives was missed while away, so it is news.
            const serverNow = lastId ? Number.NaN : Date.parse(r.headers.get("Date") ?? "");
            const isLive = (e: Evento) =>
              !Number.isFinite(serverNow) || Date.parse(e.em) >= serverNow - HISTORY_SLACK_MS;
            const reader = r.body?.pipeThrough(new TextDecoderStream()).getReader();
            if (!reader) throw new Error("no stream");
            // The SSE parser loads with the first stream (the designer never opens one).
            const { createParser } = await import("eventsource-parser");
            const parser = createParser({
              onEvent(message) {
                if (message.id !== undefined) lastId = message.id;
                if (!message.data) return;
                let data: unknown;
                try {
                  data = JSON.parse(message.data);
                } catch {
                  return; // not an event of the contract: skip it, keep following
                }
                const parsed = EventoSchema.safeParse(data);
                if (parsed.success) onEvento(parsed.data, isLive(parsed.data));
              },
              // The server's `retry:` is the first wait before reconnecting.
              onRetry(ms) {
                retryMs = ms;
              },
            });
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              parser.feed(value);
            }
          } catch (e) {
            if (controller.signal.aborted) return;
            // A 4xx will not heal by itself (project deleted, token revoked): stop.
            if (e instanceof ApiError && e.status !== undefined && e.status < 500) {
              onStatus(false);
              return;
            }
          }
          if (controller.signal.aborted) return;
          onStatus(false);
          await new Promise((r) => setTimeout(r, delay));
          delay = Math.min(delay * 2, 10_000);
        }
      };
      void run();
      return () => controller.abort();
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
export const api = createApiClient();
