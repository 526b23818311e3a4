/** The blueprint's own words (finding messages), in every console language. */
import { DEFAULT_LOCALE, defineCatalog, type Locale, translator } from "../i18n";
import en from "./messages/en.json" with { type: "json" };

export const blueprintMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json", { with: { type: "json" } }),
});

export type BlueprintMessageKey = keyof typeof en;

export function blueprintT(locale: Locale = DEFAULT_LOCALE) {
  return translator(blueprintMessages, locale);
}
