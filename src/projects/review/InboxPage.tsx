import { Link } from "react-router";
import { useInbox } from "../../api/hooks";
import type { Revisao } from "../../contract/reviews";
import { formatDateTime } from "../../i18n/format";
import { Badge } from "../../ui/Card";
import { useLocale, useT } from "../../ui/i18n";
import { ErrorState, Skeleton } from "../../ui/States";
import { reviewPageMessages } from "./i18n";

const TONE = {
  pendente: "info",
  aprovada: "ok",
  "mudancas-solicitadas": "warning",
  retirada: "neutral",
  desatualizada: "warning",
} as const;

function ReviewTable({ caption, rows }: { caption: string; rows: Revisao[] }) {
  const t = useT(reviewPageMessages);
  const locale = useLocale();
  return (
    <section aria-label={caption} className="mt-6">
      <h2 className="text-base font-semibold">{caption}</h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("inbox.empty")}</p>
      ) : (
        <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table className="w-full min-w-[560px] text-left text-sm">
            <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("inbox.project")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("inbox.organization")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("inbox.version")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("inbox.requested")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("inbox.checks")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("inbox.status")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link
                      to={`/projects/${r.projeto}/reviews/${r.id}`}
                      className="text-indigo-700 hover:underline dark:text-indigo-300"
                    >
                      {r.nome}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{r.organizacao}</td>
                  <td className="px-3 py-2 tabular-nums">v{r.versao}</td>
                  <td className="px-3 py-2">{formatDateTime(locale, r.solicitada_em)}</td>
                  <td className="px-3 py-2 tabular-nums">
                    {t("inbox.checksValue", {
                      met: r.evidencias.verificacoes.filter((v) => v.ok).length,
                      total: r.evidencias.verificacoes.length,
                    })}
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Tesserra engineering's inbox (`/reviews`): every organization's reviews, pending first. */
export function InboxPage() {
  const t = useT(reviewPageMessages);
  const inbox = useInbox(true);
  const all = inbox.data ?? [];
  return (
    <div className="mx-auto w-full max-w-6xl p-4 sm:p-8">
      <h1 className="text-xl font-semibold tracking-tight">{t("inbox.title")}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("inbox.lead")}</p>
      {inbox.isError ? (
        <div className="mt-6">
          <ErrorState
            title={t("inbox.error")}
            error={inbox.error}
            onRetry={() => void inbox.refetch()}
          />
        </div>
      ) : !inbox.data ? (
        <div role="status" aria-label={t("inbox.loading")} className="mt-6">
          <Skeleton className="h-40" />
        </div>
      ) : (
        <>
          <ReviewTable
            caption={t("inbox.pending")}
            rows={all.filter((r) => r.status === "pendente")}
          />
          <ReviewTable
            caption={t("inbox.decided")}
            rows={all.filter((r) => r.status !== "pendente")}
          />
        </>
      )}
    </div>
  );
}
