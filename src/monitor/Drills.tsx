import { useState } from "react";
import type { TesteFailover } from "../contract/monitoring";
import { Badge, buttonClass } from "../ui/Card";
import { Dialog } from "../ui/Dialog";
import { cityOf, describeDrillEvent, formatCount, formatSeconds } from "./format";

const DURATIONS = [60, 120, 300, 600];

export function DrillDialog({
  open,
  regions,
  primary,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  regions: string[];
  primary: string | undefined;
  pending: boolean;
  error: string | undefined;
  onCancel: () => void;
  onConfirm: (regiao: string, duracao_s: number) => void;
}) {
  const [regiao, setRegiao] = useState(primary ?? regions[0] ?? "");
  const [duracao, setDuracao] = useState(120);
  const chosen = regiao || primary || regions[0] || "";
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title="Run a failover drill"
      footer={
        <>
          <button type="button" className={buttonClass()} onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className={buttonClass("danger")}
            disabled={pending || !chosen}
            onClick={() => onConfirm(chosen, duracao)}
          >
            {pending ? "Starting…" : `Take ${cityOf(chosen)} down`}
          </button>
        </>
      }
    >
      <p className="text-slate-600 dark:text-slate-300">
        The drill takes every zone of one region down. Health checks detect it, the gateway moves
        its traffic to the nearest healthy region and, if it held the primary datastore, a replica
        is promoted. The report measures detection, RTO and RPO against your tier's targets.
      </p>
      <div className="mt-4 grid grid-cols-2 gap-4">
        <label className="block">
          <span className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Region to take down
          </span>
          <select
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-800"
            value={chosen}
            onChange={(e) => setRegiao(e.target.value)}
          >
            {regions.map((r) => (
              <option key={r} value={r}>
                {cityOf(r)} ({r}){r === primary ? " · primary" : ""}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Outage length
          </span>
          <select
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-800"
            value={duracao}
            onChange={(e) => setDuracao(Number(e.target.value))}
          >
            {DURATIONS.map((d) => (
              <option key={d} value={d}>
                {formatSeconds(d)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <p
          role="alert"
          className="mt-3 rounded-md bg-red-50 px-3 py-2 text-red-700 dark:bg-red-500/10 dark:text-red-300"
        >
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}

function Measure({
  label,
  value,
  target,
  unit = "s",
}: {
  label: string;
  value: number | null;
  target?: number;
  unit?: string;
}) {
  const met = value !== null && target !== undefined ? value <= target : undefined;
  return (
    <div>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 flex items-baseline gap-2">
        <span className="text-base font-semibold tabular-nums">
          {value === null ? "measuring…" : unit === "s" ? formatSeconds(value) : value}
        </span>
        {target !== undefined ? (
          <span className="text-xs text-slate-500 dark:text-slate-400">
            target ≤ {formatSeconds(target)}
          </span>
        ) : null}
        {met !== undefined ? (
          <Badge tone={met ? "ok" : "critical"}>{met ? "Met" : "Missed"}</Badge>
        ) : null}
      </dd>
    </div>
  );
}

export function DrillReport({ drill }: { drill: TesteFailover }) {
  const running = drill.status === "em-andamento";
  return (
    <article
      aria-label={`Drill ${drill.id} in ${cityOf(drill.regiao)}`}
      className="rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          {cityOf(drill.regiao)} down for {formatSeconds(drill.duracao_s)}
        </h3>
        <div className="flex items-center gap-2">
          {drill.primario_perdido ? <Badge tone="info">Primary datastore lost</Badge> : null}
          <Badge tone={running ? "warning" : "ok"}>{running ? "In progress" : "Completed"}</Badge>
          <time className="text-xs text-slate-500" dateTime={drill.inicio}>
            {new Date(drill.inicio).toLocaleString()}
          </time>
        </div>
      </header>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Measure label="Detection" value={drill.deteccao_s} />
        <Measure label="Traffic moved after" value={drill.trafego_realocado_s} />
        <Measure label="RTO" value={drill.rto_s} target={drill.rto_alvo_s} />
        <Measure label="RPO (writes lost)" value={drill.rpo_s} target={drill.rpo_alvo_s} />
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">Requests failed</dt>
          <dd className="mt-0.5 text-base font-semibold tabular-nums">
            {drill.requisicoes_falhas === null
              ? "measuring…"
              : formatCount(drill.requisicoes_falhas)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">Error budget spent</dt>
          <dd className="mt-0.5 text-base font-semibold tabular-nums">
            {drill.orcamento_gasto === null
              ? "measuring…"
              : `${(drill.orcamento_gasto * 100).toFixed(2)} %`}
          </dd>
        </div>
      </dl>
      <ol
        className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-sm dark:border-slate-800"
        aria-label="Drill timeline"
      >
        {drill.linha_do_tempo.map((e) => (
          <li key={`${e.evento}-${e.em}`} className="flex gap-3">
            <time dateTime={e.em} className="w-20 shrink-0 text-xs tabular-nums text-slate-500">
              +{formatSeconds(e.apos_s)}
            </time>
            <span>{describeDrillEvent(e.evento, e.regiao)}</span>
          </li>
        ))}
        {running ? (
          <li className="flex items-center gap-2 text-xs text-slate-500" role="status">
            <span className="inline-block size-3 animate-spin rounded-full border-2 border-slate-300 border-t-indigo-600" />
            Drill in progress…
          </li>
        ) : null}
      </ol>
    </article>
  );
}
