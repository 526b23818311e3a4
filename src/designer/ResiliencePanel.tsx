import { useRef, useState } from "react";
import type { Avaliacao } from "../blueprint";
import { cityOf } from "../blueprint";
import { formatFixed, formatNumber } from "../i18n/format";
import { useLocale, useT } from "../ui/i18n";
import { Message } from "../ui/Message";
import { AvailabilityWhy } from "./AvailabilityWhy";
import { type Json, setAtPointer } from "./doc";
import { panelMessages } from "./panels/i18n";
import { fixLabel, regionLossSentence, seconds, usd, verdict } from "./resilience";
import { useAssessment, useDesigner, useDoc } from "./store";
import { whatIfMessages } from "./whatif/i18n";
import { OptimizerDialog } from "./whatif/OptimizerDialog";
import { useSimulation } from "./whatif/simulationStore";

function Figure({
  label,
  value,
  policy,
  ok,
  testId,
}: {
  label: string;
  value: string;
  policy?: string;
  ok?: boolean;
  testId: string;
}) {
  const t = useT(panelMessages);
  const v = ok === undefined ? undefined : verdict(ok, t);
  return (
    <div className="min-w-36 rounded-md border border-slate-200 px-3 py-2 dark:border-slate-700">
      <div className="text-xs text-slate-600 dark:text-slate-300">{label}</div>
      <div className="font-mono text-base font-semibold" data-testid={testId}>
        {value}
      </div>
      {policy ? (
        <div className="text-xs text-slate-600 dark:text-slate-300">
          {t("resilience.policy", { value: policy })}
          {v ? (
            <span
              className={`ml-1 font-medium ${v.tone === "ok" ? "text-emerald-700 dark:text-emerald-400" : "text-amber-800 dark:text-amber-300"}`}
            >
              {v.tone === "ok" ? "✓" : "!"} {v.text}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/**
 * What the design promises before it is deployed (contract §5), recomputed on every edit in
 * the browser: availability, region and zone loss, policy conformance with one-click fixes,
 * and monthly cost.
 */
export function ResiliencePanel() {
  const t = useT(panelMessages);
  const locale = useLocale();
  const { avaliacao: a, why } = useAssessment();
  const apply = useDesigner((s) => s.apply);
  const doc = useDoc();
  const [region, setRegion] = useState<string>();
  const tw = useT(whatIfMessages);
  const [optimizing, setOptimizing] = useState(false);
  const [staged, setStaged] = useState<string>();
  // The words of what was applied stay until the design moves on from that edit.
  const stagedDoc = useRef<unknown>(null);
  const showStaged = staged !== undefined && stagedDoc.current === doc;
  const nameOf = (index: number) => {
    const r = Array.isArray(doc.recursos) ? doc.recursos[index] : undefined;
    return r && typeof r === "object" && !Array.isArray(r) && typeof r.nome === "string"
      ? r.nome
      : undefined;
  };
  // Priced once, in no region: what the regions' rows leave out of the total.
  const globalNames = (Array.isArray(doc.recursos) ? doc.recursos : []).flatMap((r) =>
    r &&
    typeof r === "object" &&
    !Array.isArray(r) &&
    typeof r.nome === "string" &&
    ["gateway", "sentinel", "insight", "autoscale"].includes(String(r.tipo))
      ? [r.nome]
      : [],
  );
  const hasDatastore =
    Array.isArray(doc.recursos) &&
    doc.recursos.some(
      (r) => r && typeof r === "object" && !Array.isArray(r) && r.tipo === "datastore",
    );
  const hasGateway =
    Array.isArray(doc.recursos) &&
    doc.recursos.some(
      (r) => r && typeof r === "object" && !Array.isArray(r) && r.tipo === "gateway",
    );

  if (!a)
    return (
      <section
        aria-label={t("tab.resilienceLabel")}
        className="px-4 py-3 text-sm text-slate-600 dark:text-slate-300"
      >
        {t("resilience.empty")}
      </section>
    );
  const p = a.politica;
  const regions = a.cenarios.filter((c) => c.tipo === "perda-regiao").map((c) => c.regiao);
  const chosen = region && regions.includes(region) ? region : regions[0];
  return (
    <section
      aria-label={t("tab.resilienceLabel")}
      className="h-full space-y-3 overflow-y-auto px-4 py-3 text-sm"
    >
      <div className="flex flex-wrap gap-2">
        <Figure
          label={t("resilience.availability")}
          value={`${formatFixed(locale, a.disponibilidade_estimada_pct, 4)} %`}
          policy={`${formatNumber(locale, p.disponibilidade_pct, { maximumFractionDigits: 4 })} %`}
          ok={a.disponibilidade_estimada_pct >= p.disponibilidade_pct}
          testId="resilience-availability"
        />
        <Figure
          label={t("resilience.worstRto")}
          value={seconds(a.rto_s, locale)}
          policy={seconds(p.rto_s, locale)}
          ok={a.rto_s === null ? undefined : a.rto_s <= p.rto_s}
          testId="resilience-rto"
        />
        <Figure
          label={t("resilience.worstRpo")}
          value={seconds(a.rpo_s, locale)}
          policy={seconds(p.rpo_s, locale)}
          ok={a.rpo_s === null ? undefined : a.rpo_s <= p.rpo_s}
          testId="resilience-rpo"
        />
        <Figure
          label={t("resilience.cost")}
          value={`${usd(a.custo_mensal_usd.min, locale)} – ${usd(a.custo_mensal_usd.max, locale)}`}
          testId="resilience-cost"
        />
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="rounded-md border border-indigo-700 bg-indigo-50 px-3 py-1 text-xs font-semibold text-indigo-800 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700 dark:border-indigo-400 dark:bg-indigo-500/10 dark:text-indigo-200"
          onClick={() => setOptimizing(true)}
        >
          {tw("opt.open")}
        </button>
        {showStaged ? (
          <p
            role="status"
            className="text-xs text-slate-700 dark:text-slate-200"
            data-testid="staged"
          >
            {tw("opt.staged", { changes: staged })}
          </p>
        ) : null}
      </div>
      <OptimizerDialog
        open={optimizing}
        onClose={() => setOptimizing(false)}
        policy={p.disponibilidade_pct}
        onApplied={(words) => {
          setStaged(words);
          stagedDoc.current = useDesigner.getState().history.present;
        }}
      />

      {a.conformidade.length > 0 ? (
        <div>
          <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-200">
            {t("resilience.against")}
          </h3>
          <ul className="mt-1 space-y-1">
            {a.conformidade.map((f) => (
              <li
                key={`${f.codigo}|${f.ponteiro}`}
                className="flex flex-wrap items-start gap-2 rounded border border-amber-300 bg-amber-50 px-2 py-1.5 dark:border-amber-500/40 dark:bg-amber-500/10"
              >
                <span
                  className="font-semibold text-amber-900 dark:text-amber-200"
                  aria-hidden="true"
                >
                  !
                </span>
                <span className="min-w-0 flex-1 text-slate-800 dark:text-slate-100">
                  <Message text={f.mensagem} />{" "}
                  <code className="text-xs text-slate-600 dark:text-slate-300">{f.codigo}</code>
                </span>
                {f.correcao ? (
                  <button
                    type="button"
                    className="shrink-0 rounded bg-indigo-700 px-2 py-0.5 text-xs font-medium text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700"
                    onClick={() => {
                      const c = f.correcao;
                      // Every change of the fix, as one step of undo.
                      if (c)
                        apply((d) =>
                          c.mudancas.reduce(
                            (doc, m) => setAtPointer(doc, m.ponteiro, m.valor as Json),
                            d,
                          ),
                        );
                    }}
                  >
                    {fixLabel(f.correcao.mudancas, t, locale, nameOf)}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-emerald-800 dark:text-emerald-300">{t("resilience.allMet")}</p>
      )}

      {why ? <AvailabilityWhy why={why} policy={p.disponibilidade_pct} /> : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <div>
          <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-200">
            {t("resilience.scenarios")}
          </h3>
          {hasDatastore && regions[0] ? (
            <p
              className="mt-1 text-xs text-slate-700 dark:text-slate-200"
              data-testid="resilience-primary"
            >
              {t("resilience.primary", {
                city: cityOf(regions[0]),
                region: regions[0],
              })}
            </p>
          ) : null}
          <table className="mt-1 w-full text-left text-xs">
            <thead className="text-slate-600 dark:text-slate-300">
              <tr>
                <th className="py-1 font-medium">{t("resilience.loss.col")}</th>
                <th className="py-1 font-medium">{t("col.region")}</th>
                <th className="py-1 font-medium">{t("resilience.survives")}</th>
                <th className="py-1 text-right font-medium">RTO</th>
                <th className="py-1 text-right font-medium">RPO</th>
                <th className="py-1 font-medium">
                  <span className="sr-only">{t("resilience.simulateCol")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {a.cenarios.map((c) => (
                <tr
                  key={`${c.tipo}|${c.regiao}`}
                  className="border-t border-slate-100 dark:border-slate-800"
                >
                  <td className="py-1">
                    {t("resilience.lossKind", {
                      kind: c.tipo === "perda-regiao" ? "region" : "zone",
                    })}
                  </td>
                  <td className="py-1">
                    {cityOf(c.regiao)}{" "}
                    <span className="font-mono text-slate-600 dark:text-slate-400">{c.regiao}</span>
                  </td>
                  <td className="py-1">{c.sobrevive ? t("resilience.yes") : t("resilience.no")}</td>
                  <td className="py-1 text-right font-mono">{seconds(c.rto_s, locale)}</td>
                  <td className="py-1 text-right font-mono">{seconds(c.rpo_s, locale)}</td>
                  <td className="py-1 pl-2 text-right">
                    <button
                      type="button"
                      className="rounded border border-slate-300 px-1.5 py-0.5 text-[11px] text-slate-700 hover:border-indigo-500 dark:border-slate-600 dark:text-slate-200"
                      aria-label={t("resilience.simulate", {
                        kind: c.tipo === "perda-regiao" ? "region" : "zone",
                        city: cityOf(c.regiao),
                      })}
                      onClick={(e) =>
                        useSimulation.getState().start(c.tipo, c.regiao, e.currentTarget)
                      }
                    >
                      {t("resilience.simulateShort")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset className="mt-2">
            <legend className="text-xs font-semibold text-slate-700 dark:text-slate-200">
              {t("resilience.ifDown")}
            </legend>
            <div className="mt-1 flex flex-wrap gap-1">
              {regions.map((r) => (
                <button
                  key={r}
                  type="button"
                  aria-pressed={r === chosen}
                  onClick={() => setRegion(r)}
                  className={`rounded border px-2 py-0.5 text-xs ${r === chosen ? "border-indigo-700 bg-indigo-700 text-white" : "border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-200"}`}
                >
                  {cityOf(r)}
                </button>
              ))}
            </div>
            {chosen ? (
              <p
                className="mt-1 text-slate-800 dark:text-slate-100"
                aria-live="polite"
                data-testid="region-loss"
              >
                {regionLossSentence(a, chosen, t, locale, hasGateway)}
              </p>
            ) : null}
          </fieldset>
        </div>
        <div>
          <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-200">
            {t("resilience.costTitle")}
          </h3>
          <CostTables avaliacao={a} globalNames={globalNames} />
        </div>
      </div>
    </section>
  );
}

interface CostRow {
  key: string;
  label: string;
  min: number;
  max: number;
  /** Names in monospace (resources), the total in bold. */
  kind?: "resource" | "total";
}

/** One cost table: a row a region or resource, its monthly range at the right. */
function CostTable({
  testId,
  caption,
  heading,
  rows,
  className,
}: {
  testId: string;
  caption: string;
  heading: string;
  rows: CostRow[];
  className: string;
}) {
  const t = useT(panelMessages);
  const locale = useLocale();
  return (
    <table className={`${className} w-full text-left text-xs`} data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead className="text-slate-600 dark:text-slate-300">
        <tr>
          <th scope="col" className="py-1 font-medium">
            {heading}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {t("resilience.cost")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.key}
            className={
              r.kind === "total"
                ? "border-t border-slate-300 font-semibold dark:border-slate-600"
                : "border-t border-slate-100 dark:border-slate-800"
            }
          >
            <th
              scope="row"
              className={`py-1 ${r.kind === "resource" ? "font-mono font-normal" : r.kind === "total" ? "" : "font-normal"}`}
            >
              {r.label}
            </th>
            <td className="py-1 text-right font-mono">
              {usd(r.min, locale)} – {usd(r.max, locale)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The monthly cost two ways that each add up: by region, with the global resources (priced
 * once, in no region) on a row of their own, to the total; and by resource.
 */
function CostTables({
  avaliacao: a,
  globalNames,
}: {
  avaliacao: Avaliacao;
  globalNames: string[];
}) {
  const t = useT(panelMessages);
  const c = a.custo_mensal_usd;
  const cents = (x: number) => Math.round(x * 100) / 100;
  const byRegion: CostRow[] = [
    ...c.por_regiao.map((r) => ({
      key: r.regiao,
      label: cityOf(r.regiao),
      min: r.min,
      max: r.max,
    })),
    ...(globalNames.length > 0
      ? [
          {
            key: "global",
            label: t("cost.global", { names: globalNames.join(", ") }),
            min: cents(c.min - c.por_regiao.reduce((s, r) => s + r.min, 0)),
            max: cents(c.max - c.por_regiao.reduce((s, r) => s + r.max, 0)),
          },
        ]
      : []),
    { key: "total", label: t("cost.total"), min: c.min, max: c.max, kind: "total" },
  ];
  return (
    <>
      <CostTable
        testId="cost-by-region"
        caption={t("cost.regionCaption")}
        heading={t("cost.byRegion")}
        rows={byRegion}
        className="mt-1"
      />
      <CostTable
        testId="cost-by-resource"
        caption={t("cost.resourceCaption")}
        heading={t("cost.byResource")}
        rows={c.por_recurso.map((r) => ({
          key: r.nome,
          label: r.nome,
          min: r.min,
          max: r.max,
          kind: "resource",
        }))}
        className="mt-3"
      />
    </>
  );
}
