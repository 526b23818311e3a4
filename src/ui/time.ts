import { currentLocale, type Locale } from "../i18n";
import { formatRelative } from "../i18n/format";

/** "30 minutes ago" / "há 30 minutos" from an ISO time; `now` injectable for tests. */
export function relativeTime(
  iso: string,
  now = Date.now(),
  locale: Locale = currentLocale(),
): string {
  return formatRelative(locale, iso, now);
}
