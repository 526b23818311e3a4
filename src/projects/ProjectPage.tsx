import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import {
  useDeleteProjeto,
  useEventos,
  useImplantacao,
  useProjectEvents,
  useProjeto,
} from "../api/hooks";
import { blueprintRegions } from "../blueprint";
import { formatTime } from "../i18n/format";
import { Badge, buttonClass, Card } from "../ui/Card";
import { Dialog } from "../ui/Dialog";
import { downloadText } from "../ui/download";
import { useLocale, useT } from "../ui/i18n";
import { LiveIndicator } from "../ui/LiveIndicator";
import { ErrorState, Skeleton } from "../ui/States";
import { relativeTime } from "../ui/time";
import { projectsMessages } from "./i18n";
import { ProjectDiagram } from "./ProjectDiagram";
import {
  deploymentProgress,
  describeEvento,
  EVENT_LABEL,
  EVENT_TONE,
  PROJECT_STATUS,
  STEP_STATUS,
  stepsByResource,
} from "./present";
import { PhaseBadge, Readiness } from "./review/Readiness";

export function ProjectPage() {
  const t = useT(projectsMessages);
  const locale = useLocale();
  const { id = "" } = useParams();
  const projeto = useProjeto(id);
  const p = projeto.data?.value;
  const implantacao = useImplantacao(id, p?.implantacao_atual);
  const eventos = useEventos(id);
  const live = useProjectEvents(id);
  const remove = useDeleteProjeto();
  const navigate = useNavigate();
  const [confirmDelete, setConfirmDelete] = useState(false);

  if (projeto.isPending)
    return (
      <div className="space-y-4 p-8" role="status" aria-label={t("page.loading")}>
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-[420px]" />
      </div>
    );
  if (!p)
    return (
      <div className="mx-auto max-w-3xl p-8">
        <ErrorState
          title={t("page.error")}
          error={projeto.error}
          onRetry={() => void projeto.refetch()}
        />
        <Link to="/projects" className={`${buttonClass()} mt-4`}>
          {t("page.back")}
        </Link>
      </div>
    );

  const status = PROJECT_STATUS[p.status];
  const regioes = blueprintRegions(p.blueprint);
  const d = implantacao.data;
  const progress = d ? deploymentProgress(d.passos) : undefined;
  const events = eventos.data ? [...eventos.data].reverse() : [];

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <header className="flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 bg-white px-8 py-4 dark:border-slate-800 dark:bg-slate-900">
        <div className="min-w-0">
          <nav
            aria-label={t("page.breadcrumb")}
            className="text-xs text-slate-500 dark:text-slate-400"
          >
            <Link to="/projects" className="hover:underline">
              {t("list.title")}
            </Link>{" "}
            / <span className="font-mono">{p.id}</span>
          </nav>
          <div className="mt-1 flex items-center gap-3">
            <h1 className="truncate text-xl font-semibold tracking-tight">{p.nome}</h1>
            <Badge tone={status.tone}>
              <span data-testid="project-status">{t(status.label)}</span>
            </Badge>
            <PhaseBadge fase={p.fase} />
            <span className="text-sm text-slate-500 dark:text-slate-400">v{p.versao}</span>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span className="mr-2">
            <LiveIndicator connected={live} />
          </span>
          <button
            type="button"
            className={buttonClass()}
            onClick={() =>
              downloadText(`${JSON.stringify(p.blueprint, null, 2)}\n`, `${p.nome}.blueprint.json`)
            }
          >
            {t("page.download")}
          </button>
          <Link to={`/projects/${p.id}/runbook`} className={buttonClass()}>
            {t("action.runbook")}
          </Link>
          <Link to={`/projects/${p.id}/monitor`} className={buttonClass("primary")}>
            {t("action.monitor")}
          </Link>
          <button
            type="button"
            className={buttonClass("danger")}
            onClick={() => setConfirmDelete(true)}
          >
            {t("page.delete")}
          </button>
        </div>
      </header>

      <div className="grid min-h-0 flex-1 grid-cols-1 gap-6 p-6 xl:grid-cols-[1fr_380px]">
        <Card
          title={t("page.architecture")}
          className="flex min-h-[480px] flex-col overflow-hidden"
        >
          {/* On a phone the diagram stacks its resources and is as tall as they are. */}
          <div className="-m-4 h-[calc(100vh-210px)] min-h-[440px] max-sm:h-auto">
            <ProjectDiagram
              blueprint={p.blueprint}
              regioes={regioes}
              steps={d ? stepsByResource(d.passos) : undefined}
            />
          </div>
        </Card>
        <div className="flex min-h-0 flex-col gap-6">
          <Card title={t("page.deployment")} labelledBy="deployment-title">
            {implantacao.isError ? (
              <ErrorState title={t("page.deploymentError")} error={implantacao.error} />
            ) : !d || !progress ? (
              <Skeleton className="h-16" />
            ) : (
              <div>
                <div className="flex items-center justify-between text-sm">
                  <Badge tone={STEP_STATUS[d.status].tone}>{t(STEP_STATUS[d.status].label)}</Badge>
                  <span className="tabular-nums text-slate-600 dark:text-slate-300">
                    {t("page.progressText", { ready: progress.ready, total: progress.total })}
                  </span>
                </div>
                <div
                  role="progressbar"
                  aria-label={t("page.progress")}
                  aria-valuemin={0}
                  aria-valuemax={progress.total}
                  aria-valuenow={progress.ready}
                  className="mt-3 h-2 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800"
                >
                  <div
                    className="h-full rounded-full bg-indigo-600 transition-[width] duration-300"
                    style={{ width: `${progress.fraction * 100}%` }}
                  />
                </div>
                <dl className="mt-3 grid grid-cols-2 gap-2 text-xs text-slate-500 dark:text-slate-400">
                  <dt>{t("page.started")}</dt>
                  <dd className="text-right">{relativeTime(d.criada_em)}</dd>
                  <dt>{t("page.finished")}</dt>
                  <dd className="text-right">
                    {d.concluida_em ? relativeTime(d.concluida_em) : t("page.inProgress")}
                  </dd>
                </dl>
              </div>
            )}
          </Card>
          <Readiness project={p} etag={projeto.data?.etag ?? ""} />
          <Card title={t("page.events")} className="flex min-h-0 flex-1 flex-col">
            {eventos.isError ? (
              <ErrorState title={t("page.eventsError")} error={eventos.error} />
            ) : events.length === 0 ? (
              <p className="text-sm text-slate-500 dark:text-slate-400">{t("page.noEvents")}</p>
            ) : (
              // A scrolling region is focusable so the keyboard can scroll it (WCAG 2.1.1).
              <section
                aria-label={t("page.eventLogScroll")}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus
                tabIndex={0}
                className="-my-1 max-h-[calc(100vh-470px)] min-h-40 overflow-auto text-sm"
              >
                <ol aria-label={t("page.eventLog")}>
                  {events.map((e) => (
                    <li key={e.id} className="flex items-start gap-2 py-1.5">
                      <span className="mt-0.5 shrink-0">
                        <Badge tone={EVENT_TONE[e.tipo]}>{t(EVENT_LABEL[e.tipo])}</Badge>
                      </span>
                      <span className="min-w-0 flex-1 text-slate-700 dark:text-slate-200">
                        {typeof e.dados?.teste === "string" ? (
                          // A drill's events lead to its report.
                          <Link
                            to={`/projects/${id}/drills/${e.dados.teste}`}
                            className="text-indigo-700 hover:underline dark:text-indigo-300"
                          >
                            {describeEvento(e, t)}
                          </Link>
                        ) : typeof e.dados?.pratica === "string" ? (
                          // A practice's own events lead to the runbook it proves.
                          <Link
                            to={`/projects/${id}/runbook`}
                            className="text-indigo-700 hover:underline dark:text-indigo-300"
                          >
                            {describeEvento(e, t)}
                          </Link>
                        ) : (
                          describeEvento(e, t)
                        )}
                      </span>
                      <time
                        dateTime={e.em}
                        className="shrink-0 text-xs text-slate-500 dark:text-slate-400 tabular-nums"
                        title={e.em}
                      >
                        {formatTime(locale, e.em)}
                      </time>
                    </li>
                  ))}
                </ol>
              </section>
            )}
          </Card>
        </div>
      </div>

      <Dialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={t("page.deleteTitle", { name: p.nome })}
        footer={
          <>
            <button type="button" className={buttonClass()} onClick={() => setConfirmDelete(false)}>
              {t("page.cancel")}
            </button>
            <button
              type="button"
              className={buttonClass("danger")}
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(p.id, {
                  onSuccess: () => {
                    setConfirmDelete(false);
                    void navigate("/projects");
                  },
                })
              }
            >
              {t("page.deleteProject")}
            </button>
          </>
        }
      >
        <p>{t("page.deleteBody")}</p>
        {remove.isError ? (
          <p role="alert" className="mt-2 text-red-700 dark:text-red-400">
            {remove.error.message}
          </p>
        ) : null}
      </Dialog>
    </div>
  );
}
