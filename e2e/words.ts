/**
 * The console's words for e2e journeys in any language: tests name controls by catalog key, so
 * one journey runs in English and in Portuguese. Also lists the English phrases that must not
 * show on a page in another language.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { apiMessages } from "../src/api/explain";
import { appMessages } from "../src/app/i18n";
import { RESOURCE_TYPES } from "../src/blueprint";
import { blueprintMessages } from "../src/blueprint/i18n";
import { runbookMessages } from "../src/blueprint/runbook/runbook";
import { designerMessages } from "../src/designer/i18n";
import { panelMessages } from "../src/designer/panels/i18n";
import { whatIfMessages } from "../src/designer/whatif/i18n";
import {
  type Catalog,
  formatMessage,
  type Locale,
  loadLocale,
  type MessageValues,
} from "../src/i18n";
import { monitorMessages } from "../src/monitor/i18n";
import { runbookPageMessages } from "../src/monitor/runbook/i18n";
import { projectsMessages } from "../src/projects/i18n";
import { reviewPageMessages } from "../src/projects/review/i18n";
import { uiMessages } from "../src/ui/i18nCatalog";

const CATALOGS = {
  app: appMessages,
  api: apiMessages,
  blueprint: blueprintMessages,
  designer: designerMessages,
  panel: panelMessages,
  monitor: monitorMessages,
  runbook: runbookPageMessages,
  review: reviewPageMessages,
  runbookText: runbookMessages,
  projects: projectsMessages,
  ui: uiMessages,
  whatif: whatIfMessages,
};

type Words = {
  [K in keyof typeof CATALOGS]: (typeof CATALOGS)[K] extends Catalog<infer Key>
    ? (key: Key, values?: MessageValues) => string
    : never;
};

/** `w.designer("start.blank")` → "New blank design" or "Novo design em branco". */
export async function wordsFor(locale: Locale): Promise<Words> {
  await loadLocale(locale);
  return Object.fromEntries(
    Object.entries(CATALOGS).map(([name, catalog]) => [
      name,
      (key: string, values?: MessageValues) =>
        formatMessage(catalog as Catalog, locale, key, values),
    ]),
  ) as Words;
}

const ROOT = resolve(import.meta.dirname, "..");

function catalogFolders(): string[] {
  return readdirSync(join(ROOT, "src"), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name === "en.json" && e.parentPath.endsWith("messages"))
    .map((e) => e.parentPath);
}

function literals(elements: MessageFormatElement[], out: string[] = []): string[] {
  for (const el of elements) {
    if (el.type === TYPE.literal) out.push(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) literals(option.value, out);
  }
  return out;
}

/**
 * English text that a page in `locale` must not show: every English message (or, for one with
 * arguments, every literal run of more than two words) that reads differently in `locale`.
 * Template names are left out (a design made from a template keeps its name as data), and so
 * are the product names (brands, the same in every language: "Compute" is a product and, in
 * English, a palette group).
 */
export function englishOnlyPhrases(locale: Locale): string[] {
  const phrases = new Set<string>();
  // Words Portuguese borrows as they are ("health check", "failover"): alone, they prove nothing.
  const borrowed = new Set<string>();
  for (const folder of catalogFolders())
    for (const message of Object.values(
      JSON.parse(readFileSync(join(folder, `${locale}.json`), "utf8")) as Record<string, string>,
    ))
      for (const word of message.split(/[^\p{L}-]+/u)) borrowed.add(word.toLowerCase());
  const brands = new Set(RESOURCE_TYPES.map((t) => t[0].toUpperCase() + t.slice(1)));
  for (const folder of catalogFolders()) {
    const en = JSON.parse(readFileSync(join(folder, "en.json"), "utf8")) as Record<string, string>;
    const other = JSON.parse(readFileSync(join(folder, `${locale}.json`), "utf8")) as Record<
      string,
      string
    >;
    for (const [key, message] of Object.entries(en)) {
      if (key.startsWith("template.") || message === other[key]) continue;
      const theirs = literals(parse(other[key], { ignoreTag: true })).join(" ");
      for (const part of literals(parse(message, { ignoreTag: true }))) {
        const text = part.trim().replace(/^[,.;:·–—(]+\s*|\s*[,.;:·–—(]+$/g, "");
        const words = text.split(/\s+/).filter((w) => /[A-Za-z]{2}/.test(w));
        const whole = part === message;
        if (!((whole && words.length >= 1 && text.length >= 4) || words.length >= 3)) continue;
        if (theirs.includes(text) || brands.has(text)) continue;
        if (words.length === 1 && borrowed.has(text.toLowerCase())) continue;
        phrases.add(text);
      }
    }
  }
  return [...phrases];
}
