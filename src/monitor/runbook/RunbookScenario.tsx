import { Link } from "react-router";
import { useStartDrill } from "../../api/hooks";
import {
  formatRunbookSeconds,
  runbookT,
  scenarioName,
  statusDetail,
  statusName,
} from "../../blueprint/runbook/runbook";
import type { CenarioRunbook, Runbook } from "../../blueprint/runbook/shape";
import { formatDateTime } from "../../i18n/format";
import { buttonClass } from "../../ui/Card";
import { useLocale, useT } from "../../ui/i18n";
import { runbookPageMessages } from "./i18n";
import { timeAxis } from "./runbookView";
import { StatusMark } from "./StatusMark";

/** Where each automatic step falls after the loss, as bars, with the policy's RTO as a line. */
function StepsAxis({ scenario, policyRto }: { scenario: CenarioRunbook; policyRto: number }) {
  const t = useT(runbookPageMessages);
  const locale = useLocale();
  const tr = runbookT(locale);
  const axis = timeAxis(scenario, policyRto);
  const s = (x: number) => formatRunbookSeconds(x, locale);
  return (
    <figure className="mt-3">
      <figcaption className="text-xs text-slate-600 dark:text-slate-400">
        {t("scenario.stepsAxis")}
      </figcaption>
      {/* The list below says the same in words; this is the picture of it. */}
      <div className="mt-2 flex gap-2 text-xs" aria-hidden="true">
        <div className="w-24 shrink-0 space-y-1 sm:w-32">
          {axis.marks.map((m) => (
            <div
              key={m.ordem}
              className="h-5 truncate leading-5 text-slate-700 dark:text-slate-300"
            >
              {m.ordem}. {tr(`action.${m.acao}` as Parameters<typeof tr>[0])}
            </div>
          ))}
        </div>
        <div className="relative min-w-0 flex-1">
          <div className="space-y-1">
            {axis.marks.map((m) => (
              <div key={m.ordem} className="relative h-5 rounded-sm bg-slate-100 dark:bg-slate-800">
                <div
                  className="absolute inset-y-0.5 left-0 rounded-sm bg-indigo-500/80 dark:bg-indigo-400/70"
                  style={{ width: `${m.at * 100}%` }}
                />
                <span
                  className="absolute top-0 pl-1 leading-5 font-medium tabular-nums text-slate-900 dark:text-slate-100"
                  style={
                    m.at > 0.7 ? { right: `${100 - m.at * 100}%` } : { left: `${m.at * 100}%` }
                  }
                >
                  {s(m.apos_s)}
                </span>
              </div>
            ))}
          </div>
          <div
            className="absolute -top-1 -bottom-1 border-l-2 border-dashed border-red-700 dark:border-red-400"
            style={{ left: `${axis.policyAt * 100}%` }}
          />
          <div className="relative mt-1 h-4 text-[11px] tabular-nums text-slate-600 dark:text-slate-400">
            <span className="absolute left-0">0 s</span>
            <span
              className={`absolute whitespace-nowrap text-red-800 dark:text-red-300 ${
                axis.policyAt > 0.75 ? "-translate-x-full pr-1" : "-translate-x-1/2"
              }`}
              style={{ left: `${axis.policyAt * 100}%` }}
            >
              {t("scenario.policyLine", { seconds: s(policyRto) })}
            </span>
            {axis.policyAt < 0.8 ? <span className="absolute right-0">{s(axis.end)}</span> : null}
          </div>
        </div>
      </div>
    </figure>
  );
}

