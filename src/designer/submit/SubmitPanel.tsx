/** The submit panel: where the submission is, the plan with its impact, and what to do next. */
import { useEffect, useId, useRef } from "react";
import { Link } from "react-router";
import type { Avaliacao } from "../../blueprint";
import type { Translate } from "../../i18n";
import { buttonClass } from "../../ui/Card";
import { useLocale, useT } from "../../ui/i18n";
import { type PanelMessageKey, panelMessages } from "../panels/i18n";
import { impactRows } from "./impact";
import { planWords, type ValueChange } from "./planWords";
import type { Step } from "./SubmitControl";

type T = Translate<PanelMessageKey>;
type PlanStep = Extract<Step, { kind: "plan" }>;

/** The panel's title follows where the submission is, not only whether a project is linked. */
function panelTitle(step: Step, linkedProjectId: string | null, t: T): string {
  if (step.kind === "done") return step.created ? t("submit.created") : t("submit.updated");
  if (step.kind === "plan") return step.projectId ? t("submit.update") : t("submit.submit");
  return linkedProjectId ? t("submit.update") : t("submit.submit");
}

export default function SubmitPanel({
  step,
  linkedProjectId,
  onApply,
  onClose: close,
}: {
  step: Exclude<Step, { kind: "closed" }>;
  linkedProjectId: string | null;
  onApply: (step: PlanStep) => void;
  onClose: () => void;
}) {
  const t = useT(panelMessages);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  // The heading takes focus when the panel opens and at each new step, so it is announced.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each step
  useEffect(() => {
    headingRef.current?.focus();
  }, [step.kind]);
  return (
    <aside
      aria-labelledby={headingId}
      // Over the canvas, beside the inspector (w-72), never on top of it.
      className="fixed top-16 right-4 z-40 w-[400px] max-w-[calc(100vw-2rem)] rounded-xl border lg:right-[19rem] border-slate-200 bg-white text-sm shadow-2xl dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <h2
          id={headingId}
          ref={headingRef}
          tabIndex={-1}
          className="text-base font-semibold outline-none"
        >
          {panelTitle(step, linkedProjectId, t)}
        </h2>
        <button
          type="button"
          aria-label={t("submit.close")}
          onClick={close}
          className="rounded p-1 text-slate-500 dark:text-slate-400 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-white"
        >
          ✕
        </button>
      </div>
      <div className="px-4 py-3" aria-live="polite">
        {step.kind === "working" ? (
          <p className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
            <span className="inline-block size-4 animate-spin rounded-full border-2 border-slate-300 border-t-indigo-600" />
            {step.what}
          </p>
        ) : step.kind === "failed" ? (
          <div role="alert">
            <p className="font-medium text-red-700 dark:text-red-400">
              {step.findings ? t("submit.refused") : t("submit.failed")}
            </p>
            <p className="mt-1 text-slate-700 dark:text-slate-300">{step.message}</p>
            <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
              {t("submit.unchanged")}
            </p>
            {step.retry ? (
              <button
                type="button"
                className={`${buttonClass("primary")} mt-3`}
                onClick={step.retry}
              >
                {t("submit.retry")}
              </button>
            ) : null}
          </div>
        ) : step.kind === "plan" ? (
          <PlanView step={step} onApply={() => onApply(step)} onCancel={close} />
        ) : step.kind === "done" ? (
          <div>
            <p className="font-medium text-emerald-700 dark:text-emerald-400">
              {step.created ? t("submit.doneCreated") : t("submit.doneUpdated")}
            </p>
            <Link to={`/projects/${step.projectId}`} className={`${buttonClass("primary")} mt-3`}>
              {t("submit.viewDeployment")}
            </Link>
          </div>
        ) : null}
      </div>
    </aside>
  );
}

