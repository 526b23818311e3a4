import { defineCatalog } from "../../i18n";
import en from "./messages/en.json" with { type: "json" };

export const reviewPageMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json", { with: { type: "json" } }),
});
export type ReviewPageMessageKey = keyof typeof en;
