/** What a change does to the assessment, row by row, in words a plan reviewer reads. Pure. */
import type { Avaliacao } from "../../blueprint";
import type { Locale } from "../../i18n";
import { formatFixed, formatUsd } from "../../i18n/format";
import { seconds } from "../resilience";

/** Which figure a row is (its label is the caller's words for it). */
export type ImpactFigure = "availability" | "rto" | "rpo" | "cost";

export interface ImpactRow {
  figure: ImpactFigure;
  before: string;
  after: string;
  /** Direction in words (the colour only repeats it). */
  change: "better" | "worse" | "same" | "new";
  arrow: "↑" | "↓" | "=" | "";
}

function compare(
  before: number | null | undefined,
  after: number | null,
  higherIsBetter: boolean,
): Pick<ImpactRow, "change" | "arrow"> {
  if (before === undefined) return { change: "new", arrow: "" };
  if (before === after) return { change: "same", arrow: "=" };
  // A scenario nobody survives (null) is the worst outcome there is.
  const b = before ?? Number.POSITIVE_INFINITY;
  const a = after ?? Number.POSITIVE_INFINITY;
  const up = a > b;
  const better = higherIsBetter ? up : !up;
  return { change: better ? "better" : "worse", arrow: up ? "↑" : "↓" };
}

export function impactRows(
  before: Avaliacao | null,
  after: Avaliacao,
  locale: Locale = "en",
): ImpactRow[] {
  const b = before ?? undefined;
  const s = (x: number | null) => seconds(x, locale);
  const pct = (x: number) => `${formatFixed(locale, x, 4)} %`;
  const money = (a: Avaliacao) =>
    `${formatUsd(locale, a.custo_mensal_usd.min)} – ${formatUsd(locale, a.custo_mensal_usd.max)}`;
  return [
    {
      figure: "availability",
      before: b ? pct(b.disponibilidade_estimada_pct) : "—",
      after: pct(after.disponibilidade_estimada_pct),
      ...compare(b?.disponibilidade_estimada_pct, after.disponibilidade_estimada_pct, true),
    },
    {
      figure: "rto",
      before: b ? s(b.rto_s) : "—",
      after: s(after.rto_s),
      ...compare(b?.rto_s, after.rto_s, false),
    },
    {
      figure: "rpo",
      before: b ? s(b.rpo_s) : "—",
      after: s(after.rpo_s),
      ...compare(b?.rpo_s, after.rpo_s, false),
    },
    {
      figure: "cost",
      before: b ? money(b) : "—",
      after: money(after),
      ...compare(b?.custo_mensal_usd.max, after.custo_mensal_usd.max, false),
    },
  ];
}
