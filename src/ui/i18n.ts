/** The React side of `i18n/`: the current locale, and `t` for one catalog. */
import { use, useMemo, useSyncExternalStore } from "react";
import {
  type Catalog,
  currentLocale,
  type Locale,
  subscribeLocale,
  type Translate,
  translator,
} from "../i18n";

export function useLocale(): Locale {
  return useSyncExternalStore(subscribeLocale, currentLocale, currentLocale);
}

/**
 * A translate function for `catalog` in the current locale. If the locale's messages for this
 * catalog are not loaded yet, the component suspends until they are (one small request).
 */
export function useT<K extends string>(catalog: Catalog<K>): Translate<K> {
  const locale = useLocale();
  if (!catalog.loaded(locale)) use(catalog.load(locale));
  return useMemo(() => translator(catalog, locale), [catalog, locale]);
}
