import type { CSSProperties, ReactNode } from "react";
import { Link } from "react-router";
import { buttonClass } from "./Card";
import { useT } from "./i18n";
import { uiMessages } from "./i18nCatalog";

/**
 * A failed load: what happened and what to do next, in people's words, with the API's own
 * message one click away, and a way to try again.
 */
export function ErrorState({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  const t = useT(uiMessages);
  // Errors that can explain themselves (the API client's) do; others show their message.
  const detail = error instanceof Error ? error.message : String(error);
  const explained = (
    error as { explained?: { what: string; next: string; settings?: boolean } } | null
  )?.explained;
  const what = explained?.what ?? detail;
  const next = explained?.next ?? "";
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-200"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">
        {what} {next}
      </p>
      {explained ? (
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer">{t("error.technical")}</summary>
          <p className="mt-1 font-mono break-words">{detail}</p>
        </details>
      ) : null}
      {onRetry || explained?.settings ? (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          {onRetry ? (
            <button type="button" onClick={onRetry} className={buttonClass()}>
              {t("error.retry")}
            </button>
          ) : null}
          {/* The message says to check Settings: it is one click away. */}
          {explained?.settings ? (
            <Link to="/settings" className="font-medium underline underline-offset-2">
              {t("error.openSettings")}
            </Link>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
      <p className="text-base font-semibold">{title}</p>
      {children ? (
        <div className="mx-auto mt-1 max-w-md text-sm text-slate-600 dark:text-slate-400">
          {children}
        </div>
      ) : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}

/** A grey placeholder block while data loads. */
export function Skeleton({ className = "", style }: { className?: string; style?: CSSProperties }) {
  return (
    <div
      aria-hidden="true"
      style={style}
      className={`motion-safe:animate-pulse rounded-md bg-slate-200 dark:bg-slate-800 ${className}`}
    />
  );
}
