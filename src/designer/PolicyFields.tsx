import { DEFAULT_TEST_VALIDITY_DAYS } from "../blueprint";
import { formatNumber } from "../i18n/format";
import { useLocale, useT } from "../ui/i18n";
import { type Json, setAtPointer, setBlueprintField } from "./doc";
import { FieldMessages, fieldId, inputClass } from "./Inspector";
import { designerMessages } from "./i18n";
import { useAssessment, useDesigner, useDoc, useFindings } from "./store";

const FIELDS = [
  { key: "rto_s", label: "policy.rto", step: 1 },
  { key: "rpo_s", label: "policy.rpo", step: 0.5 },
  { key: "disponibilidade_pct", label: "policy.availability", step: 0.01 },
  { key: "validade_teste_dias", label: "policy.validity", step: 1 },
] as const;

/** The value the assessment uses when the field is empty. */
function policyDefault(
  effective: { rto_s: number; rpo_s: number; disponibilidade_pct: number },
  key: (typeof FIELDS)[number]["key"],
): number {
  return key === "validade_teste_dias" ? DEFAULT_TEST_VALIDITY_DAYS : effective[key];
}

/**
 * The blueprint's resilience policy (`politica`, contract §5). An empty field keeps the
 * default, which the placeholder shows as the assessment computes it.
 */
export function PolicyFields() {
  const t = useT(designerMessages);
  const locale = useLocale();
  const doc = useDoc();
  const findings = useFindings();
  const apply = useDesigner((s) => s.apply);
  const { avaliacao } = useAssessment();
  const politica =
    typeof doc.politica === "object" && doc.politica !== null && !Array.isArray(doc.politica)
      ? (doc.politica as Record<string, Json>)
      : {};
  const set = (key: string, raw: string) =>
    apply((d) => {
      if (raw !== "") return setAtPointer(d, `/politica/${key}`, Number(raw));
      const { [key]: _removed, ...rest } = politica;
      return setBlueprintField(d, "politica", Object.keys(rest).length ? rest : undefined);
    }, `politica.${key}`);
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {t("policy.title")}
      </legend>
      <p className="text-[11px] text-slate-600 dark:text-slate-400">{t("policy.hint")}</p>
      {FIELDS.map((f) => {
        const pointer = `/politica/${f.key}`;
        const value = politica[f.key];
        const messages = findings.filter((x) => x.ponteiro === pointer);
        return (
          <div key={f.key}>
            <label
              htmlFor={fieldId(pointer)}
              className="text-xs text-slate-600 dark:text-slate-300"
            >
              {t(f.label)}
            </label>
            <input
              id={fieldId(pointer)}
              type="number"
              step={f.step}
              className={`${inputClass} mt-1`}
              value={typeof value === "number" ? value : ""}
              placeholder={
                avaliacao
                  ? t("policy.defaultValue", {
                      value: formatNumber(locale, policyDefault(avaliacao.politica, f.key), {
                        maximumFractionDigits: 4,
                      }),
                    })
                  : t("policy.default")
              }
              aria-invalid={messages.some((m) => m.severidade === "erro")}
              onChange={(e) => set(f.key, e.target.value)}
            />
            <FieldMessages findings={messages} id={`${fieldId(pointer)}-msg`} />
          </div>
        );
      })}
    </fieldset>
  );
}
