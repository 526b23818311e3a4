import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { useT } from "../ui/i18n";
import { appMessages } from "./i18n";

export function PageLoading() {
  const t = useT(appMessages);
  return (
    <div
      role="status"
      className="flex flex-1 items-center justify-center p-8 text-sm text-slate-500 dark:text-slate-400"
    >
      <span className="mr-2 inline-block size-4 animate-spin rounded-full border-2 border-slate-300 border-t-indigo-600" />
      {t("loading")}
    </div>
  );
}

export function NotFoundPage() {
  const t = useT(appMessages);
  return (
    <div className="mx-auto max-w-lg p-12 text-center">
      <h1 className="text-2xl font-semibold">{t("notFound.title")}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t("notFound.body")}</p>
      <Link
        to="/designer"
        className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
      >
        {t("notFound.action")}
      </Link>
    </div>
  );
}

export function RouteError() {
  const t = useT(appMessages);
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <div role="alert" className="mx-auto max-w-lg p-12">
      <h1 className="text-xl font-semibold text-red-700 dark:text-red-400">
        {t("routeError.title")}
      </h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{message}</p>
      <button
        type="button"
        onClick={() => window.location.reload()}
        className="mt-6 rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {t("routeError.reload")}
      </button>
    </div>
  );
}
