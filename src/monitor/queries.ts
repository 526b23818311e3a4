/** The Monitor's series as one query: every series of its charts in one `lote` request. */
import { keepPreviousData } from "@tanstack/react-query";
import { api } from "../api/client";
import type { apiKeys } from "../api/keys";
import { MONITOR_LOTE } from "./series";

type Keys = ReturnType<typeof apiKeys>;
type Window = { de: string; ate: string };

export function metricsQuery(keys: Keys, id: string, window: Window) {
  return {
    queryKey: keys.lote(id, MONITOR_LOTE, window),
    queryFn: () => api.lote(id, MONITOR_LOTE, window),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  };
}
