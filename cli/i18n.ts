/** The CLI speaks the language asked with --lang, else the one of LC_ALL, LC_MESSAGES or LANG. */
import "../src/blueprint/i18n";
import "../src/blueprint/runbook/runbook";
import { defineCatalog, isLocale, type Locale, loadLocale, negotiateLocale } from "../src/i18n";
import en from "./messages/en.json" with { type: "json" };

export const cliMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json", { with: { type: "json" } }),
});

// Every language is in memory before a command runs (the CLI answers synchronously).
await loadLocale("pt-BR");

/** `--lang` when given (en, pt-BR, or a tag like pt_BR.UTF-8), else the POSIX locale variables. */
export function cliLocale(
  lang: string | undefined,
  env: Record<string, string | undefined>,
): Locale {
  if (lang !== undefined) return isLocale(lang) ? lang : negotiateLocale(lang);
  return negotiateLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || "en");
}
