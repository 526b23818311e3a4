import { useState } from "react";
import { Link } from "react-router";
import { useCutover, useRevisoes } from "../../api/hooks";
import type { Projeto } from "../../contract/schemas";
import { Badge, buttonClass, Card } from "../../ui/Card";
import { useT } from "../../ui/i18n";
import { reviewPageMessages } from "./i18n";
import { RequestReview } from "./RequestReview";
import { cutoverState } from "./reviewView";

/** The project's phase as a badge: "Pre-production" or "Production". */
export function PhaseBadge({ fase }: { fase: Projeto["fase"] }) {
  const t = useT(reviewPageMessages);
  return (
    <Badge tone={fase === "producao" ? "ok" : "info"}>
      <span data-testid="project-phase">{t(`phase.${fase}`)}</span>
    </Badge>
  );
}

/**
 * Production readiness on the project page: the latest engineering review, the request, and
 * the cutover with the reason it is not possible yet.
 */
export function Readiness({ project, etag }: { project: Projeto; etag: string }) {
  const t = useT(reviewPageMessages);
  const reviews = useRevisoes(project.id);
  const cutover = useCutover(project.id);
  const [requesting, setRequesting] = useState(false);
  const list = reviews.data ?? [];
  const latest = list[0];
  const state = cutoverState(project, list);
  const multi = project.blueprint.resiliencia === "multi-regiao";
  return (
    <Card title={t("readiness.title")} labelledBy="readiness-title">
      <div className="space-y-3 text-sm">
        {multi ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("readiness.lead")}</p>
        ) : null}
        {latest ? (
          <p className="flex flex-wrap items-center gap-2">
            <span data-testid="latest-review">
              {t("readiness.latest", {
                status: t(`status.${latest.status}`),
                version: latest.versao,
              })}
            </span>
            <Link
              to={`/projects/${project.id}/reviews/${latest.id}`}
              className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
            >
              {t("readiness.open")}
            </Link>
          </p>
        ) : multi ? (
          <p className="text-slate-700 dark:text-slate-300">{t("readiness.none")}</p>
        ) : null}
        {project.fase === "producao" ? (
          <p className="font-medium text-emerald-800 dark:text-emerald-300">
            {t("readiness.inProduction")}
          </p>
        ) : (
          <>
            <div className="flex flex-wrap gap-2">
              {multi ? (
                <button
                  type="button"
                  className={buttonClass()}
                  disabled={latest?.status === "pendente" || project.status !== "ativo"}
                  onClick={() => setRequesting(true)}
                >
                  {t("readiness.request")}
                </button>
              ) : null}
              <button
                type="button"
                className={buttonClass("primary")}
                disabled={!state.allowed || cutover.isPending}
                aria-describedby="cutover-why"
                onClick={() => cutover.mutate(etag)}
              >
                {cutover.isPending ? t("readiness.cuttingOver") : t("readiness.cutover")}
              </button>
            </div>
            {state.reason ? (
              <p id="cutover-why" className="text-xs text-slate-600 dark:text-slate-400">
                {t(state.reason)}
              </p>
            ) : null}
          </>
        )}
        {cutover.error ? (
          <p
            role="alert"
            className="rounded-md bg-red-50 px-3 py-2 text-red-800 dark:bg-red-500/10 dark:text-red-200"
          >
            {cutover.error.message}
          </p>
        ) : null}
      </div>
      {requesting ? (
        <RequestReview
          projectId={project.id}
          blueprint={project.blueprint}
          onClose={() => setRequesting(false)}
        />
      ) : null}
    </Card>
  );
}
