import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { ApiError, api } from "../../api/client";
import { useApiKeys } from "../../api/hooks";
import { type Avaliacao, type ChangePlan, diffBlueprints, type Finding } from "../../blueprint";
import type { Translate } from "../../i18n";
import { buttonClass } from "../../ui/Card";
import { useLocale, useT } from "../../ui/i18n";
import type { Doc } from "../doc";
import { type DesignerMessageKey, designerMessages } from "../i18n";
import { assessmentOf, useDesigner } from "../store";
import { impactRows } from "./impact";

type T = Translate<DesignerMessageKey>;

/**
 * The designer's Submit button and its flow (validate on the server, plan, apply). The
 * designer owns the draft; this control only reads it and reports back through callbacks.
 */
export interface SubmitControlProps {
  /** The document being edited, exactly as the user wrote it. */
  blueprint: unknown;
  /** Local findings with severidade "erro": submitting is refused while there are any. */
  localErrors: number;
  /** The project this draft was last submitted to (kept with the draft), or null. */
  linkedProjectId: string | null;
  onLinkedProject: (id: string) => void;
  /** Server findings, shown on nodes and in Problems like local ones; [] clears them. */
  onServerFindings: (findings: Finding[]) => void;
  /** The plan to colour on the canvas while it is shown; null clears it. */
  onPlan: (plan: ChangePlan | null) => void;
}

type Step =
  | { kind: "closed" }
  | { kind: "working"; what: string }
  | {
      kind: "plan";
      plan: ChangePlan;
      /** Present when updating: the version the plan was computed against. */
      etag?: string;
      projectId?: string;
      warnings: number;
      notice?: string;
      /** What the change does to the assessment (contract §5): before (none for a new project) and after. */
      impact?: { antes: Avaliacao | null; depois: Avaliacao };
    }
  | {
      kind: "failed";
      message: string;
      retry: (() => void) | null;
      findings?: number;
    }
  | { kind: "done"; projectId: string; created: boolean };

/** The panel's title follows where the submission is, not only whether a project is linked. */
function panelTitle(step: Step, linkedProjectId: string | null, t: T): string {
  if (step.kind === "done") return step.created ? t("submit.created") : t("submit.updated");
  if (step.kind === "plan") return step.projectId ? t("submit.update") : t("submit.submit");
  return linkedProjectId ? t("submit.update") : t("submit.submit");
}

function newKey(): string {
  return crypto.randomUUID();
}

