/**
 * "Meet my policy for less": the optimiser's three options (contract §8) for the design being
 * edited, with the changes in words, the frontier, and Apply, which stages an option on the
 * canvas as one undo step with the changed resources highlighted. The search runs in a Web
 * Worker (useOptimizer), so the editor never waits for it.
 */
import { useMemo } from "react";
import { type Blueprint, type ChangePlan, normalizeBlueprint } from "../../blueprint";
import { describeChange, describeChanges } from "../../blueprint/describeChanges";
import type { Opcao, Otimizacao } from "../../blueprint/otimizacao";
import { formatFixed, formatNumber, formatUsd } from "../../i18n/format";
import { buttonClass } from "../../ui/Card";
import { Dialog } from "../../ui/Dialog";
import { useLocale, useT } from "../../ui/i18n";
import { type Doc, type Json, nameOf, resourcesOf, setAtPointer } from "../doc";
import { useDesigner, useDoc } from "../store";
import { FrontierChart } from "./FrontierChart";
import { whatIfMessages } from "./i18n";
import { useOptimizer } from "./useOptimizer";

/** The resources an option changes, and which of their fields, for the canvas's highlight. */
export function stagedPlan(doc: Doc, option: Pick<Opcao, "mudancas">): ChangePlan {
  const names = resourcesOf(doc).map(nameOf);
  const byName = new Map<string, string[]>();
  for (const m of option.mudancas) {
    const match = /^\/recursos\/(\d+)\/config\/(.+)$/.exec(m.ponteiro);
    const nome = match ? names[Number(match[1])] : undefined;
    if (!match || !nome) continue;
    byName.set(nome, [...(byName.get(nome) ?? []), match[2].replace("/", ".")]);
  }
  return {
    criar: [],
    alterar: [...byName].map(([nome, campos]) => ({ nome, campos })),
    remover: [],
  };
}

