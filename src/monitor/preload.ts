/**
 * Starts the Monitor's first requests at navigation: the project, then (once it is known to
 * be active) its state, SLOs, drills and every series of the default range, while the page's
 * code is still loading. Imports nothing heavy (no schemas, no React): it runs from the first
 * bundle. The page's own queries take these answers and parse them as usual.
 */
import { apiPaths, preload, preloadJson } from "../api/preload";
import type { ApiSettings } from "../api/settings";
import { blueprintRegions } from "../blueprint/plans";
import { DEFAULT_RANGE, queryWindow } from "./range";
import { seriesRequests } from "./series";

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

export async function preloadMonitor(settings: ApiSettings, id: string): Promise<void> {
  // State, SLOs and drills need only the id: asked for at once, beside the project. (A project
  // still deploying answers them with an error the page never reads: it waits until active.)
  const project = preloadJson(settings, apiPaths.projeto(id));
  preload(settings, apiPaths.estado(id));
  preload(settings, apiPaths.slos(id));
  preload(settings, apiPaths.testes(id));
  // The series need the regions, which the blueprint names.
  const projeto = (await project) as
    | { status?: unknown; blueprint?: Record<string, unknown> }
    | undefined;
  if (projeto?.status !== "ativo" || typeof projeto.blueprint !== "object") return;
  const window = queryWindow(DEFAULT_RANGE, Date.now());
  for (const r of seriesRequests(blueprintRegions(projeto.blueprint)))
    preload(settings, apiPaths.metricas(id, { serie: r.serie, regiao: r.regiao, ...window }));
}
