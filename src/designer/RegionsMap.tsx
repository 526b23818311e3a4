import { REGIONS } from "../blueprint";
import { GeoMap } from "../ui/GeoMap";

/** The catalog's regions on a world map, the chosen ones highlighted and named. */
export default function RegionsMap({ selected }: { selected: string[] }) {
  return (
    <GeoMap
      label={`Regions on the map: ${selected.join(", ") || "none"}`}
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