export function SubmitControl({
  blueprint,
  localErrors,
  linkedProjectId,
  onLinkedProject,
  onServerFindings,
  onPlan,
}: SubmitControlProps) {
  const t = useT(designerMessages);
  const [step, setStep] = useState<Step>({ kind: "closed" });
  // One key per intent to apply: a retry after a failure reuses it, so the server can tell
  // a retry from a new request and never creates a second project.
  const idempotencyKey = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const keys = useApiKeys();
  const queryClient = useQueryClient();
  const headingId = useId();

  useEffect(() => {
    if (step.kind !== "closed") headingRef.current?.focus();
  }, [step.kind]);

  function fail(e: unknown, retry: (() => void) | null) {
    const err = e instanceof ApiError ? e : new ApiError("network", String(e));
    if (err.problemas.length > 0) onServerFindings(err.problemas);
    setStep({
      kind: "failed",
      message: err.message,
      retry: err.retryable ? retry : null,
      findings: err.problemas.length || undefined,
    });
  }

  async function prepare(notice?: string) {
    setStep({ kind: "working", what: t("submit.validating") });
    try {
      const result = await api.validar(blueprint);
      onServerFindings(result.problemas);
      if (!result.valido) {
        const n = result.problemas.filter((f) => f.severidade === "erro").length;
        setStep({
          kind: "failed",
          message: t("submit.serverErrors", { count: n }),
          retry: null,
          findings: n,
        });
        return;
      }
      const warnings = result.problemas.length;
      if (linkedProjectId) {
        setStep({ kind: "working", what: t("submit.planning") });
        try {
          const { value, etag } = await api.plano(linkedProjectId, blueprint);
          const plan = { criar: value.criar, alterar: value.alterar, remover: value.remover };
          onPlan(plan);
          setStep({
            kind: "plan",
            plan,
            etag,
            projectId: linkedProjectId,
            warnings,
            notice,
            impact: value.avaliacao,
          });
          return;
        } catch (e) {
          // The project was deleted elsewhere: this draft can still become a new one.
          if (!(e instanceof ApiError && e.status === 404)) throw e;
          notice = t("submit.gone", { id: linkedProjectId });
        }
      }
      const plan = diffBlueprints({ recursos: [] }, blueprint);
      onPlan(plan);
      const depois = assessmentOf(blueprint as Doc, useDesigner.getState().plano).avaliacao;
      setStep({
        kind: "plan",
        plan,
        warnings,
        notice,
        impact: depois ? { antes: null, depois } : undefined,
      });
    } catch (e) {
      fail(e, () => void prepare(notice));
    }
  }

  async function apply(s: Extract<Step, { kind: "plan" }>) {
    idempotencyKey.current ??= newKey();
    const key = idempotencyKey.current;
    setStep({
      kind: "working",
      what: s.projectId ? t("submit.applying") : t("submit.creating"),
    });
    try {
      const { value } =
        s.projectId && s.etag
          ? await api.atualizarProjeto(s.projectId, blueprint, s.etag, key)
          : await api.criarProjeto(blueprint, key);
      idempotencyKey.current = null;
      onPlan(null);
      onServerFindings([]);
      onLinkedProject(value.id);
      void queryClient.invalidateQueries({ queryKey: keys.projetos() });
      void queryClient.invalidateQueries({ queryKey: keys.projeto(value.id) });
      setStep({ kind: "done", projectId: value.id, created: !s.projectId });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        // Someone else applied a newer version: show what this draft would change in it.
        idempotencyKey.current = null;
        void prepare(t("submit.stale"));
        return;
      }
      if (!(e instanceof ApiError && e.retryable)) idempotencyKey.current = null;
      fail(e, () => void apply(s));
    }
  }

  function close() {
    onPlan(null);
    idempotencyKey.current = null;
    setStep({ kind: "closed" });
  }

  const disabled = localErrors > 0 || step.kind === "working";
  return (
    <>
      <button
        type="button"
        className={buttonClass("primary")}
        disabled={disabled}
        title={localErrors > 0 ? t("submit.fixFirst", { count: localErrors }) : t("submit.hint")}
        onClick={() => void prepare()}
      >
        {t("submit.button")}
      </button>
      {step.kind === "closed" ? null : (
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
              <PlanView step={step} onApply={() => void apply(step)} onCancel={close} />
            ) : step.kind === "done" ? (
              <div>
                <p className="font-medium text-emerald-700 dark:text-emerald-400">
                  {step.created ? t("submit.doneCreated") : t("submit.doneUpdated")}
                </p>
                <Link
                  to={`/projects/${step.projectId}`}
                  className={`${buttonClass("primary")} mt-3`}
                >
                  {t("submit.viewDeployment")}
                </Link>
              </div>
            ) : null}
          </div>
        </aside>
      )}
    </>
  );
}

function PlanView({
  step,
  onApply,
  onCancel,
}: {
  step: Extract<Step, { kind: "plan" }>;
  onApply: () => void;
  onCancel: () => void;
}) {
  const t = useT(designerMessages);
  const { plan } = step;
  const nothing = plan.criar.length + plan.alterar.length + plan.remover.length === 0;
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
        <p className="mt-2 text-slate-600 dark:text-slate-300">{t("submit.noChanges")}</p>
      ) : (
        <ul aria-label={t("submit.plan")} className="mt-2 max-h-72 space-y-1 overflow-auto">
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
              <span>
                <span className="font-mono">{a.nome}</span>
                <span className="block font-mono text-xs text-slate-500 dark:text-slate-400">
                  {a.campos.join(", ")}
                </span>
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
          disabled={nothing && !!step.projectId}
        >
          {step.projectId ? t("submit.apply") : t("submit.createProject")}
        </button>
      </div>
    </div>
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
  const t = useT(designerMessages);
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
