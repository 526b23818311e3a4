import { defineCatalog } from "../i18n";
import en from "./messages/en.json";

export const designerMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json"),
});
export type DesignerMessageKey = keyof typeof en;
