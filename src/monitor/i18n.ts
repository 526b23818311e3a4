import { defineCatalog } from "../i18n";
import en from "./messages/en.json";

export const monitorMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json"),
});
export type MonitorMessageKey = keyof typeof en;
