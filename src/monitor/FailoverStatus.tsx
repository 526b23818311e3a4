import type { Estado } from "../contract/monitoring";
import { Badge } from "../ui/Card";
import { cityOf, REGION_COLORS } from "./format";

export function TrafficWeights({ estado }: { estado: Estado }) {
  return (
    <ul className="space-y-2" aria-label="Traffic weights">
      {estado.regioes.map((r) => (
        <li key={r.id}>
          <div className="flex justify-between text-sm">
            <span>
              {cityOf(r.id)}{" "}
              <span className="text-xs text-slate-500 dark:text-slate-400">{r.id}</span>
            </span>
            <span className="tabular-nums font-medium">{(r.peso_trafego * 100).toFixed(1)} %</span>
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
}

export function DatastoreStatus({ estado }: { estado: Estado }) {
  if (estado.datastores.length === 0)
    return (
      <p className="text-sm text-slate-500 dark:text-slate-400">This project has no datastore.</p>
    );
  return (
    <ul className="space-y-3">
      {estado.datastores.map((d) => (
        <li key={d.nome}>
          <div className="flex items-center justify-between gap-2">
            <span className="text-sm font-medium">{d.nome}</span>
            <Badge tone="info">
              {d.replicacao === "sincrona" ? "Synchronous quorum" : "Asynchronous"}
            </Badge>
          </div>
          <p className="mt-1 text-sm">
            Primary in <strong data-testid={`primary-${d.nome}`}>{cityOf(d.primario)}</strong>{" "}
            <span className="text-xs text-slate-500 dark:text-slate-400">{d.primario}</span>
          </p>
          <ul className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {d.replicas.map((r) => (
              <li key={r.regiao} className="flex justify-between">
                <span>Replica in {cityOf(r.regiao)}</span>
                <span className="tabular-nums">lag {r.atraso_s.toFixed(2)} s</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function HealthMatrix({ estado }: { estado: Estado }) {
  const zones = ["a", "b", "c"];
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">
        Health checks by region and zone: healthy replicas of total
      </caption>
      <thead>
        <tr className="text-left text-xs text-slate-500 dark:text-slate-400">
          <th scope="col" className="pb-2 font-medium">
            Region
          </th>
          {zones.map((z) => (
            <th key={z} scope="col" className="pb-2 text-center font-medium">
              Zone {z}
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
              const failing = z.replicas_total > 0 && z.replicas_saudaveis < z.replicas_total;
              const cls = !z.saudavel
                ? "bg-red-50 text-red-700 ring-red-600/20 dark:bg-red-500/10 dark:text-red-300"
                : failing
                  ? "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-500/10 dark:text-amber-300"
                  : "bg-emerald-50 text-emerald-700 ring-emerald-600/20 dark:bg-emerald-500/10 dark:text-emerald-300";
              return (
                <td key={z.id} className="px-1 py-2 text-center">
                  <span
                    className={`inline-block min-w-16 rounded-md px-2 py-1 text-xs font-medium tabular-nums ring-1 ring-inset ${cls}`}
                    title={`${z.id}: health check ${z.saudavel ? "passing" : "failing"}, ${z.replicas_saudaveis} of ${z.replicas_total} replicas healthy`}
                  >
                    {z.saudavel ? "✓" : "✕"} {z.replicas_saudaveis}/{z.replicas_total}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
