import { useState } from "react";
import { Link, useParams } from "react-router";
import { api } from "../../api/client";
import {
  useEventos,
  usePractice,
  useProjectEvents,
  useProjeto,
  useRunbook,
  useTestesFailover,
} from "../../api/hooks";
import {
  formatRunbookSeconds,
  runbookMessages,
  runbookSummary,
  scenarioName,
  statusName,
} from "../../blueprint/runbook/runbook";
import { formatDateTime, formatNumber } from "../../i18n/format";
import { buttonClass } from "../../ui/Card";
import { downloadText } from "../../ui/download";
import { useLocale, useT } from "../../ui/i18n";
import { LiveIndicator } from "../../ui/LiveIndicator";
import { ErrorState, Skeleton } from "../../ui/States";
import { runbookPageMessages } from "./i18n";
import { RunbookScenario } from "./RunbookScenario";
import { practiceUnderWay } from "./runbookView";
import { StatusMark } from "./StatusMark";

/** A file name from a project name: "Global SaaS" → "global-saas-runbook.md". */
function fileName(nome: string): string {
  const slug = nome
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${slug || "project"}-runbook.md`;
}

/**
 * A project's BCDR runbook at its own address (`/projects/:id/runbook`): whether the design is
 * BCDR-ready, and for each region and zone loss its steps on a time axis, the estimate, the
 * last drill's measurement and the policy, with the drill one click away. Live: each drill's
 * end (and a practice's progress) comes in over the project's event stream. Prints as a
 * document.
 */
export function RunbookPage() {
  const t = useT(runbookPageMessages);
  useT(runbookMessages); // the runbook's own words (scenario names, statuses) in this language
  const locale = useLocale();
  const { id = "" } = useParams();
  const projeto = useProjeto(id);
  const runbook = useRunbook(id);
  const eventos = useEventos(id);
  const testes = useTestesFailover(id);
  const live = useProjectEvents(id);
  const practice = usePractice(id);
  const [download, setDownload] = useState<{ pending: boolean; error?: string }>({
    pending: false,
  });
  const p = projeto.data?.value;
  const rb = runbook.data;
  const name = p?.nome ?? rb?.nome ?? id;
  const progress = practiceUnderWay(eventos.data ?? []);
  const runningDrill = testes.data?.find((d) => d.status === "em-andamento");
  const active = p?.status === "ativo";
  const blocked = !active
    ? t("page.inactive", { status: p?.status ?? "—" })
    : progress || runningDrill
      ? t("scenario.busy")
      : undefined;
  const untested = rb?.cenarios.filter((c) => c.sobrevive && c.status !== "testado") ?? [];
  const s = (x: number) => formatRunbookSeconds(x, locale);

  const downloadMarkdown = async () => {
    setDownload({ pending: true });
    try {
      downloadText(await api.runbookMarkdown(id), fileName(name), "text/markdown");
      setDownload({ pending: false });
    } catch (e) {
      setDownload({ pending: false, error: (e as Error).message });
    }
  };

  return (
    <div className="flex flex-col">
      <header className="border-b border-slate-200 bg-white px-4 py-4 sm:px-8 dark:border-slate-800 dark:bg-slate-900 print:border-0 print:px-0">
        <nav
          aria-label={t("page.breadcrumb")}
          className="text-xs text-slate-500 dark:text-slate-400 print:hidden"
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
            {t("page.monitor")}
          </Link>{" "}
          / {t("page.crumb")}
        </nav>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-xl font-semibold tracking-tight">{t("page.title", { name })}</h1>
          <div className="flex flex-wrap items-center gap-2 print:hidden">
            <LiveIndicator connected={live} />
            <button
              type="button"
              className={buttonClass("primary")}
              disabled={!rb || untested.length === 0 || blocked !== undefined || practice.isPending}
              title={untested.length === 0 ? t("action.nothingToPractise") : blocked}
              onClick={() => practice.mutate()}
            >
              {practice.isPending || progress ? t("action.practising") : t("action.practise")}
            </button>
            <button
              type="button"
              className={buttonClass()}
              disabled={download.pending}
              onClick={() => void downloadMarkdown()}
            >
              {download.pending ? t("action.downloading") : t("action.download")}
            </button>
            <button type="button" className={buttonClass()} onClick={() => window.print()}>
              {t("action.print")}
            </button>
          </div>
        </div>
      </header>

      <div className="mx-auto w-full max-w-5xl space-y-6 p-4 sm:p-8 print:max-w-none print:p-0">
        {runbook.isError ? (
          <ErrorState
            title={t("page.error")}
            error={runbook.error}
            onRetry={() => void runbook.refetch()}
          />
        ) : !rb ? (
          <div role="status" aria-label={t("page.loading")} className="space-y-4">
            <Skeleton className="h-20" />
            <Skeleton className="h-64" />
          </div>
        ) : (
          <>
            <section
              aria-label={rb.testado ? t("verdict.ready") : t("verdict.notReady")}
              className={`rounded-lg border px-4 py-3 ${
                rb.testado
                  ? "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-500/30 dark:bg-emerald-500/10 dark:text-emerald-100"
                  : "border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-100"
              }`}
            >
              <p className="text-sm font-semibold" data-testid="runbook-verdict">
                {runbookSummary(rb, locale)}
              </p>
              <p className="mt-1 text-xs opacity-90">
                {t("page.policy", {
                  rto: s(rb.politica.rto_s),
                  rpo: s(rb.politica.rpo_s),
                  availability: formatNumber(locale, rb.politica.disponibilidade_pct, {
                    maximumFractionDigits: 4,
                  }),
                  days: rb.validade_teste_dias,
                })}
              </p>
              <p className="mt-0.5 text-xs opacity-90">
                {t("page.version", {
                  version: rb.versao ?? "—",
                  when: formatDateTime(locale, rb.gerado_em),
                })}
              </p>
            </section>

            <div role="status" className="empty:hidden print:hidden">
              {progress ? (
                <p className="rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:border-indigo-500/30 dark:bg-indigo-500/10 dark:text-indigo-100">
                  {t("practice.progress", {
                    done: progress.done.length,
                    total: progress.cenarios.length,
                  })}
                </p>
              ) : practice.data?.cenarios.length === 0 ? (
                <p className="text-sm text-slate-700 dark:text-slate-300">{t("practice.none")}</p>
              ) : null}
              {progress?.refused.map((r) => {
                const c = rb.cenarios.find((x) => x.id === r.cenario);
                return (
                  <p key={r.cenario} className="mt-1 text-sm text-amber-900 dark:text-amber-200">
                    {t("practice.refused", {
                      scenario: c ? scenarioName(c, locale) : r.cenario,
                      reason: t(`refusal.${r.codigo}` as Parameters<typeof t>[0]),
                    })}
                  </p>
                );
              })}
            </div>
            {practice.error ? (
              <p
                role="alert"
                className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-500/10 dark:text-red-200"
              >
                {practice.error.message}
              </p>
            ) : null}
            {download.error ? (
              <p
                role="alert"
                className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-500/10 dark:text-red-200"
              >
                {download.error}
              </p>
            ) : null}

            <section aria-labelledby="overview-title">
              <h2 id="overview-title" className="text-base font-semibold">
                {t("overview.title")}
              </h2>
              <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
                <table className="w-full min-w-[520px] text-left text-sm">
                  <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">
                        {t("overview.scenario")}
                      </th>
                      <th scope="col" className="px-3 py-2 font-medium">
                        {t("overview.status")}
                      </th>
                      <th scope="col" className="px-3 py-2 font-medium">
                        {t("overview.estimate")}
                      </th>
                      <th scope="col" className="px-3 py-2 font-medium">
                        {t("overview.lastDrill")}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                    {rb.cenarios.map((c) => (
                      <tr key={c.id} data-testid={`scenario-row-${c.id}`}>
                        <th scope="row" className="px-3 py-2 font-medium">
                          <a
                            href={`#scenario-${c.id.replace(/[^a-z0-9-]/gi, "-")}`}
                            className="text-indigo-700 hover:underline dark:text-indigo-300"
                          >
                            {scenarioName(c, locale)}
                          </a>
                        </th>
                        <td className="px-3 py-2">
                          <StatusMark status={c.status} label={statusName(c.status, locale)} />
                        </td>
                        <td className="px-3 py-2 tabular-nums">
                          {formatRunbookSeconds(c.estimado.rto_s, locale)} /{" "}
                          {formatRunbookSeconds(c.estimado.rpo_s, locale)}
                        </td>
                        <td className="px-3 py-2 text-slate-600 dark:text-slate-400">
                          {c.teste
                            ? formatDateTime(locale, c.teste.terminado_em)
                            : t("overview.never")}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>

            {rb.cenarios.map((c) => (
              <RunbookScenario
                key={c.id}
                projectId={id}
                runbook={rb}
                scenario={c}
                blocked={blocked}
                running={
                  runningDrill && runningDrill.cenario === c.id ? runningDrill.id : undefined
                }
              />
            ))}
          </>
        )}
      </div>
    </div>
  );
}
