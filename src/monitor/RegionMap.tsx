import { memo } from "react";
import { cityOf, findRegion } from "../blueprint/regions";
import type { Estado } from "../contract/monitoring";
import type { Translate } from "../i18n";
import { type GeoArc, GeoMap, type GeoMarker } from "../ui/GeoMap";
import { useT } from "../ui/i18n";
import { type MonitorMessageKey, monitorMessages } from "./i18n";

/** Markers sized by the gateway's traffic share, coloured by health; an arc shows a failover. */
export function regionMarkers(
  estado: Estado,
  t: Translate<MonitorMessageKey>,
): { markers: GeoMarker[]; arcs: GeoArc[] } {
  const primaries = new Set(estado.datastores.map((d) => d.primario));
  const markers = estado.regioes.flatMap((r) => {
    const region = findRegion(r.id);
    if (!region) return [];
    const down = r.zonas.every((z) => z.replicas_saudaveis === 0 && z.replicas_total > 0);
    const state = !r.saudavel ? "unhealthy" : down ? "failing" : "healthy";
    const marker: GeoMarker = {
      id: r.id,
      lat: region.lat,
      lon: region.lon,
      radius: 7 + 22 * Math.sqrt(r.peso_trafego),
      className:
        state === "healthy"
          ? "fill-emerald-500"
          : state === "failing"
            ? "fill-amber-500"
            : "fill-red-500",
      label: region.city,
      sublabel: t("map.sublabel", { pct: Math.round(r.peso_trafego * 100) }),
      ring: primaries.has(r.id),
      title: t("map.title", {
        city: region.city,
        region: r.id,
        state,
        pct: Math.round(r.peso_trafego * 100),
        primary: primaries.has(r.id) ? "yes" : "no",
      }),
    };
    return [marker];
  });
  const arcs: GeoArc[] = [];
  if (estado.failover) {
    const from = findRegion(estado.failover.regiao);
    const takeover = [...estado.regioes]
      .filter((r) => r.id !== estado.failover?.regiao)
      .sort((a, b) => b.peso_trafego - a.peso_trafego)[0];
    const to = takeover ? findRegion(takeover.id) : undefined;
    const lost = estado.regioes.find((r) => r.id === estado.failover?.regiao);
    if (from && to && lost && lost.peso_trafego === 0)
      arcs.push({ id: "failover", from, to, className: "stroke-red-500 dark:stroke-red-400" });
  }
  return { markers, arcs };
}

export const RegionMap = memo(function RegionMap({ estado }: { estado: Estado }) {
  const t = useT(monitorMessages);
  const { markers, arcs } = regionMarkers(estado, t);
  const summary = estado.regioes
    .map((r) =>
      t("map.summaryItem", {
        city: cityOf(r.id),
        healthy: r.saudavel ? "yes" : "no",
        pct: Math.round(r.peso_trafego * 100),
      }),
    )
    .join(", ");
  return (
    <div>
      <GeoMap markers={markers} arcs={arcs} label={t("map.label", { summary })} />
      <ul
        className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600 dark:text-slate-400"
        aria-label={t("map.legend")}
      >
        <li className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-full bg-emerald-500" /> {t("map.healthy")}
        </li>
        <li className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-full bg-amber-500" /> {t("map.failing")}
        </li>
        <li className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-full bg-red-500" /> {t("map.unhealthy")}
        </li>
        <li className="flex items-center gap-1.5">
          <span className="size-3 rounded-full border-2 border-indigo-500" /> {t("map.primary")}
        </li>
        <li>{t("map.size")}</li>
      </ul>
    </div>
  );
});
