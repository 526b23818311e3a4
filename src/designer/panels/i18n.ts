/**
 * The words of the designer's panels that open on demand (submit, plan impact, resilience, the
 * JSON editor): they load with those panels, not with the editor's first screen.
 */
import { defineCatalog } from "../../i18n";
import en from "./messages/en.json" with { type: "json" };

export const panelMessages = defineCatalog(en, {
  "pt-BR": () => import("./messages/pt-BR.json", { with: { type: "json" } }),
});
export type PanelMessageKey = keyof typeof en;
