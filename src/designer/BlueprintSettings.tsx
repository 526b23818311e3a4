import { lazy, Suspense } from "react";
import { type Finding, PLANS, type Plano, REGIONS, RESILIENCE_LEVELS } from "../blueprint";
import { wireLabel } from "../ui/glossary";
import { type Json, regionsOf, setBlueprintField } from "./doc";
import { FieldMessages, fieldId, inputClass } from "./Inspector";
import { PolicyFields } from "./PolicyFields";
import { useDesigner, useDoc, useFindings } from "./store";

// The world map (topology data and projection) loads after the editor: it is not needed to draw.
const RegionsMap = lazy(() => import("./RegionsMap"));

const CONTINENT_LABEL: Record<string, string> = {
  "south-america": "South America",
  "north-america": "North America",
  europe: "Europe",
  asia: "Asia",
};

function messagesFor(findings: Finding[], pointer: string) {
  return findings.filter((f) => f.ponteiro === pointer || f.ponteiro.startsWith(`${pointer}/`));
}

/** The blueprint's own fields and the plan rules are checked against; shown when nothing is selected. */
export function BlueprintSettings() {
  const doc = useDoc();
  const findings = useFindings();
  const apply = useDesigner((s) => s.apply);
  const plano = useDesigner((s) => s.plano);
  const setPlano = useDesigner((s) => s.setPlano);
  const regions = regionsOf(doc);
  const explicit = Array.isArray(doc.regioes);
  const set = (key: string, value: Json | undefined, coalesce?: string) =>
    apply((d) => setBlueprintField(d, key, value), coalesce);
  const nome = messagesFor(findings, "/nome");
  const resiliencia = messagesFor(findings, "/resiliencia");
  const regioes = messagesFor(findings, "/regioes");

  return (
    <form
      aria-label="Blueprint settings"
      className="space-y-5 p-4"
      onSubmit={(e) => e.preventDefault()}
    >
      <div>
        <h2 className="text-sm font-semibold">Blueprint</h2>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Select a resource on the canvas to edit it.
        </p>
      </div>
      <div>
        <label
          htmlFor={fieldId("/nome")}
          className="text-xs font-medium text-slate-600 dark:text-slate-300"
        >
          Name <span className="text-red-500">*</span>
        </label>
        <input
          id={fieldId("/nome")}
          className={`${inputClass} mt-1`}
          value={typeof doc.nome === "string" ? doc.nome : ""}
          maxLength={200}
          aria-invalid={nome.some((f) => f.severidade === "erro")}
          onChange={(e) => set("nome", e.target.value, "nome")}
        />
        <FieldMessages findings={nome} id={`${fieldId("/nome")}-msg`} />
      </div>
      <div>
        <label
          htmlFor={fieldId("/resiliencia")}
          className="text-xs font-medium text-slate-600 dark:text-slate-300"
        >
          Resilience <span className="text-red-500">*</span>
        </label>
        <select
          id={fieldId("/resiliencia")}
          className={`${inputClass} mt-1`}
          value={typeof doc.resiliencia === "string" ? doc.resiliencia : ""}
          aria-invalid={resiliencia.some((f) => f.severidade === "erro")}
          onChange={(e) => set("resiliencia", e.target.value || undefined)}
        >
          <option value="">Choose…</option>
          {RESILIENCE_LEVELS.map((r) => (
            <option key={r} value={r}>
              {wireLabel(r)}
            </option>
          ))}
        </select>
        <FieldMessages findings={resiliencia} id={`${fieldId("/resiliencia")}-msg`} />
      </div>
      <fieldset>
        <legend className="text-xs font-medium text-slate-600 dark:text-slate-300">Regions</legend>
        <p className="text-[11px] text-slate-500 dark:text-slate-400">
          {explicit
            ? "Chosen for this blueprint."
            : "Defaults for this resilience level; choose to set your own."}
        </p>
        <div className="mt-2 overflow-hidden rounded-md border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950">
          <Suspense fallback={<div className="aspect-[960/440] w-full" />}>
            <RegionsMap selected={regions} />
          </Suspense>
        </div>
        <div id={fieldId("/regioes")} tabIndex={-1} className="mt-2 space-y-2">
          {Object.entries(CONTINENT_LABEL).map(([continent, label]) => (
            <div key={continent}>
              <div className="text-[11px] font-medium text-slate-500 dark:text-slate-400">
                {label}
              </div>
              {REGIONS.filter((r) => r.continent === continent).map((r) => (
                <label key={r.id} className="flex min-h-6 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={regions.includes(r.id)}
                    onChange={(e) => {
                      const next = e.target.checked
                        ? REGIONS.map((x) => x.id).filter(
                            (id) => id === r.id || regions.includes(id),
                          )
                        : regions.filter((id) => id !== r.id);
                      set("regioes", next);
                    }}
                  />
                  {r.city}{" "}
                  <span className="font-mono text-xs text-slate-500 dark:text-slate-400">
                    {r.id}
                  </span>
                </label>
              ))}
            </div>
          ))}
        </div>
        {explicit ? (
          <button
            type="button"
            className="mt-2 text-xs text-indigo-600 hover:underline dark:text-indigo-400"
            onClick={() => set("regioes", undefined)}
          >
            Use the defaults
          </button>
        ) : null}
        <FieldMessages findings={regioes} id={`${fieldId("/regioes")}-msg`} />
      </fieldset>
      <PolicyFields />
      <div>
        <label
          htmlFor="account-plan"
          className="text-xs font-medium text-slate-600 dark:text-slate-300"
        >
          Account plan
        </label>
        <select
          id="account-plan"
          className={`${inputClass} mt-1`}
          value={plano}
          onChange={(e) => setPlano(e.target.value as Plano)}
        >
          {PLANS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <p className="mt-1 text-[11px] text-slate-500 dark:text-slate-400">
          Plan limits (multi-region, synchronous replication) are checked against it.
        </p>
      </div>
    </form>
  );
}
