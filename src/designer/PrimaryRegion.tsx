import { cityOf as city } from "../blueprint";
import { useT } from "../ui/i18n";
import { regionsOf, setBlueprintField } from "./doc";
import { inputClass } from "./Inspector";
import { designerMessages } from "./i18n";
import { useDesigner, useDoc } from "./store";

/**
 * Where every datastore's primary lives: the first region of `regioes` (contract §5). Choosing
 * one moves it to the front and keeps the others in the user's order; the datastores' replicas
 * are in the rest. Shown in the blueprint settings and in a datastore's inspector.
 */
export function PrimaryRegionField({ id }: { id: string }) {
  const t = useT(designerMessages);
  const doc = useDoc();
  const apply = useDesigner((s) => s.apply);
  const regions = regionsOf(doc);
  if (regions.length === 0) return null;
  const [primary, ...replicas] = regions;
  return (
    <div>
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {t("primary.label")}
      </label>
      <select
        id={id}
        className={`${inputClass} mt-1`}
        value={primary}
        aria-describedby={`${id}-hint`}
        disabled={regions.length < 2}
        onChange={(e) => {
          const chosen = e.target.value;
          apply((d) =>
            setBlueprintField(d, "regioes", [chosen, ...regions.filter((r) => r !== chosen)]),
          );
        }}
      >
        {regions.map((r) => (
          <option key={r} value={r}>
            {city(r)} ({r})
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="mt-1 text-[11px] text-slate-600 dark:text-slate-300">
        {replicas.length > 0
          ? t("primary.hint", { primary: city(primary), replicas: replicas.map(city).join(", ") })
          : t("primary.hintOne", { primary: city(primary) })}
      </p>
    </div>
  );
}
