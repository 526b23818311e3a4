/**
 * The emulator answers in the caller's language (Accept-Language: en or pt-BR): problem titles
 * and details here, finding messages through the blueprint's own catalog.
 */
import type { Context } from "hono";
import "../src/blueprint/i18n";
import "../src/blueprint/runbook/runbook";
import "../src/blueprint/review/review";
import { defineCatalog, type Locale, loadLocale, negotiateLocale, translator } from "../src/i18n";
import en from "./messages/en.json" with { type: "json" };

export const emulatorMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json", { with: { type: "json" } }),
});

// Every language is in memory before the first request, so an answer never waits for one.
await loadLocale("pt-BR");

export function localeOf(c: Context): Locale {
  return negotiateLocale(c.req.header("Accept-Language"));
}

/** Problem titles and details for this request's language. */
export function problemT(c: Context) {
  return translator(emulatorMessages, localeOf(c));
}
