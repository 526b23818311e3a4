import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import {
  useComment,
  useConta,
  useDecide,
  useProjectEvents,
  useRevisao,
  useRevisoes,
  useWithdraw,
} from "../../api/hooks";
import { blueprintRegions } from "../../blueprint";
import { reviewMessages, reviewT } from "../../blueprint/review/review";
import { runbookMessages, scenarioNameOfId } from "../../blueprint/runbook/runbook";
import { OVERRIDE_NOTE_MIN, type Revisao } from "../../contract/reviews";
import { formatDateTime, formatList } from "../../i18n/format";
import { Badge, buttonClass, Card, controlClass } from "../../ui/Card";
import { downloadText } from "../../ui/download";
import { useLocale, useT } from "../../ui/i18n";
import { ErrorState, Skeleton } from "../../ui/States";
import { ProjectDiagram } from "../ProjectDiagram";
import { reviewPageMessages } from "./i18n";
import { ReviewPack } from "./ReviewPack";
import { reviewMarkdown } from "./reviewMarkdown";
import { changesSinceApproved, commentCounts, resourceOfPointer } from "./reviewView";

const STATUS_TONE = {
  pendente: "info",
  aprovada: "ok",
  "mudancas-solicitadas": "warning",
  retirada: "neutral",
  desatualizada: "warning",
} as const;

