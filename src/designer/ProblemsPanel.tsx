import { type ConformanceFinding, type Finding, resourceIndexOf } from "../blueprint";
import { useT } from "../ui/i18n";
import { Message } from "../ui/Message";
import { type Doc, nameOf, resourcesOf } from "./doc";
import { designerMessages } from "./i18n";
import { useAssessment, useDesigner, useDoc, useFindings } from "./store";

type Listed = Finding | (ConformanceFinding & { policy: true });

/**
 * The findings to list: a blank design's "needs at least one resource" is where it starts, not
 * a mistake, so it is not shown as an error before anything was done (Submit stays disabled).
 */
export function listedFindings(findings: readonly Finding[], doc: Doc): Finding[] {
  return resourcesOf(doc).length === 0
    ? findings.filter((f) => f.ponteiro !== "/recursos")
    : [...findings];
}

/**
 * Every finding, errors first, then warnings, then the policy's (the Resilience view's
 * conformance findings, warnings too, marked as the policy's): one list of what to do.
 * Choosing one selects its resource and focuses the field.
 */
export function ProblemsPanel() {
  const t = useT(designerMessages);
  const doc = useDoc();
  const findings = listedFindings(useFindings(), doc);
  const { avaliacao } = useAssessment();
  const select = useDesigner((s) => s.select);
  const requestFocus = useDesigner((s) => s.requestFocus);
  const errors = findings.filter((f) => f.severidade === "erro");
  const policy = (avaliacao?.conformidade ?? []).map((f) => ({ ...f, policy: true as const }));
  const warnings = findings.filter((f) => f.severidade === "aviso");
  const ordered: Listed[] = [...errors, ...warnings, ...policy];
  const recursos = resourcesOf(doc);

  function open(f: Listed) {
    const i = resourceIndexOf(f.ponteiro);
    const r =
      i !== undefined ? (Array.isArray(doc.recursos) ? doc.recursos[i] : undefined) : undefined;
    const nome = r && typeof r === "object" && !Array.isArray(r) ? nameOf(r) : undefined;
    select(nome ? [nome] : []);
    requestFocus(f.ponteiro);
  }

  return (
    <section aria-label={t("problems.title")} className="flex h-full min-h-0 flex-col">
      <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h2 className="text-sm font-semibold">{t("problems.title")}</h2>
        <span className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          {t("problems.counts", {
            errors: errors.length,
            warnings: warnings.length + policy.length,
            policy: policy.length,
          })}
        </span>
      </header>
      {ordered.length === 0 ? (
        <p className="px-4 py-3 text-sm text-emerald-700 dark:text-emerald-400">
          {t("problems.none", { empty: recursos.length ? "no" : "yes" })}
        </p>
      ) : (
        <ul className="min-h-0 flex-1 overflow-y-auto">
          {ordered.map((f) => {
            const i = resourceIndexOf(f.ponteiro);
            const where = i !== undefined && recursos[i] ? nameOf(recursos[i]) : "blueprint";
            return (
              <li key={`${f.ponteiro}|${f.codigo}|${f.mensagem}`}>
                <button
                  type="button"
                  onClick={() => open(f)}
                  className="flex w-full items-start gap-3 px-4 py-1.5 text-left text-sm hover:bg-slate-50 focus-visible:bg-indigo-50 focus-visible:outline-none dark:hover:bg-slate-800/60 dark:focus-visible:bg-indigo-500/10"
                >
                  <span
                    className={`w-3 shrink-0 text-center text-xs font-bold ${f.severidade === "erro" ? "text-red-700 dark:text-red-400" : "text-amber-700 dark:text-amber-300"}`}
                    aria-label={
                      f.severidade === "erro" ? t("problems.error") : t("problems.warning")
                    }
                    role="img"
                  >
                    {/* A shape as well as a colour: ✕ for an error, ▲ for a warning. */}
                    {f.severidade === "erro" ? "✕" : "▲"}
                  </span>
                  <span className="w-32 shrink-0 truncate font-mono text-xs text-slate-500 dark:text-slate-400">
                    {where}
                  </span>
                  <code className="shrink-0 rounded bg-slate-100 px-1.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                    {f.codigo}
                  </code>
                  {"policy" in f ? (
                    <span className="shrink-0 rounded border border-amber-600 px-1 text-[10px] font-semibold text-amber-800 uppercase dark:border-amber-400 dark:text-amber-200">
                      {t("problems.policy")}
                    </span>
                  ) : null}
                  <span className="min-w-0 flex-1 text-slate-700 dark:text-slate-200">
                    <Message text={f.mensagem} />
                  </span>
                  <span className="hidden shrink-0 font-mono text-[11px] text-slate-500 dark:text-slate-400 xl:inline">
                    {f.ponteiro}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
