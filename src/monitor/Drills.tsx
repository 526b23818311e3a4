import { memo, useState } from "react";
import { Link } from "react-router";
import type { TesteFailover } from "../contract/monitoring";
import { formatDateTime, formatFixed } from "../i18n/format";
import { Badge, buttonClass, controlClass } from "../ui/Card";
import { Dialog } from "../ui/Dialog";
import { useLocale, useT } from "../ui/i18n";
import { cityOf, describeDrillEvent, formatCount, formatSeconds } from "./format";
import { monitorMessages } from "./i18n";

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
  onConfirm: (regiao: string, zona: string | undefined, duracao_s: number) => void;
}) {
  const t = useT(monitorMessages);
  const [regiao, setRegiao] = useState(primary ?? regions[0] ?? "");
  const [zoneLetter, setZoneLetter] = useState<"" | "a" | "b" | "c">("");
  const [duracao, setDuracao] = useState(120);
  const chosen = regiao || primary || regions[0] || "";
  const zona = zoneLetter ? `${chosen}${zoneLetter}` : undefined;
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={t("drill.title")}
      footer={
        <>
          <button type="button" className={buttonClass()} onClick={onCancel}>
            {t("page.cancel")}
          </button>
          <button
            type="button"
            className={buttonClass("danger")}
            disabled={pending || !chosen}
            onClick={() => onConfirm(chosen, zona, duracao)}
          >
            {pending
              ? t("drill.starting")
              : zona
                ? t("drill.takeDownZone", { zone: zona })
                : t("drill.takeDown", { city: cityOf(chosen) })}
          </button>
        </>
      }
    >
      <p className="text-slate-600 dark:text-slate-300">{t("drill.intro")}</p>
      <div className="mt-4 grid grid-cols-1 gap-4 min-[420px]:grid-cols-2">
        <label className="block">
          <span className="text-xs font-medium text-slate-600 dark:text-slate-400">
            {t("drill.region")}
          </span>
          <select
            className={controlClass}
            value={chosen}
            onChange={(e) => setRegiao(e.target.value)}
          >
            {regions.map((r) => (
              <option key={r} value={r}>
                {cityOf(r)} ({r}){r === primary ? ` ${t("drill.primary")}` : ""}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="text-xs font-medium text-slate-600 dark:text-slate-400">
            {t("drill.target")}
          </span>
          <select
            className={controlClass}
            value={zoneLetter}
            aria-describedby="drill-zone-hint"
            onChange={(e) => setZoneLetter(e.target.value as "" | "a" | "b" | "c")}
          >
            <option value="">{t("drill.wholeRegion")}</option>
            {(["a", "b", "c"] as const).map((z) => (
              <option key={z} value={z}>
                {t("drill.zoneOption", { zone: `${chosen}${z}` })}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="text-xs font-medium text-slate-600 dark:text-slate-400">
            {t("drill.length")}
          </span>
          <select
            className={controlClass}
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
      <p id="drill-zone-hint" className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        {t("drill.zoneHint")}
      </p>
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
  estimate,
  unit = "s",
}: {
  label: string;
  value: number | null;
  target?: number;
  /** What the design's assessment promised (contract §5). */
  estimate?: number | null;
  unit?: string;
}) {
  const t = useT(monitorMessages);
  const met = value !== null && target !== undefined ? value <= target : undefined;
  return (
    <div>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span className="text-base font-semibold whitespace-nowrap tabular-nums">
          {value === null ? t("drill.measuring") : unit === "s" ? formatSeconds(value) : value}
        </span>
        {estimate !== undefined && estimate !== null ? (
          <span className="text-xs whitespace-nowrap text-slate-600 dark:text-slate-300">
            {t("drill.estimated", { value: formatSeconds(estimate) })}
          </span>
        ) : null}
        {target !== undefined ? (
          <span className="text-xs whitespace-nowrap text-slate-600 dark:text-slate-300">
            {t("drill.policy", { value: formatSeconds(target) })}
          </span>
        ) : null}
        {met !== undefined ? (
          <Badge tone={met ? "ok" : "critical"}>{met ? t("drill.met") : t("drill.missed")}</Badge>
        ) : null}
      </dd>
    </div>
  );
}

export function DrillReport({ drill, href }: { drill: TesteFailover; href?: string }) {
  const t = useT(monitorMessages);
  const locale = useLocale();
  const running = drill.status === "em-andamento";
  return (
    <article
      aria-label={t("drill.report", { id: drill.id, city: cityOf(drill.regiao) })}
      className="rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          {drill.zona
            ? t("drill.zoneDown", {
                zone: drill.zona,
                city: cityOf(drill.regiao),
                duration: formatSeconds(drill.duracao_s),
              })
            : t("drill.down", {
                city: cityOf(drill.regiao),
                duration: formatSeconds(drill.duracao_s),
              })}
        </h3>
        <div className="flex items-center gap-2">
          {drill.primario_perdido ? <Badge tone="info">{t("drill.primaryLost")}</Badge> : null}
          <Badge tone={running ? "warning" : "ok"}>
            {running ? t("drill.inProgress") : t("drill.completed")}
          </Badge>
          <time className="text-xs text-slate-500 dark:text-slate-400" dateTime={drill.inicio}>
            {formatDateTime(locale, drill.inicio)}
          </time>
          {href ? (
            <Link
              to={href}
              className="text-xs text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {t("drill.openPage")}
            </Link>
          ) : null}
        </div>
      </header>
      <dl className="mt-3 grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 sm:grid-cols-3">
        <Measure label={t("drill.detection")} value={drill.deteccao_s} />
        <Measure label={t("drill.trafficMoved")} value={drill.trafego_realocado_s} />
        <Measure
          label={t("drill.rto")}
          value={drill.rto_s}
          estimate={drill.estimado.rto_s}
          target={drill.rto_alvo_s}
        />
        <Measure
          label={t("drill.rpo")}
          value={drill.rpo_s}
          estimate={drill.estimado.rpo_s}
          target={drill.rpo_alvo_s}
        />
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{t("drill.failed")}</dt>
          <dd className="mt-0.5 text-base font-semibold tabular-nums">
            {drill.requisicoes_falhas === null
              ? t("drill.measuring")
              : formatCount(drill.requisicoes_falhas)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{t("drill.budget")}</dt>
          <dd className="mt-0.5 flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <span className="text-base font-semibold tabular-nums">
              {drill.orcamento_gasto === null
                ? t("drill.measuring")
                : `${formatFixed(locale, drill.orcamento_gasto * 100, 2)} %`}
            </span>
            {drill.estimado.orcamento_gasto !== null ? (
              <span
                className="text-xs whitespace-nowrap text-slate-600 dark:text-slate-300"
                data-testid="drill-budget-estimate"
              >
                {t("drill.estimated", {
                  value: `${formatFixed(locale, drill.estimado.orcamento_gasto * 100, 2)} %`,
                })}
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
      <ol
        className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-sm dark:border-slate-800"
        aria-label={t("drill.timeline")}
      >
        {drill.linha_do_tempo.map((e) => (
          <li key={`${e.evento}-${e.em}`} className="flex gap-3">
            <time
              dateTime={e.em}
              className="w-20 shrink-0 text-xs tabular-nums text-slate-500 dark:text-slate-400"
            >
              +{formatSeconds(e.apos_s)}
            </time>
            <span>{describeDrillEvent(e.evento, t, e.regiao)}</span>
          </li>
        ))}
        {running ? (
          <li className="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
            <span className="inline-block size-3 animate-spin rounded-full border-2 border-slate-300 border-t-indigo-600" />
            <span role="status">{t("drill.runningNow")}</span>
          </li>
        ) : null}
      </ol>
    </article>
  );
}

/**
 * Measured RTO or RPO of each completed drill over time (dots), against what the design
 * estimated for that region (rings) and the policy (dashed line). The history table beside it
 * carries the same numbers for screen readers.
 */
export const DrillTrend = memo(function DrillTrend({
  drills,
  measure,
}: {
  drills: TesteFailover[];
  measure: "rto" | "rpo";
}) {
  const t = useT(monitorMessages);
  const locale = useLocale();
  const done = drills
    .filter((d) => d.status === "concluido")
    .sort((a, b) => a.inicio.localeCompare(b.inicio));
  if (done.length === 0) return null;
  const key = measure === "rto" ? "rto_s" : "rpo_s";
  const policy =
    measure === "rto" ? done[done.length - 1].rto_alvo_s : done[done.length - 1].rpo_alvo_s;
  const values = done
    .flatMap((d) => [d[key], d.estimado[key]])
    .filter((v): v is number => v !== null);
  const top = Math.max(policy, ...values, 1) * 1.15;
  const W = 320;
  const H = 110;
  const pad = { l: 34, r: 8, t: 8, b: 18 };
  const x = (i: number) =>
    pad.l +
    (done.length === 1 ? (W - pad.l - pad.r) / 2 : (i * (W - pad.l - pad.r)) / (done.length - 1));
  const y = (v: number) => pad.t + (1 - v / top) * (H - pad.t - pad.b);
  const title = measure === "rto" ? "RTO" : "RPO";
  const last = done[done.length - 1];
  return (
    <figure className="min-w-0">
      <figcaption className="text-xs font-medium text-slate-700 dark:text-slate-200">
        {t("trend.caption", { measure: title })}
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="mt-1 h-auto w-full"
        role="img"
        aria-label={t("trend.label", {
          measure: title,
          count: done.length,
          measured: formatSeconds(last[key] ?? 0),
          estimated:
            last.estimado[key] === null
              ? t("trend.nothing")
              : formatSeconds(last.estimado[key] ?? 0),
          policy: formatSeconds(policy),
        })}
      >
        <line
          x1={pad.l}
          x2={W - pad.r}
          y1={y(0)}
          y2={y(0)}
          className="stroke-slate-300 dark:stroke-slate-600"
        />
        <line
          x1={pad.l}
          x2={W - pad.r}
          y1={y(policy)}
          y2={y(policy)}
          strokeDasharray="5 4"
          className="stroke-red-700 dark:stroke-red-400"
        />
        <text x={2} y={y(policy) + 4} className="fill-slate-700 text-[10px] dark:fill-slate-200">
          {formatSeconds(policy)}
        </text>
        <text x={2} y={y(0) + 4} className="fill-slate-700 text-[10px] dark:fill-slate-200">
          0
        </text>
        {done.map((d, i) => {
          const estimate = d.estimado[key];
          const value = d[key];
          return (
            <g key={d.id}>
              <title>
                {t("trend.point", {
                  when: formatDateTime(locale, d.inicio),
                  region: d.regiao,
                  measured: value === null ? "—" : formatSeconds(value),
                  estimated: estimate === null ? "—" : formatSeconds(estimate),
                })}
              </title>
              {estimate !== null ? (
                <circle
                  cx={x(i)}
                  cy={y(estimate)}
                  r={6}
                  className="fill-none stroke-indigo-700 dark:stroke-indigo-300"
                  strokeWidth={1.5}
                />
              ) : null}
              {value !== null ? (
                <circle
                  cx={x(i)}
                  cy={y(value)}
                  r={3}
                  className="fill-slate-900 dark:fill-slate-100"
                />
              ) : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
});
