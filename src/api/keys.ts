/**
 * The query-key factory: every key starts with the API it came from, so switching the API
 * address or token in Settings never shows one API's data as another's.
 */
import type { ApiSettings } from "./settings";

type Range = { de: string; ate: string; passo?: number };

export function apiKeys(s: ApiSettings) {
  const root = ["tesserra", s.baseUrl, s.token] as const;
  const project = (id: string) => [...root, "projetos", id] as const;
  return {
    root,
    conta: () => [...root, "conta"] as const,
    regioes: () => [...root, "regioes"] as const,
    projetos: () => [...root, "projetos"] as const,
    projeto: project,
    implantacao: (id: string, iid: string) => [...project(id), "implantacoes", iid] as const,
    eventos: (id: string) => [...project(id), "eventos"] as const,
    estado: (id: string) => [...project(id), "estado"] as const,
    slos: (id: string) => [...project(id), "slos"] as const,
    metricas: (id: string, serie: string, regiao: string, range: Range) =>
      [...project(id), "metricas", serie, regiao, range] as const,
    metricasAll: (id: string) => [...project(id), "metricas"] as const,
    lote: (id: string, series: string, range: Range) =>
      [...project(id), "metricas", "lote", series, range] as const,
    testes: (id: string) => [...project(id), "testes-failover"] as const,
    teste: (id: string, tid: string) => [...project(id), "testes-failover", tid] as const,
    runbook: (id: string) => [...project(id), "runbook"] as const,
    revisoes: (id: string) => [...project(id), "revisoes"] as const,
    revisao: (rid: string) => [...root, "revisoes", rid] as const,
    inbox: () => [...root, "revisoes"] as const,
  };
}
