import { lazy, Suspense, useRef, useState } from "react";
import { useT } from "../ui/i18n";
import { designerMessages } from "./i18n";
import { listedFindings, ProblemsPanel } from "./ProblemsPanel";
import { useAssessment, useDoc, useFindings } from "./store";

// The Resilience tab is not the one that opens: its code and words load when it is chosen.
const ResiliencePanel = lazy(() =>
  import("./ResiliencePanel").then((m) => ({ default: m.ResiliencePanel })),
);

const TABS = ["problems", "resilience"] as const;
type Tab = (typeof TABS)[number];

/** Problems and Resilience, side by side as tabs under the canvas (WAI-ARIA tabs pattern). */
export function BottomPanel() {
  const t = useT(designerMessages);
  const [tab, setTab] = useState<Tab>("problems");
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ problems: null, resilience: null });
  const findings = listedFindings(useFindings(), useDoc());
  const { avaliacao } = useAssessment();
  const errors = findings.filter((f) => f.severidade === "erro").length;
  const label: Record<Tab, string> = {
    // The policy's findings are in Problems too: one list of what to do.
    problems: t("tab.problems", {
      count: findings.length + (avaliacao?.conformidade.length ?? 0),
    }),
    resilience: t("tab.resilience", { count: avaliacao?.conformidade.length ?? 0 }),
  };
  const choose = (next: Tab) => {
    setTab(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div
        role="tablist"
        aria-label={t("tab.label")}
        className="flex shrink-0 gap-1 border-b border-slate-200 px-2 pt-1 dark:border-slate-800"
        onKeyDown={(e) => {
          const i = TABS.indexOf(tab);
          if (e.key === "ArrowRight") choose(TABS[(i + 1) % TABS.length]);
          else if (e.key === "ArrowLeft") choose(TABS[(i + TABS.length - 1) % TABS.length]);
        }}
      >
        {TABS.map((which) => (
          <button
            key={which}
            ref={(el) => {
              refs.current[which] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${which}`}
            aria-selected={tab === which}
            aria-controls={`tabpanel-${which}`}
            tabIndex={tab === which ? 0 : -1}
            onClick={() => setTab(which)}
            className={`rounded-t px-3 py-1 text-xs font-medium ${tab === which ? "border-b-2 border-indigo-700 text-slate-900 dark:border-indigo-400 dark:text-slate-100" : "text-slate-600 hover:text-slate-900 dark:text-slate-300"}`}
          >
            {label[which]}
            {which === "problems" && errors > 0 ? (
              <span className="sr-only">, {t("node.errors", { count: errors })}</span>
            ) : null}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`tabpanel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className="min-h-0 flex-1"
      >
        {tab === "problems" ? (
          <ProblemsPanel />
        ) : (
          <Suspense fallback={null}>
            <ResiliencePanel />
          </Suspense>
        )}
      </div>
    </div>
  );
}
