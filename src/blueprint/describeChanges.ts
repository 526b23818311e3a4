/**
 * An optimiser change in words ("Regions: São Paulo, Ashburn, Frankfurt → São Paulo, Ashburn",
 * "app-global minimum replicas 3 → 4"): the CLI's table and the console's options say the same.
 */
import type { Locale } from "../i18n";
import { blueprintT } from "./i18n";
import type { MudancaOtimizacao } from "./otimizacao";
import { cityOf } from "./regions";
import type { NormalizedBlueprint } from "./schema";

export function describeChange(
  bp: Pick<NormalizedBlueprint, "recursos">,
  change: MudancaOtimizacao,
  locale: Locale = "en",
): string {
  const t = blueprintT(locale);
  const cities = (ids: unknown) =>
    (Array.isArray(ids) ? ids : []).map((id) => cityOf(String(id))).join(", ");
  if (change.ponteiro === "/regioes")
    return t("change.regioes", { from: cities(change.de), to: cities(change.para) });
  if (change.ponteiro === "/resiliencia")
    return t("change.resiliencia", {
      from: t(`level.${String(change.de)}` as "level.multi-regiao"),
      to: t(`level.${String(change.para)}` as "level.multi-regiao"),
    });
  const m = /^\/recursos\/(\d+)\/config\/(?:health_check\/)?(\w+)$/.exec(change.ponteiro);
  const name = m ? (bp.recursos[Number(m[1])]?.nome ?? m[1]) : change.ponteiro;
  const field = m?.[2];
  const from = String(change.de);
  const to = String(change.para);
  switch (field) {
    case "replicas_min":
    case "replicas_max":
    case "intervalo_s":
    case "falhas_para_failover":
      return t(`change.${field}`, { name, from, to });
    case "ha":
    case "replicacao":
    case "classe":
      return t(`change.${field}.${to}` as "change.ha.true", { name });
    default:
      return `${change.ponteiro}: ${from} → ${to}`;
  }
}

/** Every change of an option, joined for one line; "No changes" when there are none. */
export function describeChanges(
  bp: Pick<NormalizedBlueprint, "recursos">,
  changes: readonly MudancaOtimizacao[],
  locale: Locale = "en",
): string {
  if (changes.length === 0) return blueprintT(locale)("change.none");
  return changes.map((c) => describeChange(bp, c, locale)).join("; ");
}