export function RunbookScenario({
  projectId,
  runbook,
  scenario,
  blocked,
  running,
}: {
  projectId: string;
  runbook: Runbook;
  scenario: CenarioRunbook;
  /** Why no drill can start now (a drill or practice under way, the project not active). */
  blocked: string | undefined;
  /** The drill under way, if it is this scenario's. */
  running: string | undefined;
}) {
  const t = useT(runbookPageMessages);
  const locale = useLocale();
  const tr = runbookT(locale);
  const start = useStartDrill(projectId);
  const s = (x: number | null) => formatRunbookSeconds(x, locale);
  const name = scenarioName(scenario, locale);
  const headingId = `scenario-${scenario.id.replace(/[^a-z0-9-]/gi, "-")}`;
  const teste = scenario.teste;
  return (
    <section
      id={headingId}
      aria-labelledby={`${headingId}-title`}
      className="scroll-mt-24 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900 print:break-before-page print:border-0 print:shadow-none"
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={`${headingId}-title`} className="text-base font-semibold">
            {name}
          </h2>
          <p className="mt-0.5 font-mono text-xs text-slate-500 dark:text-slate-400">
            {scenario.id}
          </p>
        </div>
        <StatusMark status={scenario.status} label={statusName(scenario.status, locale)} />
      </header>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        {statusDetail(runbook, scenario, locale)}
      </p>

      <dl className="mt-4 grid grid-cols-1 gap-3 text-sm min-[480px]:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{t("scenario.estimated")}</dt>
          <dd className="font-medium tabular-nums">
            {t("scenario.pair", {
              rto: s(scenario.estimado.rto_s),
              rpo: s(scenario.estimado.rpo_s),
            })}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{t("scenario.measured")}</dt>
          <dd className="font-medium tabular-nums">
            {teste ? (
              <>
                {t("scenario.pair", { rto: s(teste.rto_s), rpo: s(teste.rpo_s) })}
                <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
                  {t("scenario.drillOn", {
                    when: formatDateTime(locale, teste.terminado_em),
                    version: teste.versao ?? "—",
                  })}{" "}
                  <Link
                    to={`/projects/${projectId}/drills/${teste.id}`}
                    className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300 print:hidden"
                  >
                    {t("scenario.openReport")}
                  </Link>
                </span>
              </>
            ) : (
              <span className="font-normal text-slate-600 dark:text-slate-400">
                {t("scenario.noDrill")}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{t("scenario.policy")}</dt>
          <dd className="font-medium tabular-nums">
            {t("scenario.pair", { rto: s(runbook.politica.rto_s), rpo: s(runbook.politica.rpo_s) })}
          </dd>
        </div>
      </dl>

      {scenario.passos.length === 0 ? (
        <p className="mt-4 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800/60 dark:text-slate-300">
          {t("scenario.noSteps")}
        </p>
      ) : (
        <>
          <StepsAxis scenario={scenario} policyRto={runbook.politica.rto_s} />
          <h3 className="mt-4 text-sm font-semibold">{t("scenario.steps")}</h3>
          <ol className="mt-2 space-y-2 text-sm">
            {scenario.passos.map((p) => (
              <li key={p.ordem} className="flex gap-3">
                <span
                  className="flex size-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold tabular-nums text-slate-700 dark:bg-slate-800 dark:text-slate-200"
                  aria-hidden="true"
                >
                  {p.ordem}
                </span>
                <div className="min-w-0">
                  <p className="font-medium">
                    {tr(`action.${p.acao}` as Parameters<typeof tr>[0])}{" "}
                    <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
                      {p.automatico ? t("scenario.automatic") : t("scenario.manual")}
                      {p.apos_s !== null
                        ? ` · ${t("scenario.after", { seconds: s(p.apos_s) })}`
                        : ""}
                    </span>
                  </p>
                  <p className="text-slate-700 dark:text-slate-300">{p.descricao}</p>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}

      {scenario.sobrevive ? (
        <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4 dark:border-slate-800 print:hidden">
          <button
            type="button"
            className={buttonClass("danger")}
            aria-label={t("scenario.runLabel", { scenario: name })}
            disabled={blocked !== undefined || start.isPending}
            title={blocked}
            onClick={() =>
              start.mutate({
                regiao: scenario.regiao,
                ...(scenario.zona ? { zona: scenario.zona } : {}),
                duracao_s: 60,
              })
            }
          >
            {start.isPending ? t("scenario.starting") : t("scenario.run")}
          </button>
          {running ? (
            <span className="text-sm text-slate-700 dark:text-slate-300">
              {t("scenario.runningHere")}{" "}
              <Link
                to={`/projects/${projectId}/drills/${running}`}
                className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
              >
                {t("scenario.openRunning")}
              </Link>
            </span>
          ) : blocked ? (
            <span className="text-xs text-slate-600 dark:text-slate-400">{blocked}</span>
          ) : null}
          {start.error ? (
            <p
              role="alert"
              className="w-full rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-500/10 dark:text-red-200"
            >
              {start.error.message}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
