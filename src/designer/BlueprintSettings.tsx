import { lazy, Suspense } from "react";
import { type Finding, PLANS, type Plano, REGIONS, RESILIENCE_LEVELS } from "../blueprint";
import { wireLabel } from "../ui/glossary";
import { useT } from "../ui/i18n";
import { type Json, regionsOf, setBlueprintField } from "./doc";
import { FieldMessages, fieldId, inputClass } from "./Inspector";
import { type DesignerMessageKey, designerMessages } from "./i18n";
import { PolicyFields } from "./PolicyFields";
import { PrimaryRegionField } from "./PrimaryRegion";
import { useDesigner, useDoc, useFindings } from "./store";

// The world map (topology data and projection) loads after the editor: it is not needed to draw.
const RegionsMap = lazy(() => import("./RegionsMap"));

const CONTINENT_LABEL: Record<string, DesignerMessageKey> = {
  "south-america": "continent.southAmerica",
  "north-america": "continent.northAmerica",
  europe: "continent.europe",
  asia: "continent.asia",
};

function messagesFor(findings: Finding[], pointer: string) {
  return findings.filter((f) => f.ponteiro === pointer || f.ponteiro.startsWith(`${pointer}/`));
}

/** The blueprint's own fields and the plan rules are checked against; shown when nothing is selected. */
export function BlueprintSettings() {
  const t = useT(designerMessages);
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
      aria-label={t("settings.label")}
      className="space-y-5 p-4"
      onSubmit={(e) => e.preventDefault()}
    >
      <div>
        <h2 className="text-sm font-semibold">{t("settings.title")}</h2>
        <p className="text-xs text-slate-500 dark:text-slate-400">{t("settings.hint")}</p>
      </div>
      <div>
        <label
          htmlFor={fieldId("/nome")}
          className="text-xs font-medium text-slate-600 dark:text-slate-300"
        >
          {t("col.name")} <span className="text-red-500">*</span>
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
          {t("settings.resilience")} <span className="text-red-500">*</span>
        </label>
        <select
          id={fieldId("/resiliencia")}
          className={`${inputClass} mt-1`}
          value={typeof doc.resiliencia === "string" ? doc.resiliencia : ""}
          aria-invalid={resiliencia.some((f) => f.severidade === "erro")}
          onChange={(e) => set("resiliencia", e.target.value || undefined)}
        >
          <option value="">{t("inspector.choose")}</option>
          {RESILIENCE_LEVELS.map((r) => (
            <option key={r} value={r}>
              {wireLabel(r)}
            </option>
          ))}
        </select>
        <FieldMessages findings={resiliencia} id={`${fieldId("/resiliencia")}-msg`} />
      </div>
      <fieldset>
        <legend className="text-xs font-medium text-slate-600 dark:text-slate-300">
          {t("settings.regions")}
        </legend>
        <p className="text-[11px] text-slate-500 dark:text-slate-400">
          {explicit ? t("settings.regionsChosen") : t("settings.regionsDefault")}
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
                {t(label)}
              </div>
              {REGIONS.filter((r) => r.continent === continent).map((r) => (
                <label key={r.id} className="flex min-h-6 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={regions.includes(r.id)}
                    onChange={(e) => {
                      // The user's order is kept: its first region holds every datastore's
                      // primary, so a new region goes last and never moves the primary.
                      const next = e.target.checked
                        ? [...regions, r.id]
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
            {t("settings.useDefaults")}
          </button>
        ) : null}
        <FieldMessages findings={regioes} id={`${fieldId("/regioes")}-msg`} />
        <div className="mt-3">
          <PrimaryRegionField id="settings-primary-region" />
        </div>
      </fieldset>
      <PolicyFields />
      <div>
        <label
          htmlFor="account-plan"
          className="text-xs font-medium text-slate-600 dark:text-slate-300"
        >
          {t("settings.plan")}
        </label>
        <select
          id="account-plan"
          className={`${inputClass} mt-1`}
          value={plano}
          onChange={(e) => setPlano(e.target.value as Plano)}
        >
          {PLANS.map((p) => (
            <option key={p} value={p}>
              {wireLabel(p)}
            </option>
          ))}
        </select>
        <p className="mt-1 text-[11px] text-slate-500 dark:text-slate-400">
          {t("settings.planHint")}
        </p>
      </div>
    </form>
  );
}
