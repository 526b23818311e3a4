/** The Monitor's series as query options, one per series of the project's regions. */
import { keepPreviousData } from "@tanstack/react-query";
import { api } from "../api/client";
import type { apiKeys } from "../api/keys";
import { seriesRequests } from "./series";

type Keys = ReturnType<typeof apiKeys>;
type Window = { de: string; ate: string };

export function metricsQueries(keys: Keys, id: string, regions: string[], window: Window) {
  return seriesRequests(regions).map((r) => ({
    queryKey: keys.metricas(id, r.serie, r.regiao, window),
    queryFn: () => api.metricas(id, { serie: r.serie, regiao: r.regiao, ...window }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  }));
}