export function OptimizerDialog({
  open,
  onClose,
  onApplied,
  policy,
}: {
  /** The effective availability policy, drawn on the frontier. */
  policy: number;
  open: boolean;
  onClose: () => void;
  /** Said after an option is applied: its changes in words. */
  onApplied: (words: string) => void;
}) {
  const t = useT(whatIfMessages);
  const locale = useLocale();
  const doc = useDoc();
  const plano = useDesigner((s) => s.plano);
  const state = useOptimizer(doc, plano, open);
  const result: Otimizacao | null =
    state.status === "done" ? state.result : state.status === "running" ? state.result : null;
  // An answer for an older document is shown while the new one comes, but not applied.
  const current = state.status === "done" && state.doc === doc;
  // For the changes' words: only while the dialog is open (it stays mounted in Resilience),
  // once per document.
  const normalized = useMemo(() => {
    if (!open) return undefined;
    try {
      return normalizeBlueprint(doc as unknown as Blueprint);
    } catch {
      return undefined;
    }
  }, [open, doc]);

  const apply = (option: Opcao) => {
    const designer = useDesigner.getState();
    designer.apply((d) =>
      option.mudancas.reduce((next, m) => setAtPointer(next, m.ponteiro, m.para as Json), d),
    );
    designer.setPlanOverlay(stagedPlan(doc, option), true);
    onApplied(
      normalized
        ? describeChanges(normalized, option.mudancas, locale)
        : String(option.mudancas.length),
    );
    onClose();
  };

  const usd = (x: number) => formatUsd(locale, x);
  const pct = (x: number) => `${formatFixed(locale, x, 4)} %`;
  const secs = (x: number | null) =>
    x === null ? "—" : `${formatNumber(locale, x, { maximumFractionDigits: 2 })} s`;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("opt.open")}
      wide
      footer={
        <button type="button" className={buttonClass()} onClick={onClose}>
          {t("opt.close")}
        </button>
      }
    >
      <p className="text-slate-600 dark:text-slate-300">{t("opt.intro")}</p>
      <div aria-live="polite" aria-busy={state.status === "running"}>
        {state.status === "error" ? (
          <p role="alert" className="mt-3 text-red-700 dark:text-red-300">
            {t("opt.error", { error: state.error })}
          </p>
        ) : !result ? (
          <p className="mt-3 text-slate-600 dark:text-slate-300" data-testid="optimizer-running">
            {t("opt.running")}
          </p>
        ) : (
          <div data-testid="optimizer-result">
            <p
              className="mt-3 rounded border border-slate-200 px-3 py-2 dark:border-slate-700"
              data-testid="optimizer-current"
            >
              <span className="font-semibold">{t("opt.current")}:</span>{" "}
              <span className="font-mono">{usd(result.atual.custo_max)}</span> ·{" "}
              <span className="font-mono">{pct(result.atual.disponibilidade_estimada_pct)}</span> ·{" "}
              <span
                className={
                  result.atual.atende
                    ? "text-emerald-800 dark:text-emerald-300"
                    : "text-amber-800 dark:text-amber-300"
                }
              >
                {result.atual.atende ? `✓ ${t("opt.meets")}` : `! ${t("opt.misses")}`}
              </span>
            </p>
            {result.opcoes.length === 0 && result.sem_opcao ? (
              <p className="mt-3 text-amber-900 dark:text-amber-200" data-testid="optimizer-none">
                {t(`opt.none.${result.sem_opcao.codigo}`, {
                  best:
                    result.sem_opcao.melhor === null
                      ? "—"
                      : formatNumber(locale, result.sem_opcao.melhor, {
                          maximumFractionDigits: 4,
                        }),
                })}
              </p>
            ) : (
              <>
                <h3 className="mt-4 text-xs font-semibold text-slate-700 dark:text-slate-200">
                  {t("opt.options")}
                </h3>
                <ul className="mt-1 grid gap-2 md:grid-cols-3">
                  {result.opcoes.map((o) => {
                    const a = o.avaliacao;
                    const delta = a.custo_mensal_usd.max - result.atual.custo_max;
                    const title = t(`opt.objective.${o.objetivo}`);
                    return (
                      <li
                        key={o.objetivo}
                        className="flex flex-col rounded-lg border border-slate-200 p-3 dark:border-slate-700"
                        data-testid={`option-${o.objetivo}`}
                      >
                        <h4 className="text-sm font-semibold">{title}</h4>
                        <dl className="mt-1 grid grid-cols-2 gap-x-2 text-xs">
                          <dt className="text-slate-600 dark:text-slate-300">{t("opt.cost")}</dt>
                          <dd className="text-right font-mono" data-testid="option-cost">
                            {usd(a.custo_mensal_usd.max)}
                          </dd>
                          <dt className="text-slate-600 dark:text-slate-300">
                            {t("opt.availability")}
                          </dt>
                          <dd className="text-right font-mono">
                            {pct(a.disponibilidade_estimada_pct)}
                          </dd>
                          <dt className="text-slate-600 dark:text-slate-300">{t("opt.rto")}</dt>
                          <dd className="text-right font-mono">{secs(a.rto_s)}</dd>
                          <dt className="text-slate-600 dark:text-slate-300">{t("opt.rpo")}</dt>
                          <dd className="text-right font-mono">{secs(a.rpo_s)}</dd>
                        </dl>
                        {delta !== 0 ? (
                          <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
                            {t("opt.delta", {
                              more: delta > 0 ? "yes" : "no",
                              amount: usd(Math.abs(delta)),
                            })}
                          </p>
                        ) : null}
                        <h5 className="mt-2 text-xs font-semibold text-slate-700 dark:text-slate-200">
                          {t("opt.changes")}
                        </h5>
                        {o.mudancas.length === 0 ? (
                          <p className="text-xs text-slate-700 dark:text-slate-200">
                            {t("opt.same")}
                          </p>
                        ) : (
                          <ul className="list-disc pl-4 text-xs text-slate-800 dark:text-slate-100">
                            {o.mudancas.map((m) => (
                              <li key={m.ponteiro}>
                                {normalized ? describeChange(normalized, m, locale) : m.ponteiro}
                              </li>
                            ))}
                          </ul>
                        )}
                        {o.mudancas.length > 0 ? (
                          <button
                            type="button"
                            className={`${buttonClass("primary")} mt-auto self-start`}
                            style={{ marginTop: "0.75rem" }}
                            disabled={!current}
                            aria-label={t("opt.applyLabel", { objective: title })}
                            onClick={() => apply(o)}
                          >
                            {t("opt.apply")}
                          </button>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
            {result.fronteira.length > 0 ? (
              <FrontierChart points={result.fronteira} current={result.atual} policy={policy} />
            ) : null}
          </div>
        )}
      </div>
    </Dialog>
  );
}
