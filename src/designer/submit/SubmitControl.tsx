import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useRef, useState } from "react";
import { ApiError, api } from "../../api/client";
import { useApiKeys } from "../../api/useApiKeys";
import { type Avaliacao, type ChangePlan, diffBlueprints, type Finding } from "../../blueprint";
import { MAX_REQUEST_BYTES } from "../../contract/schemas";
import { buttonClass } from "../../ui/Card";
import { useT } from "../../ui/i18n";
import type { Doc } from "../doc";
import { designerMessages } from "../i18n";
import { assessmentOf, useDesigner } from "../store";

// The panel opens on Submit: its code and words load then, not with the editor.
const SubmitPanel = lazy(() => import("./SubmitPanel"));

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

export type Step =
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
      /** The project's blueprint the plan changes (absent for a new project): for its values. */
      current?: unknown;
      /** The blueprint being submitted. */
      next: unknown;
    }
  | {
      kind: "failed";
      message: string;
      retry: (() => void) | null;
      findings?: number;
    }
  | { kind: "done"; projectId: string; created: boolean };

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
  const keys = useApiKeys();
  const queryClient = useQueryClient();

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
    // The API refuses a body over its limit (413) after the upload: say so before sending.
    const bytes = new TextEncoder().encode(JSON.stringify(blueprint)).length;
    if (bytes > MAX_REQUEST_BYTES) {
      setStep({
        kind: "failed",
        message: t("submit.tooLarge", {
          size: (bytes / 1024 / 1024).toFixed(1),
          limit: MAX_REQUEST_BYTES / 1024 / 1024,
        }),
        retry: null,
      });
      return;
    }
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
          // The project as it is, beside the plan: the plan names fields, the panel shows their
          // values before → after.
          const [{ value, etag }, current] = await Promise.all([
            api.plano(linkedProjectId, blueprint),
            api.projeto(linkedProjectId),
          ]);
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
            current: current.value.blueprint,
            next: blueprint,
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
        next: blueprint,
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
        <Suspense fallback={null}>
          <SubmitPanel
            step={step}
            linkedProjectId={linkedProjectId}
            onApply={(plan) => void apply(plan)}
            onClose={close}
          />
        </Suspense>
      )}
    </>
  );
}
