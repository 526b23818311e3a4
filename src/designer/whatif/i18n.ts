/** The words of what-if and the optimiser: they load with those panels, not with the editor. */
import { defineCatalog } from "../../i18n";
import en from "./messages/en.json" with { type: "json" };

export const whatIfMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json", { with: { type: "json" } }),
});
export type WhatIfMessageKey = keyof typeof en;
