import { memo } from "react";
import type { Estado } from "../contract/monitoring";
import { formatFixed } from "../i18n/format";
import { Badge, type Tone, toneClass } from "../ui/Card";
import { useLocale, useT } from "../ui/i18n";
import { cityOf, REGION_COLORS, type ZoneHealth, zoneHealth } from "./format";
import { monitorMessages } from "./i18n";

export const TrafficWeights = memo(function TrafficWeights({ estado }: { estado: Estado }) {
  const t = useT(monitorMessages);
  const locale = useLocale();
  return (
    <ul className="space-y-2" aria-label={t("fs.weights")}>
      {estado.regioes.map((r) => (
        <li key={r.id}>
          <div className="flex justify-between text-sm">
            <span>
              {cityOf(r.id)}{" "}
              <span className="text-xs text-slate-500 dark:text-slate-400">{r.id}</span>
            </span>
            <span className="tabular-nums font-medium">
              {formatFixed(locale, r.peso_trafego * 100, 1)} %
            </span>
          </div>
          <div
            className="mt-1 h-1.5 rounded-full bg-slate-200 dark:bg-slate-800"
            aria-hidden="true"
          >
            <div
              className="h-1.5 rounded-full transition-[width] duration-500"
              style={{
                width: `${r.peso_trafego * 100}%`,
                background: REGION_COLORS[r.id] ?? "#6366f1",
              }}
            />
          </div>
        </li>
      ))}
    </ul>
  );
});

export const DatastoreStatus = memo(function DatastoreStatus({ estado }: { estado: Estado }) {
  const t = useT(monitorMessages);
  const locale = useLocale();
  if (estado.datastores.length === 0)
    return <p className="text-sm text-slate-500 dark:text-slate-400">{t("fs.noDatastore")}</p>;
  return (
    <ul className="space-y-3">
      {estado.datastores.map((d) => (
        <li key={d.nome}>
          <div className="flex items-center justify-between gap-2">
            <span className="text-sm font-medium">{d.nome}</span>
            <Badge tone="info">{d.replicacao === "sincrona" ? t("fs.sync") : t("fs.async")}</Badge>
          </div>
          <p className="mt-1 text-sm">
            {t("fs.primary")}{" "}
            <strong data-testid={`primary-${d.nome}`}>{cityOf(d.primario)}</strong>{" "}
            <span className="text-xs text-slate-500 dark:text-slate-400">{d.primario}</span>
          </p>
          <ul className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {d.replicas.map((r) => (
              <li key={r.regiao} className="flex justify-between">
                <span>{t("fs.replica", { city: cityOf(r.regiao) })}</span>
                <span className="tabular-nums">
                  {t("fs.lag", {
                    seconds: formatFixed(locale, r.atraso_s, 2),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
});

const ZONE_TONE: Record<ZoneHealth, Tone> = {
  down: "critical",
  degraded: "warning",
  ok: "ok",
  empty: "neutral",
};
const ZONE_MARK: Record<ZoneHealth, string> = { down: "✕", degraded: "!", ok: "✓", empty: "–" };

export const HealthMatrix = memo(function HealthMatrix({ estado }: { estado: Estado }) {
  const t = useT(monitorMessages);
  const zones = ["a", "b", "c"];
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t("fs.healthCaption")}</caption>
      <thead>
        <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
          <th scope="col" className="pb-2 font-medium">
            {t("col.region")}
          </th>
          {zones.map((z) => (
            <th key={z} scope="col" className="pb-2 text-center font-medium">
              {t("fs.zone", { zone: z })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {estado.regioes.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800">
            <th scope="row" className="py-2 pr-2 text-left font-normal">
              {cityOf(r.id)}
              <div className="text-xs text-slate-500 dark:text-slate-400">{r.id}</div>
            </th>
            {r.zonas.map((z) => {
              const health = zoneHealth(z);
              const said =
                health === "empty"
                  ? t("fs.zoneEmpty", { zone: z.id })
                  : t("fs.zoneTitle", {
                      zone: z.id,
                      ok: z.saudavel ? "yes" : "no",
                      healthy: z.replicas_saudaveis,
                      total: z.replicas_total,
                    });
              return (
                <td key={z.id} className="px-1 py-2 text-center">
                  <span
                    className={`inline-block min-w-16 rounded-md px-2 py-1 text-xs font-medium tabular-nums ring-1 ring-inset ${toneClass(ZONE_TONE[health])}`}
                    title={said}
                  >
                    <span aria-hidden="true">
                      {ZONE_MARK[health]} {z.replicas_saudaveis}/{z.replicas_total}
                    </span>
                    <span className="sr-only">{said}</span>
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
