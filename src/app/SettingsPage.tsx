import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ApiError, createApiClient } from "../api/client";
import { effectiveToken, normalizeBaseUrl, useApiSettings } from "../api/settings";
import { Badge, buttonClass, Card } from "../ui/Card";

type Check =
  | { state: "idle" }
  | { state: "checking" }
  | { state: "ok"; organizacao: string; plano: string }
  | { state: "failed"; message: string };

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-950";

export function SettingsPage() {
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
      setCheck({
        state: "failed",
        message:
          err instanceof ApiError
            ? `${err.explained.what} ${err.explained.next} (${err.message})`
            : String(err),
      });
    }
    saved.save(next);
    void queryClient.invalidateQueries();
  }

  return (
    <div className="mx-auto w-full max-w-3xl p-8">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Where the console sends blueprints, and as whom.
      </p>
      <form onSubmit={onSubmit} className="mt-6" noValidate>
        <Card title="Tesserra API" labelledBy="api-settings-title">
          <div className="space-y-5">
            <div>
              <label htmlFor={urlId} className="text-sm font-medium">
                API address
              </label>
              <input
                id={urlId}
                type="url"
                value={baseUrl}
                placeholder="This console's own server (the local emulator)"
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
                  Leave empty for the emulator that serves this console. Another API must allow this
                  origin (the emulator does).
                </p>
              )}
            </div>
            <div>
              <label htmlFor={tokenId} className="text-sm font-medium">
                Token
              </label>
              <input
                id={tokenId}
                type="password"
                autoComplete="off"
                value={token}
                onChange={(e) => setToken(e.target.value)}
                className={inputClass}
              />
              <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                Kept for this tab only (session storage), never on disk for good. Left empty with
                the address empty, the console uses the embedded emulator's default,{" "}
                <code>dev</code> (enterprise); it also accepts <code>business</code> and{" "}
                <code>starter</code>.
              </p>
            </div>
            <div className="flex items-center gap-3">
              <button type="submit" className={buttonClass("primary")}>
                Save and test connection
              </button>
              <output aria-live="polite" className="text-sm">
                {check.state === "checking" ? (
                  <span className="text-slate-500 dark:text-slate-400">Connecting…</span>
                ) : check.state === "ok" ? (
                  <span className="inline-flex items-center gap-2">
                    <Badge tone="ok">Connected</Badge>
                    organization <strong>{check.organizacao}</strong>, plan{" "}
                    <strong>{check.plano}</strong>
                  </span>
                ) : check.state === "failed" ? (
                  <span className="text-red-700 dark:text-red-400">{check.message}</span>
                ) : null}
              </output>
            </div>
          </div>
        </Card>
      </form>
    </div>
  );
}
