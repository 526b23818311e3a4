import type { AvailabilityExplanation } from "../blueprint";
import { formatFixed, formatNumber } from "../i18n/format";
import { wireLabel } from "../ui/glossary";
import { useLocale, useT } from "../ui/i18n";
import { panelMessages } from "./panels/i18n";

/**
 * Why the estimate is what it is: every factor of the §5 product (global resources, each
 * region's stack, the regions backing each other up) and the ceiling no change of zones or
 * regions passes, so a target above it reads as unreachable rather than as advice that goes
 * round in circles.
 */
export function AvailabilityWhy({ why, policy }: { why: AvailabilityExplanation; policy: number }) {
  const t = useT(panelMessages);
  const locale = useLocale();
  // Six decimals: regions backing each other up come close to 100 % without reaching it.
  const pct = (x: number) => `${formatNumber(locale, x * 100, { maximumFractionDigits: 6 })} %`;
  const estimate = `${formatFixed(locale, why.estimate, 4)} %`;
  const ceiling = `${formatFixed(locale, why.ceiling, 4)} %`;
  const row = (key: string, what: string, where: string, value: string, strong = false) => (
    <tr key={key} className="border-t border-slate-100 dark:border-slate-800">
      <th scope="row" className={`py-1 pr-2 text-left ${strong ? "font-semibold" : "font-normal"}`}>
        {what}
      </th>
      <td className="py-1 pr-2 text-slate-600 dark:text-slate-300">{where}</td>
      <td className={`py-1 text-right font-mono ${strong ? "font-semibold" : ""}`}>{value}</td>
    </tr>
  );
  return (
    <section aria-labelledby="why-estimate" data-testid="availability-why">
      <h3 id="why-estimate" className="text-xs font-semibold text-slate-700 dark:text-slate-200">
        {t("why.title", { estimate })}
      </h3>
      <table className="mt-1 w-full text-xs">
        <caption className="sr-only">{t("why.caption")}</caption>
        <thead className="text-slate-600 dark:text-slate-300">
          <tr>
            <th scope="col" className="py-1 text-left font-medium">
              {t("why.factor")}
            </th>
            <th scope="col" className="py-1 text-left font-medium">
              {t("why.where")}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {t("why.availability")}
            </th>
          </tr>
        </thead>
        <tbody>
          {why.global.map((g) =>
            row(
              `g-${g.nome}`,
              `${g.nome} (${wireLabel(g.tipo)})`,
              t("why.everyRequest"),
              pct(g.availability),
            ),
          )}
          {why.regional.map((r) =>
            row(
              `r-${r.nome}`,
              `${r.nome} (${wireLabel(r.tipo)})`,
              t("why.inEachRegion", { zones: r.zones }),
              pct(r.availability),
            ),
          )}
          {row("region", t("why.oneRegion"), t("why.product"), pct(why.region))}
          {why.failsOver
            ? row(
                "regions",
                t("why.regions", { count: why.regions }),
                t("why.anyServes", { count: why.regions }),
                pct(why.regionalPart),
              )
            : null}
          {row("estimate", t("why.estimate"), t("why.globalTimesRegional"), estimate, true)}
        </tbody>
      </table>
      <p
        className={`mt-1 text-xs ${why.ceiling < policy ? "font-medium text-amber-800 dark:text-amber-300" : "text-slate-600 dark:text-slate-300"}`}
        data-testid="availability-ceiling"
      >
        {t(why.ceiling < policy ? "why.ceilingBelow" : "why.ceiling", {
          ceiling,
          policy: `${formatNumber(locale, policy, { maximumFractionDigits: 4 })} %`,
        })}
      </p>
    </section>
  );
}
