/**
 * Early answers: a route can start the GET requests its page will make before the page's code
 * (and the client with its schemas) has arrived. The client takes a preloaded answer for the
 * same URL and token instead of asking again, then parses it as usual. Free of heavy imports,
 * so it lives in the first bundle.
 */
import { currentLocale } from "../i18n";
import type { ApiSettings } from "./settings";

/** A preloaded answer older than this is not used: the page asks again. */
const FRESH_MS = 10_000;

interface Preloaded {
  at: number;
  response: Promise<Response>;
  /** The body as JSON, read only for a preload that asked for it (see preloadJson). */
  json?: Promise<unknown>;
}

const inFlight = new Map<string, Preloaded>();

const keyOf = (url: string, token: string) => `${token}\n${url}`;

/** Starts a GET now, unless the same one is already under way. */
export function preload(settings: ApiSettings, path: string): void {
  start(settings, path);
}

function start(settings: ApiSettings, path: string): Preloaded {
  const url = `${settings.baseUrl}${path}`;
  const key = keyOf(url, settings.token);
  const pending = inFlight.get(key);
  if (pending && Date.now() - pending.at <= FRESH_MS) return pending;
  const headers: Record<string, string> = { "Accept-Language": currentLocale() };
  if (settings.token) headers.Authorization = `Bearer ${settings.token}`;
  const response = fetch(url, { headers });
  // A failed preload is no one's error here: the page asks again and reports it.
  response.catch(() => undefined);
  const entry: Preloaded = { at: Date.now(), response };
  inFlight.set(key, entry);
  return entry;
}

/**
 * Starts a GET (see `preload`) and reads its JSON (undefined when it failed), for a preload
 * that needs the answer to know what to ask next. Only then is the body read twice: the page's
 * client reads its own copy.
 */
export function preloadJson(settings: ApiSettings, path: string): Promise<unknown> {
  const entry = start(settings, path);
  entry.json ??= entry.response
    .then((r) => (r.ok ? r.clone().json() : undefined))
    .catch(() => undefined);
  return entry.json;
}

/** The preloaded answer for this GET, once: later asks go to the network. */
export function takePreloaded(url: string, token: string): Promise<Response> | undefined {
  const key = keyOf(url, token);
  const hit = inFlight.get(key);
  if (!hit) return undefined;
  inFlight.delete(key);
  return Date.now() - hit.at <= FRESH_MS ? hit.response : undefined;
}

/** API paths, built in one place so a preload and the client ask for the very same URL. */
export const apiPaths = {
  projeto: (id: string) => `/v1/projetos/${encodeURIComponent(id)}`,
  estado: (id: string) => `/v1/projetos/${encodeURIComponent(id)}/estado`,
  slos: (id: string) => `/v1/projetos/${encodeURIComponent(id)}/slos`,
  testes: (id: string) => `/v1/projetos/${encodeURIComponent(id)}/testes-failover`,
  metricas: (id: string, q: Readonly<Record<string, unknown>>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
    return `/v1/projetos/${encodeURIComponent(id)}/metricas?${params}`;
  },
  /** Many series in one request: `series` as the API reads it (`,` and `:` left as they are). */
  lote: (id: string, series: string, q: Readonly<Record<string, unknown>>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
    return `/v1/projetos/${encodeURIComponent(id)}/metricas/lote?series=${series}&${params}`;
  },
};
