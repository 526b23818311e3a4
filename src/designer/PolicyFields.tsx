import { type Json, setAtPointer, setBlueprintField } from "./doc";
import { FieldMessages, fieldId, inputClass } from "./Inspector";
import { useAssessment, useDesigner, useDoc, useFindings } from "./store";

const FIELDS = [
  { key: "rto_s", label: "Recovery time objective (RTO, s)", step: 1 },
  { key: "rpo_s", label: "Recovery point objective (RPO, s)", step: 0.5 },
  { key: "disponibilidade_pct", label: "Availability target (%)", step: 0.01 },
] as const;

/**
 * The blueprint's resilience policy (`politica`, contract §5). An empty field keeps the
 * default, which the placeholder shows as the assessment computes it.
 */
export function PolicyFields() {
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
        Resilience policy
      </legend>
      <p className="text-[11px] text-slate-600 dark:text-slate-400">
        What the design must promise; the Resilience view checks it. Leave a field empty for the
        default.
      </p>
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
              {f.label}
            </label>
            <input
              id={fieldId(pointer)}
              type="number"
              step={f.step}
              className={`${inputClass} mt-1`}
              value={typeof value === "number" ? value : ""}
              placeholder={avaliacao ? `default ${avaliacao.politica[f.key]}` : "default"}
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
