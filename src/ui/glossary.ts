/**
 * Human labels for the wire format's enum values, in one place: the UI never shows a raw wire
 * value as a label (codes stay visible, in mono, only where people need them to search or to
 * talk to the API). The labels live in the ui catalog (`wire.<value>`), in every language.
 */
import { currentLocale, formatMessage, type Locale } from "../i18n";
import { type UiMessageKey, uiMessages } from "./i18nCatalog";

/** The wire values that have a label. */
export const LABELLED_WIRE_VALUES: readonly string[] = Object.keys(uiMessages.en)
  .filter((k) => k.startsWith("wire."))
  .map((k) => k.slice(5));

/** The label for a wire value, or the value itself when it has none (free text, names). */
export function wireLabel(value: unknown, locale: Locale = currentLocale()): string {
  const s = String(value ?? "");
  const key = `wire.${s}` as UiMessageKey;
  return key in uiMessages.en ? formatMessage(uiMessages, locale, key) : s;
}
