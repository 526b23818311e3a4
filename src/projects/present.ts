/**
 * How projects, deployments and events read to people: English labels for the contract's
 * Portuguese wire values, kept in one place.
 */
import type { Evento, Passo, Projeto, StepStatus } from "../contract/schemas";
import type { Tone } from "../ui/Card";

export const PROJECT_STATUS: Record<Projeto["status"], { label: string; tone: Tone }> = {
  implantando: { label: "Deploying", tone: "info" },
  ativo: { label: "Active", tone: "ok" },
  falhou: { label: "Failed", tone: "critical" },
};

export const STEP_STATUS: Record<StepStatus, { label: string; tone: Tone }> = {
  pendente: { label: "Pending", tone: "neutral" },
  provisionando: { label: "Provisioning", tone: "warning" },
  pronto: { label: "Ready", tone: "ok" },
  falhou: { label: "Failed", tone: "critical" },
};

/** Per resource, its deployment step status in each region, in region order. */
export function stepsByResource(passos: readonly Passo[]): Map<string, Passo[]> {
  const out = new Map<string, Passo[]>();
  for (const p of passos) {
    const list = out.get(p.recurso);
    if (list) list.push(p);
    else out.set(p.recurso, [p]);
  }
  return out;
}

export interface DeploymentProgress {
  ready: number;
  total: number;
  /** 0..1 */
  fraction: number;
}

export function deploymentProgress(passos: readonly Passo[]): DeploymentProgress {
  const ready = passos.filter((p) => p.status === "pronto").length;
  return { ready, total: passos.length, fraction: passos.length ? ready / passos.length : 1 };
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** One line for the event log. */
export function describeEvento(e: Evento): string {
  const d = e.dados;
  switch (e.tipo) {
    case "implantacao":
      if (d.status === "removido") return "Project deleted";
      if (!d.recurso)
        return d.status === "pronto" ? "Deployment finished" : `Deployment ${str(d.status)}`;
      return `${str(d.recurso)} in ${str(d.regiao)}: ${STEP_STATUS[d.status as StepStatus]?.label.toLowerCase() ?? str(d.status)}`;
    case "saude":
      return d.evento === "regiao-restabelecida"
        ? `${str(d.regiao)} healthy again`
        : `${str(d.regiao)} failed its health checks`;
    case "failover-inicio":
      return `Failover started: ${str(d.regiao)} lost, moving its traffic to ${str(d.destino)}`;
    case "failover-fim":
      return `Failover of ${str(d.regiao)} complete: ${str(d.destino)} serves its traffic`;
    case "teste-failover":
      return d.fase === "fim"
        ? `Failover drill in ${str(d.regiao)} finished`
        : `Failover drill started: ${str(d.regiao)} down`;
    case "alerta":
      return `Alert: ${str(d.mensagem) || str(d.slo)}`;
  }
}

export const EVENT_TONE: Record<Evento["tipo"], Tone> = {
  implantacao: "info",
  saude: "warning",
  "failover-inicio": "critical",
  "failover-fim": "ok",
  alerta: "critical",
  "teste-failover": "neutral",
};

export const EVENT_LABEL: Record<Evento["tipo"], string> = {
  implantacao: "Deploy",
  saude: "Health",
  "failover-inicio": "Failover",
  "failover-fim": "Failover",
  alerta: "Alert",
  "teste-failover": "Drill",
};
