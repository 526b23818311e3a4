import { defineCatalog } from "../i18n";
import en from "./messages/en.json";

export const projectsMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json"),
});
export type ProjectsMessageKey = keyof typeof en;
