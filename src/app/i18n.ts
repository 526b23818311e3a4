import { defineCatalog } from "../i18n";
import en from "./messages/en.json";

export const appMessages = defineCatalog(en, { "pt-BR": () => import("./messages/pt-BR.json") });
