import { REGIONS } from "../blueprint";
import { GeoMap } from "../ui/GeoMap";
import { useT } from "../ui/i18n";
import { designerMessages } from "./i18n";

/** The catalog's regions on a world map, the chosen ones highlighted and named. */
export default function RegionsMap({ selected }: { selected: string[] }) {
  const t = useT(designerMessages);
  return (
    <GeoMap
      label={t("regionsMap.label", { regions: selected.join(", ") || t("regionsMap.none") })}
      markers={REGIONS.map((r) => ({
        id: r.id,
        lat: r.lat,
        lon: r.lon,
        radius: selected.includes(r.id) ? 9 : 5,
        className: selected.includes(r.id)
          ? "fill-indigo-600 dark:fill-indigo-400"
          : "fill-slate-300 dark:fill-slate-600",
        label: selected.includes(r.id) ? r.city : undefined,
      }))}
    />
  );
}
