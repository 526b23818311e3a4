/** What a change does to the assessment, row by row, in words a plan reviewer reads. Pure. */
import type { Avaliacao } from "../../blueprint";

export interface ImpactRow {
  label: string;
  before: string;
  after: string;
  /** Direction in words (the colour only repeats it). */
  change: "better" | "worse" | "same" | "new";
  arrow: "↑" | "↓" | "=" | "";
}

const s = (x: number | null) => (x === null ? "—" : `${x} s`);
const money = (a: Avaliacao) =>
  `$${a.custo_mensal_usd.min.toFixed(2)} – $${a.custo_mensal_usd.max.toFixed(2)}`;

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

export function impactRows(before: Avaliacao | null, after: Avaliacao): ImpactRow[] {
  const b = before ?? undefined;
  return [
    {
      label: "Availability",
      before: b ? `${b.disponibilidade_estimada_pct.toFixed(4)} %` : "—",
      after: `${after.disponibilidade_estimada_pct.toFixed(4)} %`,
      ...compare(b?.disponibilidade_estimada_pct, after.disponibilidade_estimada_pct, true),
    },
    {
      label: "Worst RTO",
      before: b ? s(b.rto_s) : "—",
      after: s(after.rto_s),
      ...compare(b?.rto_s, after.rto_s, false),
    },
    {
      label: "Worst RPO",
      before: b ? s(b.rpo_s) : "—",
      after: s(after.rpo_s),
      ...compare(b?.rpo_s, after.rpo_s, false),
    },
    {
      label: "Monthly cost",
      before: b ? money(b) : "—",
      after: money(after),
      ...compare(b?.custo_mensal_usd.max, after.custo_mensal_usd.max, false),
    },
  ];
}
