/**
 * Messages in the reader's language. Framework-free: the console, the CLI and the emulator
 * format the same catalogs. Each area keeps its catalogs beside its code (`messages/en.json`,
 * `messages/pt-BR.json`); English is bundled with the code, other languages load on demand.
 * Messages are ICU MessageFormat (plurals, selects, numbers), formatted by FormatJS's
 * `intl-messageformat`; the production build hands it pre-parsed messages (vite.config.ts).
 */
import { IntlMessageFormat } from "intl-messageformat";
import { isPlainMessage } from "./plain";

export const LOCALES = ["en", "pt-BR"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The language each locale is called in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  "pt-BR": "Português (Brasil)",
};

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/**
 * The best of our locales for a list of wanted ones (navigator.languages, an Accept-Language
 * header or a POSIX LANG such as `pt_BR.UTF-8`): any Portuguese reads pt-BR, anything else English.
 */
export function negotiateLocale(wanted: string | readonly string[] | undefined | null): Locale {
  const list =
    typeof wanted === "string"
      ? wanted
          .split(",")
          .map((part) => {
            const [tag, ...params] = part.trim().split(";");
            const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
            return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
          })
          .filter((e) => e.tag !== "" && e.q > 0)
          .sort((a, b) => b.q - a.q)
          .map((e) => e.tag)
      : [...(wanted ?? [])];
  for (const raw of list) {
    const tag = raw.split(".")[0].replace("_", "-").toLowerCase();
    if (tag === "*") return DEFAULT_LOCALE;
    if (tag === "pt" || tag.startsWith("pt-")) return "pt-BR";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return DEFAULT_LOCALE;
}

export type Messages = Readonly<Record<string, string>>;
export type MessageValues = Record<string, string | number | Date>;

type Loader = () => Promise<{ default: Messages }>;

/** One area's messages: English in hand, the other languages loaded when first needed. */
export interface Catalog<K extends string = string> {
  readonly en: Readonly<Record<K, string>>;
  /** The messages for a locale if they are loaded (English always is). */
  loaded(locale: Locale): Readonly<Record<K, string>> | undefined;
  /** Loads a locale's messages; the same promise on every call. */
  load(locale: Locale): Promise<Readonly<Record<K, string>>>;
}

const catalogs: Catalog[] = [];

export function defineCatalog<M extends Messages>(
  en: M,
  others: Record<Exclude<Locale, "en">, Loader>,
): Catalog<keyof M & string> {
  const done = new Map<Locale, Messages>([["en", en]]);
  const pending = new Map<Locale, Promise<Messages>>();
  const catalog: Catalog<keyof M & string> = {
    en,
    loaded: (locale) => done.get(locale) as Record<keyof M & string, string> | undefined,
    load(locale) {
      const have = done.get(locale);
      if (have) return Promise.resolve(have as Record<keyof M & string, string>);
      let p = pending.get(locale);
      if (!p) {
        p = others[locale as Exclude<Locale, "en">]().then((m) => {
          done.set(locale, m.default);
          return m.default;
        });
        pending.set(locale, p);
      }
      return p as Promise<Record<keyof M & string, string>>;
    },
  };
  catalogs.push(catalog);
  // A catalog defined after the locale was chosen (a page's code arriving) starts loading now.
  if (current !== undefined && current !== DEFAULT_LOCALE)
    void catalog.load(current).catch(() => {});
  return catalog;
}

/** Loads a locale for every catalog defined so far (the CLI and the emulator call this at start). */
export async function loadLocale(locale: Locale): Promise<void> {
  await Promise.all(catalogs.map((c) => c.load(locale)));
}

/** Compiled messages, per catalog (two areas may use the same key for different words). */
const formats = new WeakMap<Catalog, Map<string, IntlMessageFormat>>();

/**
 * `Intl` formatters for every message, kept without serialising their arguments: the library's
 * own cache turns each lookup into a `JSON.stringify` of the locale and options, once per `#`
 * and per plural in every message formatted (301 findings of an assessment: about a tenth of its
 * time). Options arrive as objects of the compiled message (one per argument), so they key a
 * WeakMap; plural rules arrive as a new `{ type }` each time, so the type is the key.
 */
function cachedPerLocale<O extends object, F>(
  make: (locales: string | string[] | undefined, options?: O) => F,
) {
  const plain = new Map<string, F>();
  const withOptions = new WeakMap<O, Map<string, F>>();
  return (locales?: string | string[], options?: O): F => {
    const locale = String(locales);
    let byLocale = plain;
    if (options) {
      let m = withOptions.get(options);
      if (!m) {
        m = new Map();
        withOptions.set(options, m);
      }
      byLocale = m;
    }
    let f = byLocale.get(locale);
    if (!f) {
      f = make(locales, options);
      byLocale.set(locale, f);
    }
    return f;
  };
}
const pluralRules = new Map<string, Intl.PluralRules>();
const intlFormatters = {
  getNumberFormat: cachedPerLocale(
    (locales, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locales, options),
  ),
  getDateTimeFormat: cachedPerLocale(
    (locales, options?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locales, options),
  ),
  getPluralRules(locales?: string | string[], options?: Intl.PluralRulesOptions) {
    // The library passes `{ type }` alone; anything more keys by all of it.
    const rest = options && Object.keys(options).some((k) => k !== "type");
    const key = `${String(locales)}\u0000${rest ? JSON.stringify(options) : (options?.type ?? "cardinal")}`;
    let rules = pluralRules.get(key);
    if (!rules) {
      rules = new Intl.PluralRules(locales, options);
      pluralRules.set(key, rules);
    }
    return rules;
  },
};

/**
 * A message in `locale`, from the catalog's loaded messages for it, else English. Values fill
 * ICU arguments (`{count, plural, one {# region} other {# regions}}`).
 */
export function formatMessage<K extends string>(
  catalog: Catalog<K>,
  locale: Locale,
  key: K,
  values?: MessageValues,
): string {
  const own = catalog.loaded(locale);
  const source = own?.[key] ?? catalog.en[key];
  if (source === undefined) return key;
  if (isPlainMessage(source)) return source;
  const useLocale = own?.[key] !== undefined ? locale : "en";
  let compiled = formats.get(catalog as Catalog);
  if (!compiled) {
    compiled = new Map();
    formats.set(catalog as Catalog, compiled);
  }
  const cacheKey = `${useLocale}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, useLocale, undefined, {
      ignoreTag: true,
      formatters: intlFormatters,
    });
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

export type Translate<K extends string> = (key: K, values?: MessageValues) => string;

export function translator<K extends string>(catalog: Catalog<K>, locale: Locale): Translate<K> {
  return (key, values) => formatMessage(catalog, locale, key, values);
}

// The console's current locale: one value for the tab, remembered in localStorage.
const LOCALE_KEY = "tesserra.locale";
let current: Locale | undefined;
const listeners = new Set<() => void>();

function storedLocale(): Locale | undefined {
  try {
    const v = globalThis.localStorage?.getItem(LOCALE_KEY);
    return isLocale(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The locale chosen in Settings, else the browser's, else English. */
export function currentLocale(): Locale {
  if (!current)
    current =
      storedLocale() ??
      negotiateLocale(typeof navigator === "undefined" ? undefined : navigator.languages);
  return current;
}

/** Switches the locale once every catalog defined so far has its messages. */
export async function setLocale(locale: Locale, remember = true): Promise<void> {
  await loadLocale(locale);
  if (remember)
    try {
      globalThis.localStorage?.setItem(LOCALE_KEY, locale);
    } catch {
      // Storage disabled: the choice holds for this tab.
    }
  if (locale === current) return;
  current = locale;
  for (const l of listeners) l();
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
