/**
 * TanStack Query hooks over the API client. Mutations invalidate exactly what they change;
 * a project's live event stream invalidates what each event touches, so pages update
 * without polling and without reloading everything.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Evento } from "../contract/schemas";
import { api } from "./client";
import type { apiKeys } from "./keys";
import { useApiKeys } from "./useApiKeys";

export { useApiKeys };

export function useProjetos() {
  const keys = useApiKeys();
  return useQuery({ queryKey: keys.projetos(), queryFn: api.projetos });
}

export function useProjeto(id: string) {
  const keys = useApiKeys();
  return useQuery({ queryKey: keys.projeto(id), queryFn: () => api.projeto(id) });
}

export function useImplantacao(id: string, iid: string | undefined) {
  const keys = useApiKeys();
  return useQuery({
    queryKey: keys.implantacao(id, iid ?? ""),
    queryFn: () => api.implantacao(id, iid ?? ""),
    enabled: !!iid,
  });
}

export function useEventos(id: string) {
  const keys = useApiKeys();
  return useQuery({ queryKey: keys.eventos(id), queryFn: () => api.eventos(id) });
}

export function useEstado(id: string, enabled = true) {
  const keys = useApiKeys();
  return useQuery({
    queryKey: keys.estado(id),
    queryFn: () => api.estado(id),
    enabled,
    // Health changes between events too (replication lag, replicas); a slow poll keeps it fresh.
    refetchInterval: 10_000,
  });
}

export function useSlos(id: string, enabled = true) {
  const keys = useApiKeys();
  return useQuery({
    queryKey: keys.slos(id),
    queryFn: () => api.slos(id),
    enabled,
    refetchInterval: 30_000,
  });
}

export function useMetricas(
  id: string,
  serie: Parameters<typeof api.metricas>[1]["serie"],
  regiao: string,
  range: { de: string; ate: string; passo?: number },
  enabled = true,
) {
  const keys = useApiKeys();
  return useQuery({
    queryKey: keys.metricas(id, serie, regiao, range),
    queryFn: () => api.metricas(id, { serie, regiao, ...range }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useTestesFailover(id: string, enabled = true) {
  const keys = useApiKeys();
  return useQuery({ queryKey: keys.testes(id), queryFn: () => api.testesFailover(id), enabled });
}

export function useTesteFailover(id: string, tid: string | undefined) {
  const keys = useApiKeys();
  return useQuery({
    queryKey: keys.teste(id, tid ?? ""),
    queryFn: () => api.testeFailover(id, tid ?? ""),
    enabled: !!tid,
    // While a drill runs its report grows each second of simulated time.
    refetchInterval: (q) => (q.state.data?.status === "em-andamento" ? 1_000 : false),
  });
}

export function useStartDrill(id: string) {
  const keys = useApiKeys();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { regiao: string; zona?: string; duracao_s: number }) =>
      api.iniciarTesteFailover(id, body),
    onSuccess: (drill) => {
      qc.setQueryData(keys.teste(id, drill.id), drill);
      void qc.invalidateQueries({ queryKey: keys.testes(id) });
      void qc.invalidateQueries({ queryKey: keys.estado(id) });
      void qc.invalidateQueries({ queryKey: keys.eventos(id) });
    },
  });
}

export function useRunbook(id: string) {
  const keys = useApiKeys();
  return useQuery({ queryKey: keys.runbook(id), queryFn: () => api.runbook(id) });
}

export function usePractice(id: string) {
  const keys = useApiKeys();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.praticarRunbook(id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.eventos(id) });
      void qc.invalidateQueries({ queryKey: keys.testes(id) });
    },
  });
}

export function useRevisoes(id: string) {
  const keys = useApiKeys();
  return useQuery({ queryKey: keys.revisoes(id), queryFn: () => api.revisoes(id) });
}

export function useRevisao(rid: string) {
  const keys = useApiKeys();
  return useQuery({ queryKey: keys.revisao(rid), queryFn: () => api.revisao(rid) });
}

/** Tesserra engineering's inbox; `enabled` only with a reviewer's token. */
export function useInbox(enabled: boolean) {
  const keys = useApiKeys();
  return useQuery({ queryKey: keys.inbox(), queryFn: api.revisoesTodas, enabled });
}

