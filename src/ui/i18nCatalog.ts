import { defineCatalog } from "../i18n";
import en from "./messages/en.json" with { type: "json" };

/** The shared primitives' words and the glossary of wire values. */
export const uiMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json", { with: { type: "json" } }),
});
export type UiMessageKey = keyof typeof en;
