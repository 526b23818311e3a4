/**
 * Starts the Monitor's first requests at navigation: the project, its state, SLOs, drills and
 * every series of the default range (one request), all at once, while the page's code is still
 * loading. Imports nothing heavy (no schemas, no React): it runs from the first
 * bundle. The page's own queries take these answers and parse them as usual.
 */
import { apiPaths, preload } from "../api/preload";
import type { ApiSettings } from "../api/settings";
import { DEFAULT_RANGE, queryWindow } from "./range";
import { MONITOR_LOTE } from "./series";

/** The Monitor's route, under the shell: the router and the early start (boot.ts) share it. */
export const MONITOR_ROUTE = "projects/:id/monitor";

const MONITOR_PATH = new RegExp(`^/${MONITOR_ROUTE.replace(":id", "([^/]+)")}/?$`);

/** The project id of a Monitor's address, or undefined elsewhere (no router needed). */
export function monitorProjectId(pathname: string): string | undefined {
  const m = MONITOR_PATH.exec(pathname);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

export function preloadMonitor(settings: ApiSettings, id: string): void {
  // Everything needs only the id: asked for at once, beside the project, the series too (one
  // `lote` request whose `*` needs no region list). A project still deploying answers them
  // with an error the page never reads: it waits until active.
  preload(settings, apiPaths.lote(id, MONITOR_LOTE, queryWindow(DEFAULT_RANGE, Date.now())));
  preload(settings, apiPaths.projeto(id));
  preload(settings, apiPaths.estado(id));
  preload(settings, apiPaths.slos(id));
  preload(settings, apiPaths.testes(id));
}