function PlanView({
  step,
  onApply,
  onCancel,
}: {
  step: PlanStep;
  onApply: () => void;
  onCancel: () => void;
}) {
  const t = useT(panelMessages);
  const { plan } = step;
  const nothing = plan.criar.length + plan.alterar.length + plan.remover.length === 0;
  // Boxes moved or the name changed: nothing to provision, but a version worth keeping (an
  // engineering approval holds across it, since the design is the same).
  const sameBlueprint =
    step.current !== undefined && JSON.stringify(step.current) === JSON.stringify(step.next);
  const words = step.current !== undefined ? planWords(step.current, step.next, plan) : undefined;
  return (
    <div>
      {step.notice ? (
        <p className="mb-3 rounded-md bg-amber-50 p-2 text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
          {step.notice}
        </p>
      ) : null}
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase">
        {t("submit.plan")}
      </h3>
      {nothing ? (
        <p className="mt-2 text-slate-600 dark:text-slate-300">
          {sameBlueprint || !step.projectId ? t("submit.noChanges") : t("submit.layoutOnly")}
        </p>
      ) : (
        <ul aria-label={t("submit.plan")} className="mt-2 max-h-72 space-y-1 overflow-auto">
          {words?.blueprint.map((b) => (
            <li key={`b-${b.field}`} className="flex items-start gap-2">
              <span className="w-16 shrink-0 rounded bg-amber-100 px-1.5 text-center text-xs font-semibold text-amber-800 dark:bg-amber-500/15 dark:text-amber-300">
                {t("submit.change")}
              </span>
              <span>
                {t("plan.blueprintField", { field: b.field })}: {b.before} → {b.after}
              </span>
            </li>
          ))}
          {plan.criar.map((n) => (
            <li key={`c-${n}`} className="flex items-center gap-2">
              <span className="w-16 rounded bg-emerald-100 px-1.5 text-center text-xs font-semibold text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300">
                {t("submit.create")}
              </span>
              <span className="font-mono">{n}</span>
            </li>
          ))}
          {plan.alterar.map((a) => (
            <li key={`a-${a.nome}`} className="flex items-start gap-2">
              <span className="w-16 shrink-0 rounded bg-amber-100 px-1.5 text-center text-xs font-semibold text-amber-800 dark:bg-amber-500/15 dark:text-amber-300">
                {t("submit.change")}
              </span>
              <span className="min-w-0">
                <span className="font-mono">{a.nome}</span>
                {words ? (
                  <ResourceChanges changes={words.resources.get(a.nome) ?? []} />
                ) : (
                  <span className="block font-mono text-xs text-slate-500 dark:text-slate-400">
                    {a.campos.join(", ")}
                  </span>
                )}
              </span>
            </li>
          ))}
          {plan.remover.map((n) => (
            <li key={`r-${n}`} className="flex items-center gap-2">
              <span className="w-16 rounded bg-red-100 px-1.5 text-center text-xs font-semibold text-red-800 dark:bg-red-500/15 dark:text-red-300">
                {t("submit.remove")}
              </span>
              <span className="font-mono">{n}</span>
            </li>
          ))}
        </ul>
      )}
      {step.impact ? <ImpactTable before={step.impact.antes} after={step.impact.depois} /> : null}
      {step.warnings > 0 ? (
        <p className="mt-2 text-xs text-amber-700 dark:text-amber-300">
          {t("submit.warnings", { count: step.warnings })}
        </p>
      ) : null}
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={buttonClass()} onClick={onCancel}>
          {t("page.cancel")}
        </button>
        <button
          type="button"
          className={buttonClass("primary")}
          onClick={onApply}
          disabled={nothing && !!step.projectId && sameBlueprint}
        >
          {step.projectId ? t("submit.apply") : t("submit.createProject")}
        </button>
      </div>
    </div>
  );
}

/** One resource's own changed fields, each with its values; or that only the regions moved it. */
function ResourceChanges({ changes }: { changes: ValueChange[] }) {
  const t = useT(panelMessages);
  if (changes.length === 0)
    return (
      <span className="block text-xs text-slate-600 dark:text-slate-300">
        {t("plan.followsRegions")}
      </span>
    );
  return (
    <ul className="text-xs text-slate-600 dark:text-slate-300">
      {changes.map((c) => (
        <li key={c.campo} className="break-all">
          <span className="font-mono">{c.campo}</span>:{" "}
          <span className="font-mono">{c.before}</span> →{" "}
          <span className="font-mono">{c.after}</span>
        </li>
      ))}
    </ul>
  );
}

const CHANGE_CLASS = {
  better: "text-emerald-800 dark:text-emerald-300",
  worse: "text-red-800 dark:text-red-300",
  same: "text-slate-600 dark:text-slate-300",
  new: "text-slate-600 dark:text-slate-300",
} as const;

/** Availability, worst RTO and RPO, and cost, before → after, with the direction in words. */
function ImpactTable({ before, after }: { before: Avaliacao | null; after: Avaliacao }) {
  const t = useT(panelMessages);
  const locale = useLocale();
  return (
    <div className="mt-3">
      <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
        {t("impact.title")}
      </h3>
      <table className="mt-1 w-full text-left text-xs" aria-label={t("impact.label")}>
        <thead className="text-slate-600 dark:text-slate-300">
          <tr>
            <th className="py-1 font-medium">{t("impact.figure")}</th>
            <th className="py-1 font-medium">{before ? t("impact.now") : ""}</th>
            <th className="py-1 font-medium">
              {before ? t("impact.after") : t("impact.estimate")}
            </th>
            <th className="py-1 font-medium">{before ? t("impact.change") : ""}</th>
          </tr>
        </thead>
        <tbody>
          {impactRows(before, after, locale).map((r) => (
            <tr key={r.figure} className="border-t border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-1 font-medium">
                {t(`impact.${r.figure}`)}
              </th>
              <td className="py-1 font-mono">{before ? r.before : ""}</td>
              <td className="py-1 font-mono">{r.after}</td>
              <td className={`py-1 ${CHANGE_CLASS[r.change]}`}>
                {r.change === "new" ? "" : `${r.arrow} ${t(`impact.${r.change}`)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
