/** Words for the assessment in the designer's Resilience view. Pure. */
import {
  type Avaliacao,
  cityOf as city,
  type Mudanca,
  nearestRegion,
  resourceIndexOf,
} from "../blueprint";
import type { Locale, Translate } from "../i18n";
import { formatList, formatNumber, formatUsd } from "../i18n/format";
import { wireLabel } from "../ui/glossary";
import { fieldLabel } from "./fields";
import type { PanelMessageKey } from "./panels/i18n";

type T = Translate<PanelMessageKey>;

export const seconds = (s: number | null, locale: Locale) =>
  s === null ? "—" : `${formatNumber(locale, s, { maximumFractionDigits: 2 })} s`;

/** Dollars as the locale writes them: "$1,089.20", "US$ 1.089,20". */
export const usd = (n: number, locale: Locale) => formatUsd(locale, n);

/**
 * "If São Paulo goes down: traffic moves to Ashburn in 36 s; up to 2.5 s of writes are lost."
 * When nothing survives, it names only what the design lacks to fail over: another region, a
 * gateway, or both.
 */
export function regionLossSentence(
  a: Avaliacao,
  regiao: string,
  t: T,
  locale: Locale,
  hasGateway = true,
): string {
  const loss = a.cenarios.find((c) => c.tipo === "perda-regiao" && c.regiao === regiao);
  const regions = a.cenarios.filter((c) => c.tipo === "perda-regiao").map((c) => c.regiao);
  if (!loss?.sobrevive || loss.rto_s === null) {
    const oneRegion = regions.length < 2;
    return t("resilience.lossFatal", {
      city: city(regiao),
      lacks: oneRegion && !hasGateway ? "both" : oneRegion ? "region" : "gateway",
    });
  }
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

/** One change in words, e.g. "Set Minimum replicas to 6", "Check every 8 s × 3". */
function changeLabel(c: Mudanca, t: T, first: boolean): string {
  const field = c.ponteiro.split("/").pop() ?? c.ponteiro;
  if (field === "health_check" && typeof c.valor === "object" && c.valor !== null) {
    const hc = c.valor as { intervalo_s?: number; falhas_para_failover?: number };
    return t("resilience.fixHealthCheck", {
      interval: hc.intervalo_s ?? "?",
      failures: hc.falhas_para_failover ?? "?",
    });
  }
  return t(first ? "resilience.fixSet" : "resilience.fixAlso", {
    field: fieldLabel(field),
    value: typeof c.valor === "string" ? wireLabel(c.valor) : JSON.stringify(c.valor),
  });
}

/**
 * The label of a one-click fix, every change it makes: "Set Minimum replicas to 6 and Maximum
 * replicas to 6"; with several resources, each named: "app: Set …; db: Set …".
 */
export function fixLabel(
  mudancas: readonly Mudanca[],
  t: T,
  locale: Locale,
  nameOf: (index: number) => string | undefined = () => undefined,
): string {
  const groups = new Map<number, Mudanca[]>();
  for (const c of mudancas) {
    const index = resourceIndexOf(c.ponteiro) ?? -1;
    groups.set(index, [...(groups.get(index) ?? []), c]);
  }
  const parts = [...groups].map(([index, changes]) => {
    const words = formatList(
      locale,
      changes.map((c, k) => changeLabel(c, t, k === 0)),
      "conjunction",
    );
    const name = groups.size > 1 ? nameOf(index) : undefined;
    return name ? `${name}: ${words}` : words;
  });
  return parts.join("; ");
}

/** How a figure compares with its policy, in words (colour is never the only signal). */
export function verdict(ok: boolean, t: T): { text: string; tone: "ok" | "warning" } {
  return ok
    ? { text: t("resilience.meets"), tone: "ok" }
    : { text: t("resilience.misses"), tone: "warning" };
}
