/**
 * How projects, deployments and events read to people: labels for the contract's Portuguese
 * wire values (from the projects catalog), kept in one place.
 */
import type { Evento, Passo, Projeto, StepStatus } from "../contract/schemas";
import type { Translate } from "../i18n";
import type { Tone } from "../ui/Card";
import type { ProjectsMessageKey } from "./i18n";

type T = Translate<ProjectsMessageKey>;

export const PROJECT_STATUS: Record<Projeto["status"], { label: ProjectsMessageKey; tone: Tone }> =
  {
    implantando: { label: "status.implantando", tone: "info" },
    ativo: { label: "status.ativo", tone: "ok" },
    falhou: { label: "status.falhou", tone: "critical" },
  };

export const STEP_STATUS: Record<StepStatus, { label: ProjectsMessageKey; tone: Tone }> = {
  pendente: { label: "step.pendente", tone: "neutral" },
  provisionando: { label: "step.provisionando", tone: "warning" },
  pronto: { label: "step.pronto", tone: "ok" },
  falhou: { label: "step.falhou", tone: "critical" },
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

/** `perda-regiao:sa-east-1` → "sa-east-1 region", `perda-zona:sa-east-1a` → "zone sa-east-1a". */
function scenarioLabel(id: string, t: T): string {
  const [kind, where = ""] = id.split(":");
  return kind === "perda-zona"
    ? t("event.zoneLabel", { zone: where })
    : t("event.regionLabel", { region: where });
}

/** One line for the event log. */
export function describeEvento(e: Evento, t: T): string {
  const d = e.dados;
  const regiao = str(d.regiao);
  switch (e.tipo) {
    case "implantacao": {
      if (d.status === "removido") return t("event.deleted");
      if (!d.recurso)
        return d.status === "pronto"
          ? t("event.finished")
          : t("event.deployment", { status: str(d.status) });
      const step = STEP_STATUS[d.status as StepStatus];
      return t("event.step", {
        resource: str(d.recurso),
        region: regiao,
        status: step ? t(step.label).toLowerCase() : str(d.status),
      });
    }
    case "saude": {
      // A zone drill's health events name the zone; its region kept serving.
      const zona = str(d.zona);
      if (zona)
        return d.evento === "zona-restabelecida"
          ? t("event.zoneHealthy", { zone: zona })
          : t("event.zoneUnhealthy", { zone: zona });
      return d.evento === "regiao-restabelecida"
        ? t("event.healthy", { region: regiao })
        : t("event.unhealthy", { region: regiao });
    }
    case "failover-inicio":
      return t("event.failoverStart", { region: regiao, to: str(d.destino) });
    case "failover-fim":
      return t("event.failoverEnd", { region: regiao, to: str(d.destino) });
    case "teste-failover": {
      const where = str(d.zona) || regiao;
      switch (d.fase) {
        case "pratica-inicio":
          return t("event.practiceStart", {
            count: Array.isArray(d.cenarios) ? d.cenarios.length : 0,
          });
        case "pratica-fim":
          return t("event.practiceEnd");
        case "pratica-recusado":
          return t("event.practiceSkipped", {
            scenario: scenarioLabel(str(d.cenario), t),
            code: str(d.codigo),
          });
        case "fim":
          return t("event.drillEnd", { region: where });
        default:
          return t("event.drillStart", { region: where });
      }
    }
    case "alerta":
      return t("event.alert", { text: str(d.mensagem) || str(d.slo) });
    case "revisao":
      return d.fase === "producao"
        ? t("event.cutover")
        : t("event.review", { status: t(`review.status.${str(d.status)}` as ProjectsMessageKey) });
  }
}

export const EVENT_TONE: Record<Evento["tipo"], Tone> = {
  implantacao: "info",
  saude: "warning",
  "failover-inicio": "critical",
  "failover-fim": "ok",
  alerta: "critical",
  "teste-failover": "neutral",
  revisao: "info",
};

export const EVENT_LABEL: Record<Evento["tipo"], ProjectsMessageKey> = {
  implantacao: "eventType.implantacao",
  saude: "eventType.saude",
  "failover-inicio": "eventType.failover",
  "failover-fim": "eventType.failover",
  alerta: "eventType.alerta",
  "teste-failover": "eventType.teste",
  revisao: "eventType.revisao",
};
