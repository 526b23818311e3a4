/** Words for the assessment in the designer's Resilience view. Pure. */
import { type Avaliacao, findRegion, nearestRegion } from "../blueprint";
import type { Locale, Translate } from "../i18n";
import { formatNumber, formatUsd } from "../i18n/format";
import { wireLabel } from "../ui/glossary";
import { fieldLabel } from "./fields";
import type { PanelMessageKey } from "./panels/i18n";

type T = Translate<PanelMessageKey>;

const city = (regiao: string) => findRegion(regiao)?.city ?? regiao;

export const seconds = (s: number | null, locale: Locale) =>
  s === null ? "—" : `${formatNumber(locale, s, { maximumFractionDigits: 2 })} s`;

/** Dollars as the locale writes them: "$1,089.20", "US$ 1.089,20". */
export const usd = (n: number, locale: Locale) => formatUsd(locale, n);

/** "If São Paulo goes down: traffic moves to Ashburn in 36 s; up to 2.5 s of writes are lost." */
export function regionLossSentence(a: Avaliacao, regiao: string, t: T, locale: Locale): string {
  const loss = a.cenarios.find((c) => c.tipo === "perda-regiao" && c.regiao === regiao);
  const regions = a.cenarios.filter((c) => c.tipo === "perda-regiao").map((c) => c.regiao);
  if (!loss?.sobrevive || loss.rto_s === null)
    return t("resilience.lossFatal", { city: city(regiao) });
  const to = nearestRegion(
    regiao,
    regions.filter((r) => r !== regiao),
  );
  return t("resilience.loss", {
    city: city(regiao),
    to: to ? city(to) : t("resilience.anotherRegion"),
    rto: seconds(loss.rto_s, locale),
    rpo: loss.rpo_s && loss.rpo_s > 0 ? seconds(loss.rpo_s, locale) : "none",
  });
}

/** The label of a one-click fix, e.g. "Set Minimum replicas to 6", "Check every 8 s × 3". */
export function fixLabel(ponteiro: string, valor: unknown, t: T): string {
  const field = ponteiro.split("/").pop() ?? ponteiro;
  if (field === "health_check" && typeof valor === "object" && valor !== null) {
    const hc = valor as { intervalo_s?: number; falhas_para_failover?: number };
    return t("resilience.fixHealthCheck", {
      interval: hc.intervalo_s ?? "?",
      failures: hc.falhas_para_failover ?? "?",
    });
  }
  return t("resilience.fixSet", {
    field: fieldLabel(field),
    value: typeof valor === "string" ? wireLabel(valor) : JSON.stringify(valor),
  });
}

/** How a figure compares with its policy, in words (colour is never the only signal). */
export function verdict(ok: boolean, t: T): { text: string; tone: "ok" | "warning" } {
  return ok
    ? { text: t("resilience.meets"), tone: "ok" }
    : { text: t("resilience.misses"), tone: "warning" };
}
