import { Link, useParams } from "react-router";
import { useProjeto, useTesteFailover } from "../api/hooks";
import { useT } from "../ui/i18n";
import { ErrorState, Skeleton } from "../ui/States";
import { DrillReport } from "./Drills";
import { cityOf } from "./format";
import { monitorMessages } from "./i18n";

/**
 * One drill's report at its own address (`/projects/:id/drills/:drillId`): detection, the
 * timeline, measured against estimated and the policy, the requests failed and the error
 * budget spent. Linked from the Monitor's failover history and the project's events, so a
 * report outlives the page that started the drill.
 */
export function DrillPage() {
  const t = useT(monitorMessages);
  const { id = "", drillId = "" } = useParams();
  const projeto = useProjeto(id);
  const drill = useTesteFailover(id, drillId);
  const name = projeto.data?.value.nome ?? id;
  return (
    <div className="flex flex-col">
      <header className="border-b border-slate-200 bg-white px-4 py-4 sm:px-8 dark:border-slate-800 dark:bg-slate-900">
        <nav
          aria-label={t("page.breadcrumb")}
          className="text-xs text-slate-500 dark:text-slate-400"
        >
          <Link to="/projects" className="hover:underline">
            {t("page.projects")}
          </Link>{" "}
          /{" "}
          <Link to={`/projects/${id}`} className="hover:underline">
            {name}
          </Link>{" "}
          /{" "}
          <Link to={`/projects/${id}/monitor`} className="hover:underline">
            {t("page.crumb")}
          </Link>{" "}
          / {t("drillPage.crumb")}
        </nav>
        <h1 className="mt-1 text-xl font-semibold tracking-tight">
          {drill.data
            ? drill.data.zona
              ? t("drillPage.titleZone", {
                  zone: drill.data.zona,
                  city: cityOf(drill.data.regiao),
                  name,
                })
              : t("drillPage.title", { city: cityOf(drill.data.regiao), name })
            : t("drillPage.titleLoading")}
        </h1>
      </header>
      <div className="mx-auto w-full max-w-4xl p-4 sm:p-8">
        {drill.isError ? (
          <ErrorState
            title={t("drillPage.error")}
            error={drill.error}
            onRetry={() => void drill.refetch()}
          />
        ) : drill.data ? (
          <DrillReport drill={drill.data} />
        ) : (
          <div role="status" aria-label={t("page.loading")}>
            <Skeleton className="h-64" />
          </div>
        )}
      </div>
    </div>
  );
}
