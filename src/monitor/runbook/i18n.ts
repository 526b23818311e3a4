import { defineCatalog } from "../../i18n";
import en from "./messages/en.json" with { type: "json" };

export const runbookPageMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json", { with: { type: "json" } }),
});
export type RunbookPageMessageKey = keyof typeof en;
