import { useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { useRequestReview, useRunbook } from "../../api/hooks";
import { assess, type Blueprint, normalizeBlueprint, validateBlueprint } from "../../blueprint";
import { verificationsOf } from "../../blueprint/review/review";
import type { Evidencias } from "../../contract/reviews";
import { buttonClass, controlClass } from "../../ui/Card";
import { Dialog } from "../../ui/Dialog";
import { useLocale, useT } from "../../ui/i18n";
import { Skeleton } from "../../ui/States";
import { reviewPageMessages } from "./i18n";
import { ReviewPack } from "./ReviewPack";

/**
 * "Request engineering review": the review pack as it stands now (computed here from the same
 * assessment, runbook and validation the API snapshots), a note, and the request.
 */
export function RequestReview({
  projectId,
  blueprint,
  onClose,
}: {
  projectId: string;
  blueprint: Record<string, unknown>;
  onClose: () => void;
}) {
  const t = useT(reviewPageMessages);
  const locale = useLocale();
  const runbook = useRunbook(projectId);
  const request = useRequestReview(projectId);
  const navigate = useNavigate();
  const [nota, setNota] = useState("");
  const evidencias = useMemo((): Evidencias | undefined => {
    if (!runbook.data) return undefined;
    const validation = validateBlueprint(blueprint, { locale });
    if (!validation.blueprint) return undefined;
    const bp = normalizeBlueprint(validation.blueprint as Blueprint);
    const avaliacao = assess(bp, { locale });
    return {
      avaliacao,
      runbook: {
        testado: runbook.data.testado,
        cenarios: runbook.data.cenarios.map((c) => ({ id: c.id, status: c.status })),
      },
      verificacoes: verificationsOf(
        bp,
        { avaliacao, runbook: runbook.data, problemas: validation.problemas },
        locale,
      ),
    };
  }, [blueprint, runbook.data, locale]);
  return (
    <Dialog
      open
      onClose={onClose}
      title={t("request.title")}
      footer={
        <>
          <button type="button" className={buttonClass()} onClick={onClose}>
            {t("request.cancel")}
          </button>
          <button
            type="button"
            className={buttonClass("primary")}
            disabled={request.isPending}
            onClick={() =>
              request.mutate(nota.trim(), {
                onSuccess: (review) => {
                  const r = review as { id: string };
                  onClose();
                  void navigate(`/projects/${projectId}/reviews/${r.id}`);
                },
              })
            }
          >
            {request.isPending ? t("request.sending") : t("request.send")}
          </button>
        </>
      }
    >
      <p className="text-sm text-slate-700 dark:text-slate-300">{t("request.lead")}</p>
      <section
        aria-label={t("pack.title")}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus
        tabIndex={0}
        className="mt-4 max-h-[50vh] overflow-y-auto pr-1"
      >
        {evidencias ? (
          <ReviewPack evidencias={evidencias} />
        ) : (
          <div role="status" aria-label={t("review.loading")}>
            <Skeleton className="h-48" />
          </div>
        )}
      </section>
      <label className="mt-4 block text-sm">
        <span className="text-xs font-medium text-slate-700 dark:text-slate-300">
          {t("request.note")}
        </span>
        <textarea
          className={`${controlClass} text-sm`}
          rows={3}
          maxLength={2000}
          value={nota}
          onChange={(e) => setNota(e.target.value)}
        />
      </label>
      {request.error ? (
        <p
          role="alert"
          className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-500/10 dark:text-red-200"
        >
          {request.error.message}
        </p>
      ) : null}
    </Dialog>
  );
}
