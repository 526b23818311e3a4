import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ApiError, createApiClient } from "../api/client";
import { effectiveToken, normalizeBaseUrl, useApiSettings } from "../api/settings";
import { LOCALE_NAMES, LOCALES, type Locale, setLocale } from "../i18n";
import { Badge, buttonClass, Card } from "../ui/Card";
import { wireLabel } from "../ui/glossary";
import { useLocale, useT } from "../ui/i18n";
import { Message } from "../ui/Message";
import { appMessages } from "./i18n";

type Check =
  | { state: "idle" }
  | { state: "checking" }
  | { state: "ok"; organizacao: string; papel: "cliente" | "revisor"; plano?: string }
  | { state: "failed"; message: string; pending: { baseUrl: string; token: string } }
  | { state: "saved-untested" };

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-950";

export function SettingsPage() {
  const t = useT(appMessages);
  const saved = useApiSettings();
  const [baseUrl, setBaseUrl] = useState(saved.baseUrl);
  const [token, setToken] = useState(saved.token);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<Check>({ state: "idle" });
  const queryClient = useQueryClient();
  const urlId = useId();
  const tokenId = useId();
  const errorId = useId();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    let normalized: string;
    try {
      normalized = normalizeBaseUrl(baseUrl);
    } catch (err) {
      setError((err as Error).message);
      return;
    }
    setError(null);
    setBaseUrl(normalized);
    const next = { baseUrl: normalized, token: token.trim() };
    setCheck({ state: "checking" });
    // Try the connection with the new values before anything else uses them.
    try {
      const conta = await createApiClient(() => ({
        baseUrl: next.baseUrl,
        token: effectiveToken(next.baseUrl, next.token),
      })).conta();
      setCheck({ state: "ok", ...conta });
    } catch (err) {
      // A token or address that just failed its test is not kept: the console goes on with
      // the settings that worked, unless the user saves these anyway (an API that is down now).
      setCheck({
        state: "failed",
        message:
          err instanceof ApiError
            ? `${err.explained.what} ${err.explained.next} (${err.message})`
            : String(err),
        pending: next,
      });
      return;
    }
    saved.save(next);
    void queryClient.invalidateQueries();
  }

  function saveAnyway(next: { baseUrl: string; token: string }) {
    saved.save(next);
    setCheck({ state: "saved-untested" });
    void queryClient.invalidateQueries();
  }

  return (
    <div className="mx-auto w-full max-w-3xl p-8">
      <h1 className="text-2xl font-semibold tracking-tight">{t("settings.title")}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("settings.lead")}</p>
      <LanguageCard />
      <form onSubmit={onSubmit} className="mt-6" noValidate>
        <Card title={t("settings.api")} labelledBy="api-settings-title">
          <div className="space-y-5">
            <div>
              <label htmlFor={urlId} className="text-sm font-medium">
                {t("settings.address")}
              </label>
              <input
                id={urlId}
                type="url"
                value={baseUrl}
                placeholder={t("settings.addressPlaceholder")}
                onChange={(e) => setBaseUrl(e.target.value)}
                aria-invalid={!!error}
                aria-describedby={error ? errorId : undefined}
                className={inputClass}
              />
              {error ? (
                <p id={errorId} className="mt-1 text-sm text-red-600 dark:text-red-400">
                  {error}
                </p>
              ) : (
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                  {t("settings.addressHelp")}
                </p>
              )}
            </div>
            <div>
              <label htmlFor={tokenId} className="text-sm font-medium">
                {t("settings.token")}
              </label>
              <input
                id={tokenId}
                type="password"
                autoComplete="off"
                value={token}
                onChange={(e) => setToken(e.target.value)}
                className={inputClass}
              />
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                <Message text={t("settings.tokenHelp")} />
              </p>
            </div>
            <div className="flex items-center gap-3">
              <button type="submit" className={buttonClass("primary")}>
                {t("settings.save")}
              </button>
              <output aria-live="polite" className="text-sm">
                {check.state === "checking" ? (
                  <span className="text-slate-500 dark:text-slate-400">
                    {t("settings.connecting")}
                  </span>
                ) : check.state === "ok" ? (
                  <span className="inline-flex items-center gap-2">
                    <Badge tone="ok">{t("settings.connected")}</Badge>
                    {check.papel === "revisor"
                      ? t("settings.reviewer", { organizacao: check.organizacao })
                      : t("settings.account", {
                          organizacao: check.organizacao,
                          plano: wireLabel(check.plano ?? ""),
                        })}
                  </span>
                ) : check.state === "failed" ? (
                  <span className="text-red-700 dark:text-red-400">
                    {t("settings.notSaved", { message: check.message })}
                  </span>
                ) : check.state === "saved-untested" ? (
                  <span className="text-amber-800 dark:text-amber-300">
                    {t("settings.savedUntested")}
                  </span>
                ) : null}
              </output>
              {check.state === "failed" ? (
                <button
                  type="button"
                  className={`${buttonClass()} shrink-0`}
                  onClick={() => saveAnyway(check.pending)}
                >
                  {t("settings.saveAnyway")}
                </button>
              ) : null}
            </div>
          </div>
        </Card>
      </form>
    </div>
  );
}

/** The console's language: applied at once, remembered in this browser. */
function LanguageCard() {
  const t = useT(appMessages);
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  // The radio follows the click at once; the words follow once the language has loaded.
  const [choice, setChoice] = useState(locale);
  const id = useId();
  async function choose(next: Locale) {
    setChoice(next);
    await setLocale(next);
    setSaved(true);
    // Answers that carry words (findings, problem details) are asked again in the new language.
    void queryClient.invalidateQueries();
  }
  return (
    <Card title={t("settings.language")} labelledBy={`${id}-title`} className="mt-6">
      <fieldset>
        <legend className="sr-only">{t("settings.language")}</legend>
        <div className="flex flex-wrap gap-2">
          {LOCALES.map((l) => (
            <label
              key={l}
              lang={l}
              className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 dark:border-slate-700 dark:has-[:checked]:border-indigo-400 dark:has-[:checked]:bg-indigo-500/15"
            >
              <input
                type="radio"
                name="language"
                value={l}
                checked={choice === l}
                onChange={() => void choose(l)}
                className="size-4 accent-indigo-600"
              />
              {LOCALE_NAMES[l]}
            </label>
          ))}
        </div>
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
          {t("settings.languageHelp")}
        </p>
        <p aria-live="polite" className="mt-1 text-sm">
          {saved ? t("settings.languageSaved", { language: LOCALE_NAMES[locale] }) : null}
        </p>
      </fieldset>
    </Card>
  );
}