function Comments({ review, projectId }: { review: Revisao; projectId: string }) {
  const t = useT(reviewPageMessages);
  const locale = useLocale();
  const comment = useComment(projectId, review.id);
  const [texto, setTexto] = useState("");
  const [alvo, setAlvo] = useState("");
  const recursos = (Array.isArray(review.blueprint.recursos) ? review.blueprint.recursos : []) as {
    nome: string;
  }[];
  return (
    <Card title={t("comments.title")} labelledBy="comments-title">
      {review.comentarios.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("comments.empty")}</p>
      ) : (
        <ol className="space-y-3 text-sm" aria-label={t("comments.title")}>
          {review.comentarios.map((c) => {
            const on = resourceOfPointer(review.blueprint, c.ponteiro);
            return (
              <li
                key={c.id}
                className="rounded-md border border-slate-200 p-3 dark:border-slate-800"
              >
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {t("comments.by", {
                    who: c.autor,
                    role: t(`role.${c.papel}`),
                    when: formatDateTime(locale, c.em),
                  })}
                  {" · "}
                  {t("comments.on", {
                    target: on ?? (c.ponteiro ? c.ponteiro : t("comments.whole")),
                  })}
                </p>
                <p className="mt-1 whitespace-pre-line">{c.texto}</p>
              </li>
            );
          })}
        </ol>
      )}
      <form
        className="mt-4 space-y-2 print:hidden"
        onSubmit={(e) => {
          e.preventDefault();
          if (!texto.trim()) return;
          const index = recursos.findIndex((r) => r.nome === alvo);
          comment.mutate(
            { texto: texto.trim(), ...(index >= 0 ? { ponteiro: `/recursos/${index}` } : {}) },
            { onSuccess: () => setTexto("") },
          );
        }}
      >
        <label className="block text-sm">
          <span className="text-xs font-medium text-slate-700 dark:text-slate-300">
            {t("comments.target")}
          </span>
          <select className={controlClass} value={alvo} onChange={(e) => setAlvo(e.target.value)}>
            <option value="">{t("comments.whole")}</option>
            {recursos.map((r) => (
              <option key={r.nome} value={r.nome}>
                {r.nome}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="text-xs font-medium text-slate-700 dark:text-slate-300">
            {t("comments.text")}
          </span>
          <textarea
            className={controlClass}
            rows={3}
            maxLength={2000}
            value={texto}
            onChange={(e) => setTexto(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className={buttonClass()}
          disabled={comment.isPending || !texto.trim()}
        >
          {comment.isPending ? t("comments.sending") : t("comments.send")}
        </button>
        {comment.error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {comment.error.message}
          </p>
        ) : null}
      </form>
    </Card>
  );
}

function Decide({ review, projectId }: { review: Revisao; projectId: string }) {
  const t = useT(reviewPageMessages);
  const locale = useLocale();
  const rt = reviewT(locale);
  const decide = useDecide(projectId, review.id);
  const [nota, setNota] = useState("");
  const unmet = review.evidencias.verificacoes.filter((v) => v.severidade === "alta" && !v.ok);
  const override = unmet.length > 0;
  const short = override && nota.trim().length < OVERRIDE_NOTE_MIN;
  return (
    <Card title={t("decide.title")} labelledBy="decide-title">
      {override ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-500/10 dark:text-amber-100">
          {t("decide.overrideWarning", {
            checks: formatList(
              locale,
              unmet.map((v) => rt(`check.${v.codigo}`)),
            ),
          })}
        </p>
      ) : null}
      <label className="mt-3 block text-sm">
        <span className="text-xs font-medium text-slate-700 dark:text-slate-300">
          {override ? t("decide.noteOverride", { min: OVERRIDE_NOTE_MIN }) : t("decide.note")}
        </span>
        <textarea
          className={`${controlClass} text-sm`}
          rows={3}
          maxLength={2000}
          value={nota}
          aria-describedby={short ? "override-short" : undefined}
          onChange={(e) => setNota(e.target.value)}
        />
      </label>
      {short ? (
        <p id="override-short" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {t("decide.tooShort", { min: OVERRIDE_NOTE_MIN, count: nota.trim().length })}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass("primary")}
          disabled={decide.isPending || short}
          onClick={() =>
            decide.mutate({ resultado: "aprovada", ...(nota.trim() ? { nota: nota.trim() } : {}) })
          }
        >
          {t("decide.approve")}
        </button>
        <button
          type="button"
          className={buttonClass()}
          disabled={decide.isPending}
          onClick={() =>
            decide.mutate({
              resultado: "mudancas-solicitadas",
              ...(nota.trim() ? { nota: nota.trim() } : {}),
            })
          }
        >
          {t("decide.requestChanges")}
        </button>
      </div>
      {decide.error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {decide.error.message}
        </p>
      ) : null}
    </Card>
  );
}

/**
 * One engineering review at its own address (`/projects/:id/reviews/:rid`), for the customer
 * and for Tesserra engineering: the reviewed design on a read-only canvas with the comments
 * pinned to its nodes and what changed since the last approved review, the review pack, the
 * comments, and the decision (the reviewer decides here).
 */
export function ReviewPage() {
  const t = useT(reviewPageMessages);
  useT(reviewMessages);
  useT(runbookMessages);
  const locale = useLocale();
  const rt = reviewT(locale);
  const { id = "", rid = "" } = useParams();
  const review = useRevisao(rid);
  const reviews = useRevisoes(id);
  const conta = useConta();
  const withdraw = useWithdraw(id, rid);
  useProjectEvents(id);
  const r = review.data;
  const reviewer = conta.data?.papel === "revisor";
  const pins = useMemo(() => {
    if (!r) return undefined;
    return new Map(
      [...commentCounts(r)].map(([nome, count]) => [nome, t("review.commentsOnNode", { count })]),
    );
  }, [r, t]);
  const since = r && reviews.data ? changesSinceApproved(r, reviews.data) : undefined;
  const changes = useMemo(
    () =>
      since
        ? new Map<string, "criar" | "alterar">([
            ...since.plan.criar.map((n) => [n, "criar"] as const),
            ...since.plan.alterar.map((a) => [a.nome, "alterar"] as const),
          ])
        : undefined,
    [since],
  );

  if (review.isError)
    return (
      <div className="mx-auto max-w-3xl p-8">
        <ErrorState
          title={t("review.error")}
          error={review.error}
          onRetry={() => void review.refetch()}
        />
      </div>
    );
  if (!r)
    return (
      <div className="space-y-4 p-8" role="status" aria-label={t("review.loading")}>
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-64" />
      </div>
    );

  const d = r.decisao;
  return (
    <div className="flex flex-col">
      <header className="border-b border-slate-200 bg-white px-4 py-4 sm:px-8 dark:border-slate-800 dark:bg-slate-900 print:border-0 print:px-0">
        <nav
          aria-label={t("review.breadcrumb")}
          className="text-xs text-slate-500 dark:text-slate-400 print:hidden"
        >
          <Link to={reviewer ? "/reviews" : "/projects"} className="hover:underline">
            {reviewer ? t("inbox.title") : t("review.projects")}
          </Link>{" "}
          /{" "}
          {reviewer ? (
            r.nome
          ) : (
            <Link to={`/projects/${id}`} className="hover:underline">
              {r.nome}
            </Link>
          )}{" "}
          / {t("review.crumb")}
        </nav>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold tracking-tight">
              {t("review.title", { name: r.nome })}
            </h1>
            <Badge tone={STATUS_TONE[r.status]}>
              <span data-testid="review-status">{t(`status.${r.status}`)}</span>
            </Badge>
          </div>
          <div className="flex flex-wrap gap-2 print:hidden">
            <button
              type="button"
              className={buttonClass()}
              onClick={() =>
                downloadText(
                  reviewMarkdown(r, locale, (sid) => scenarioNameOfId(sid, locale)),
                  `${r.projeto}-review-${r.id}.md`,
                  "text/markdown",
                )
              }
            >
              {t("review.download")}
            </button>
            <button type="button" className={buttonClass()} onClick={() => window.print()}>
              {t("review.print")}
            </button>
            {!reviewer && r.status === "pendente" ? (
              <button
                type="button"
                className={buttonClass()}
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate(undefined)}
              >
                {t("review.withdraw")}
              </button>
            ) : null}
          </div>
        </div>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {t("review.meta", {
            version: r.versao,
            who: r.solicitada_por,
            when: formatDateTime(locale, r.solicitada_em),
          })}{" "}
          ·{" "}
          <span className="font-mono">
            {t("review.signature", { signature: r.assinatura.slice(0, 12) })}
          </span>
        </p>
      </header>

      <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6 p-4 sm:p-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,360px)] print:block print:max-w-none print:p-0">
        <div className="min-w-0 space-y-6">
          {r.nota ? (
            <Card title={t("review.requesterNote", { who: r.solicitada_por })}>
              <p className="text-sm whitespace-pre-line">{r.nota}</p>
            </Card>
          ) : null}
          <Card title={t("review.decision")} labelledBy="decision-title">
            {d ? (
              <div className="space-y-2 text-sm" data-testid="review-decision">
                <p className="font-medium">
                  {t("review.decidedBy", {
                    result: t(`status.${d.resultado}`),
                    who: d.por,
                    when: formatDateTime(locale, d.em),
                  })}
                </p>
                {d.sobrepoe.length ? (
                  <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-950 dark:bg-amber-500/10 dark:text-amber-100">
                    {t("review.override", {
                      checks: formatList(
                        locale,
                        d.sobrepoe.map((c) => rt(`check.${c}`)),
                      ),
                    })}
                  </p>
                ) : null}
                {d.nota ? (
                  <blockquote className="border-l-4 border-slate-300 pl-3 whitespace-pre-line text-slate-700 dark:border-slate-600 dark:text-slate-300">
                    {d.nota}
                  </blockquote>
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">{t("review.noDecision")}</p>
            )}
          </Card>
          <Card title={t("review.design")} className="overflow-hidden">
            {since ? (
              since.plan.criar.length + since.plan.alterar.length + since.plan.remover.length ? (
                <div className="mb-3 text-sm">
                  <p className="font-medium">
                    {t("review.changedSince", { version: since.versao })}
                  </p>
                  <ul className="mt-1 list-disc pl-5" data-testid="review-changes">
                    {since.plan.criar.map((n) => (
                      <li key={`c-${n}`}>
                        {n}: {t("review.change.criar")}
                      </li>
                    ))}
                    {since.plan.alterar.map((a) => (
                      <li key={`a-${a.nome}`}>
                        {a.nome}: {t("review.change.alterar")}{" "}
                        <span className="font-mono text-xs">{a.campos.join(", ")}</span>
                      </li>
                    ))}
                    {since.plan.remover.map((n) => (
                      <li key={`r-${n}`}>
                        {n}: {t("review.change.remover")}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="mb-3 text-sm">
                  {since.approved
                    ? t("review.noChanges", { version: since.versao })
                    : t("review.noChangesAsked", { version: since.versao })}
                </p>
              )
            ) : (
              <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
                {t("review.firstReview")}
              </p>
            )}
            <div className="-mx-4 -mb-4 h-[420px] max-sm:h-auto print:hidden">
              <ProjectDiagram
                blueprint={r.blueprint}
                regioes={blueprintRegions(r.blueprint)}
                steps={undefined}
                notes={pins}
                changes={changes}
                label={t("review.design")}
              />
            </div>
          </Card>
          <Card title={t("pack.title")}>
            <ReviewPack evidencias={r.evidencias} />
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          {reviewer && r.status === "pendente" ? <Decide review={r} projectId={id} /> : null}
          <Comments review={r} projectId={id} />
          {withdraw.error ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {withdraw.error.message}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
