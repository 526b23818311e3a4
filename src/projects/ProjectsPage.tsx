import { Link } from "react-router";
import { useProjetos } from "../api/hooks";
import type { Projeto } from "../contract/schemas";
import { Badge, buttonClass } from "../ui/Card";
import { wireLabel } from "../ui/glossary";
import { useT } from "../ui/i18n";
import { EmptyState, ErrorState, Skeleton } from "../ui/States";
import { relativeTime } from "../ui/time";
import { projectsMessages } from "./i18n";
import { PROJECT_STATUS } from "./present";

function regionsOf(p: Projeto): string {
  const regioes = p.blueprint.regioes;
  if (Array.isArray(regioes)) return regioes.join(", ");
  return p.blueprint.resiliencia === "multi-regiao"
    ? "sa-east-1, us-east-1, eu-central-1"
    : "sa-east-1";
}

function resourceCount(p: Projeto): number {
  return Array.isArray(p.blueprint.recursos) ? p.blueprint.recursos.length : 0;
}

export function ProjectsPage() {
  const t = useT(projectsMessages);
  const projetos = useProjetos();
  return (
    <div className="mx-auto w-full max-w-6xl p-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("list.title")}</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("list.lead")}</p>
        </div>
        <Link to="/designer" className={buttonClass("primary")}>
          {t("list.new")}
        </Link>
      </div>
      <div className="mt-6">
        {projetos.isPending ? (
          <div className="space-y-2" role="status" aria-label={t("list.loading")}>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-14" />
            ))}
          </div>
        ) : projetos.isError ? (
          <ErrorState
            title={t("list.error")}
            error={projetos.error}
            onRetry={() => void projetos.refetch()}
          />
        ) : projetos.data.length === 0 ? (
          <EmptyState
            title={t("list.empty")}
            action={
              <Link to="/designer" className={buttonClass("primary")}>
                {t("list.openDesigner")}
              </Link>
            }
          >
            {t("list.emptyBody")}
          </EmptyState>
        ) : (
          <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <table className="tesserra-stack w-full text-left text-sm">
              <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase dark:bg-slate-950/40 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    {t("col.name")}
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    {t("col.status")}
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    {t("col.resilience")}
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    {t("col.regions")}
                  </th>
                  <th scope="col" className="px-4 py-2.5 text-right font-medium">
                    {t("col.resources")}
                  </th>
                  <th scope="col" className="px-4 py-2.5 text-right font-medium">
                    {t("col.version")}
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    {t("col.updated")}
                  </th>
                  <th scope="col" className="px-4 py-2.5">
                    <span className="sr-only">{t("col.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {projetos.data.map((p) => {
                  const status = PROJECT_STATUS[p.status];
                  return (
                    <tr key={p.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/40">
                      <td className="px-4 py-3">
                        <Link
                          to={`/projects/${p.id}`}
                          className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                        >
                          {p.nome}
                        </Link>
                        <div className="font-mono text-xs text-slate-500 dark:text-slate-400">
                          {p.id}
                        </div>
                      </td>
                      <td data-label={t("col.status")} className="px-4 py-3">
                        <Badge tone={status.tone}>{t(status.label)}</Badge>
                      </td>
                      <td
                        data-label={t("col.resilience")}
                        className="px-4 py-3 text-slate-600 dark:text-slate-300"
                      >
                        {wireLabel(p.blueprint.resiliencia)}
                      </td>
                      <td
                        data-label={t("col.regions")}
                        className="px-4 py-3 text-slate-600 dark:text-slate-300"
                      >
                        {regionsOf(p)}
                      </td>
                      <td
                        data-label={t("col.resources")}
                        className="px-4 py-3 text-right tabular-nums"
                      >
                        {resourceCount(p)}
                      </td>
                      <td
                        data-label={t("col.version")}
                        className="px-4 py-3 text-right tabular-nums"
                      >
                        v{p.versao}
                      </td>
                      <td
                        data-label={t("col.updated")}
                        className="px-4 py-3 text-slate-600 dark:text-slate-300"
                      >
                        <time dateTime={p.atualizado_em} title={p.atualizado_em}>
                          {relativeTime(p.atualizado_em)}
                        </time>
                      </td>
                      <td className="px-4 py-3 text-right">
                        <Link
                          to={`/projects/${p.id}/monitor`}
                          className="text-sm font-medium text-slate-600 hover:text-indigo-700 dark:text-slate-300"
                          aria-label={t("action.monitorNamed", { name: p.nome })}
                        >
                          {t("action.monitor")}
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
