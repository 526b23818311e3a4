/**
 * A failed call in people's words: what happened and what to do next. The API's own message
 * (status, problem title and detail) stays available as the technical detail.
 */
import { currentLocale, defineCatalog, type Locale, translator } from "../i18n";
import type { ApiErrorKind } from "./client";
import en from "./messages/en.json" with { type: "json" };

export const apiMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json", { with: { type: "json" } }),
});

/** The API layer's own words, in the console's current language. */
export const apiT = (locale: Locale = currentLocale()) => translator(apiMessages, locale);

export interface Explained {
  what: string;
  next: string;
  detail: string;
  /** What to do next is in Settings (the address, the token): the message links there. */
  settings: boolean;
}

const EXPLAINED_STATUSES = new Set([401, 403, 404, 409, 412, 422, 429]);

export function explainError(
  error: { kind: ApiErrorKind; status?: number; message: string },
  locale: Locale = currentLocale(),
): Explained {
  const t = apiT(locale);
  const detail = error.message;
  if (error.kind === "network")
    return { what: t("network.what"), next: t("network.next"), detail, settings: true };
  if (error.kind === "contract")
    return { what: t("contract.what"), next: t("contract.next"), detail, settings: true };
  const status = error.status ?? 0;
  const group = EXPLAINED_STATUSES.has(status)
    ? (String(status) as "401")
    : status >= 500
      ? "5xx"
      : "other";
  return {
    what: t(`${group}.what`),
    next: t(`${group}.next`),
    detail,
    settings: group === "401",
  };
}
