/** Which series the Monitor fetches for a project's regions. Free of runtime imports. */
import type { Serie } from "../contract/monitoring";

export interface SeriesRequest {
  key: string;
  serie: Serie;
  regiao: string;
}

/** Every series the charts need for a project's regions. */
export function seriesRequests(regions: string[]): SeriesRequest[] {
  const req = (serie: Serie, regiao: string) => ({ key: `${serie}@${regiao}`, serie, regiao });
  return [
    req("disponibilidade", "global"),
    ...regions.map((r) => req("disponibilidade", r)),
    req("latencia_p50", "global"),
    req("latencia_p95", "global"),
    req("latencia_p99", "global"),
    ...regions.map((r) => req("taxa_erro", r)),
    ...regions.map((r) => req("trafego", r)),
    ...regions.map((r) => req("atraso_replicacao", r)),
  ];
}

/**
 * The same series as one `lote` request (contract §9). `*` needs no region list, so it can be
 * asked for before the project (and its blueprint) has arrived; it also brings the global
 * error rate, traffic and replication lag, which no chart draws.
 */
export const MONITOR_LOTE =
  "disponibilidade:*,latencia_p50:global,latencia_p95:global,latencia_p99:global,taxa_erro:*,trafego:*,atraso_replicacao:*";

/** A series' key in `seriesRequests`, from an answer. */
export const seriesKey = (s: { serie: string; regiao: string }) => `${s.serie}@${s.regiao}`;