export function useConta() {
  const keys = useApiKeys();
  return useQuery({ queryKey: keys.conta(), queryFn: api.conta, staleTime: 5 * 60_000 });
}

/** Every change to a review refreshes the review, the project's list and the inbox. */
function useReviewMutation<A>(fn: (a: A) => Promise<unknown>, projectId: string, rid?: string) {
  const keys = useApiKeys();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      if (rid) void qc.invalidateQueries({ queryKey: keys.revisao(rid) });
      void qc.invalidateQueries({ queryKey: keys.revisoes(projectId) });
      void qc.invalidateQueries({ queryKey: keys.inbox() });
      void qc.invalidateQueries({ queryKey: keys.projeto(projectId) });
      void qc.invalidateQueries({ queryKey: keys.eventos(projectId) });
    },
  });
}

export function useRequestReview(id: string) {
  return useReviewMutation((nota: string) => api.pedirRevisao(id, nota), id);
}

export function useComment(projectId: string, rid: string) {
  return useReviewMutation(
    (body: { texto: string; ponteiro?: string }) => api.comentarRevisao(rid, body),
    projectId,
    rid,
  );
}

export function useDecide(projectId: string, rid: string) {
  return useReviewMutation(
    (body: { resultado: "aprovada" | "mudancas-solicitadas"; nota?: string }) =>
      api.decidirRevisao(rid, body),
    projectId,
    rid,
  );
}

export function useWithdraw(projectId: string, rid: string) {
  return useReviewMutation(() => api.retirarRevisao(rid), projectId, rid);
}

export function useCutover(id: string) {
  return useReviewMutation((etag: string) => api.cutover(id, etag), id);
}

export function useDeleteProjeto() {
  const keys = useApiKeys();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.removerProjeto(id),
    onSuccess: (_v, id) => {
      qc.removeQueries({ queryKey: keys.projeto(id) });
      void qc.invalidateQueries({ queryKey: keys.projetos() });
    },
  });
}

/** Which cached queries an event makes stale. */
function staleAfter(keys: ReturnType<typeof apiKeys>, id: string, e: Evento) {
  // Every event can change the runbook: a new version, a drill's end, the clock's.
  const stale: (readonly unknown[])[] = [keys.eventos(id), keys.runbook(id)];
  if (e.tipo === "revisao") {
    stale.push(keys.projeto(id), keys.revisoes(id), keys.inbox());
    const rid = e.dados.revisao;
    if (typeof rid === "string") stale.push(keys.revisao(rid));
  } else if (e.tipo === "implantacao") {
    stale.push(keys.projeto(id), keys.projetos());
    const iid = e.dados.implantacao;
    if (typeof iid === "string") stale.push(keys.implantacao(id, iid));
  } else {
    stale.push(keys.estado(id), keys.slos(id), keys.testes(id), keys.metricasAll(id));
    const tid = e.dados.teste;
    if (typeof tid === "string") stale.push(keys.teste(id, tid));
  }
  return stale;
}

/**
 * Follows a project's events while mounted. Invalidations are batched per animation frame:
 * a deployment emits dozens of events in a burst, and one refetch per query is enough.
 */
export function useProjectEvents(id: string, onEvento?: (e: Evento) => void) {
  const keys = useApiKeys();
  const qc = useQueryClient();
  const [connected, setConnected] = useState<boolean | null>(null);
  useEffect(() => {
    const pending = new Map<string, readonly unknown[]>();
    let frame = 0;
    const flush = () => {
      frame = 0;
      for (const key of pending.values()) void qc.invalidateQueries({ queryKey: key });
      pending.clear();
    };
    const stop = api.followEventos(
      id,
      (e, live) => {
        onEvento?.(e);
        // History replayed on connecting is already in what the page loaded.
        if (!live) return;
        for (const key of staleAfter(keys, id, e)) pending.set(JSON.stringify(key), key);
        if (!frame) frame = requestAnimationFrame(flush);
      },
      setConnected,
    );
    return () => {
      stop();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [id, keys, qc, onEvento]);
  return connected;
}
