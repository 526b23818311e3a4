import { useQuery } from "@tanstack/react-query";
import {
  lazy,
  memo,
  Suspense,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { Link, useParams } from "react-router";
import {
  useApiKeys,
  useEstado,
  useProjectEvents,
  useProjeto,
  useSlos,
  useStartDrill,
  useTesteFailover,
  useTestesFailover,
} from "../api/hooks";
import { blueprintRegions } from "../blueprint/plans";
// The monitoring schemas come with the page's code, not one round trip after its first answer
// (the client imports them on first use, which then finds them already here).
import "../contract/monitoring";
import { api } from "../api/client";
import type { Metricas } from "../contract/monitoring";
import { formatDateTime, formatTime } from "../i18n/format";
import { Badge, buttonClass, Card } from "../ui/Card";
import { downloadText } from "../ui/download";
import { useLocale, useT } from "../ui/i18n";
import { LiveIndicator } from "../ui/LiveIndicator";
import { Menu } from "../ui/Menu";
import { EmptyState, ErrorState, Skeleton } from "../ui/States";
import { buildCharts, type ChartData, chartInputs } from "./charts";
import { DrillDialog, DrillReport, DrillTrend } from "./Drills";
import { DatastoreStatus, HealthMatrix, TrafficWeights } from "./FailoverStatus";
import { cityOf, formatSeconds } from "./format";
import { monitorMessages } from "./i18n";
import { ChartSkeleton, MonitorCharts } from "./MonitorCharts";
import { metricsQuery } from "./queries";
import { DEFAULT_RANGE, queryWindow, TIME_RANGES, type TimeRangeId } from "./range";
import { SloCard } from "./SloCard";
import { seriesKey } from "./series";

// The world map (its projection and land outline) loads beside the page, not before the charts.
const RegionMap = lazy(() => import("./RegionMap").then((m) => ({ default: m.RegionMap })));

/** Re-reads the clock so the charts' window moves on as new minutes of data exist. */
function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

function RangePicker({
  value,
  onChange,
}: {
  value: TimeRangeId;
  onChange: (r: TimeRangeId) => void;
}) {
  const t = useT(monitorMessages);
  return (
    <fieldset className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <legend className="sr-only">{t("range.legend")}</legend>
      {TIME_RANGES.map((r) => (
        <label
          key={r.id}
          className={`cursor-pointer rounded px-2.5 py-1 text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 ${
            value === r.id
              ? "bg-indigo-600 text-white"
              : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          }`}
        >
          <input
            type="radio"
            name="range"
            value={r.id}
            checked={value === r.id}
            onChange={() => onChange(r.id)}
            className="sr-only"
          />
          {r.label}
        </label>
      ))}
    </fieldset>
  );
}

// Placeholders the size of what replaces them, so the page does not jump as its parts arrive.

/** The world map's shape (its 960 × 440 projection) and a line of legend under it. */
function MapSkeleton() {
  return (
    <div>
      <Skeleton className="aspect-[960/440] w-full" />
      <div className="mt-2 h-9" />
    </div>
  );
}

/** The failover card's height for n regions: a datastore with n − 1 replicas, n traffic bars. */
const failoverHeight = (n: number) => 100 + 52 * Math.max(n, 1);

/**
 * Live state that is no longer live: while the API is away, what the cards show is the last
 * state it gave, said in words with its time and drawn faded, so a green "healthy" from
 * minutes ago does not read as now.
 */
function Stale({ since, children }: { since: number | undefined; children: React.ReactNode }) {
  const t = useT(monitorMessages);
  const locale = useLocale();
  if (since === undefined) return <>{children}</>;
  return (
    <div>
      <p className="mb-2 rounded bg-amber-50 px-2 py-1 text-xs font-medium text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
        {t("estado.stale", { time: formatTime(locale, new Date(since).toISOString()) })}
      </p>
      <div className="opacity-60 grayscale">{children}</div>
    </div>
  );
}

/** A drill measure against its tier's target, in the failover history. */
function MeasureCell({ value, target }: { value: number | null; target: number }) {
  return (
    <td className="py-1.5 text-right tabular-nums">
      {value === null ? "–" : formatSeconds(value)}{" "}
      <Badge tone={value !== null && value <= target ? "ok" : "critical"}>
        ≤ {formatSeconds(target)}
      </Badge>
    </td>
  );
}

/** For a chart whose series are all in: which series (`keys`) and which answers (`stamp`). */
interface Readiness {
  keys: string;
  stamp: string;
}

/**
 * The charts' series as one value: the answers of the charts whose series are all in (`ready`,
 * by chart id), or the first failure, or neither yet.
 */
interface SeriesState {
  series?: { data: Map<string, Metricas>; ready: Map<string, Readiness> };
  error?: Error;
  retry?: () => void;
}

/**
 * "Export SLOs": the same SLOs and burn-rate alerts as Prometheus rules or OpenSLO documents
 * (contract §9), downloaded as YAML for teams that run their own Prometheus.
 */
function ExportSlos({ id }: { id: string }) {
  const t = useT(monitorMessages);
  const [failed, setFailed] = useState<string>();
  const save = async (formato: "prometheus" | "openslo") => {
    setFailed(undefined);
    try {
      downloadText(
        await api.exportarSlos(id, formato),
        `${id}-slos-${formato}.yaml`,
        "application/yaml",
      );
    } catch (e) {
      setFailed((e as Error).message);
    }
  };
  return (
    // At the right, wrapped or not: the menu opens leftwards from there and stays on screen; a
    // failure is said under it, so the button does not move.
    <div className="ml-auto flex flex-col items-end gap-1">
      <Menu
        label={t("slos.export")}
        align="right"
        items={[
          {
            label: t("slos.exportPrometheus"),
            description: t("slos.exportPrometheusHint"),
            onSelect: () => void save("prometheus"),
          },
          {
            label: t("slos.exportOpenslo"),
            description: t("slos.exportOpensloHint"),
            onSelect: () => void save("openslo"),
          },
        ]}
      />
      {failed ? (
        <p role="alert" className="max-w-xl text-right text-xs text-red-700 dark:text-red-300">
          {t("slos.exportFailed", { error: failed })}
        </p>
      ) : null}
    </div>
  );
}

const ChartsSection = memo(function ChartsSection({
  id,
  regions,
  objetivo,
  limiarMs,
}: {
  id: string;
  regions: string[];
  objetivo?: number;
  limiarMs?: number;
}) {
  const t = useT(monitorMessages);
  const [range, setRange] = useState<TimeRangeId>(DEFAULT_RANGE);
  const now = useMinuteClock();
  const window = useMemo(() => queryWindow(range, now), [range, now]);
  const keys = useApiKeys();
  const inputs = useMemo(() => chartInputs(regions), [regions]);
  // One request for every series (contract §9 `lote`). An answer kept from the previous range
  // (while the new one loads) does not count: the charts keep showing the previous range until
  // then. The value changes only when a new answer (or an error) comes in: a refetch's
  // fetching flags change nothing drawn.
  const lote = useQuery(metricsQuery(keys, id, window));
  const last = useRef<SeriesState & { stamp?: number }>({});
  let series: SeriesState["series"];
  let error: Error | undefined;
  if (lote.isError) error = lote.error;
  else if (lote.data && !lote.isPlaceholderData) {
    if (last.current.stamp !== lote.dataUpdatedAt) {
      const data = new Map<string, Metricas>(lote.data.series.map((m) => [seriesKey(m), m]));
      const ready = new Map<string, Readiness>();
      const stamp = String(lote.dataUpdatedAt);
      for (const c of inputs)
        if (c.keys.every((k) => data.has(k))) ready.set(c.id, { keys: c.keys.join(","), stamp });
      last.current = { stamp: lote.dataUpdatedAt, series: { data, ready } };
    }
    series = last.current.series;
  }
  const retry = lote.refetch;
  // The charts are built and drawn in the background (a deferred render, in small slices).
  const view = useDeferredValue(series);
  // Each chart is built again only when its own series changed; the charts built so far are
  // kept per set of options (a new set starts empty).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the options stand for what a chart is built from
  const cache = useMemo(
    () => new Map<string, Readiness & { chart: ChartData }>(),
    [objetivo, limiarMs, regions, t],
  );
  const charts = useMemo(() => {
    if (!view) return undefined;
    // The deferred view may still be of other inputs (the replicas just became known): a chart
    // counts as ready only for the series it draws now, and one drawn for others is dropped.
    const stale = new Set<string>();
    for (const c of inputs) {
      const keys = c.keys.join(",");
      const r = view.ready.get(c.id);
      const cached = cache.get(c.id);
      if (r?.keys === keys) {
        if (cached?.stamp !== r.stamp) stale.add(c.id);
      } else if (cached && cached.keys !== keys) cache.delete(c.id);
    }
    if (stale.size > 0)
      for (const chart of buildCharts(view.data, regions, { objetivo, limiarMs }, t, stale)) {
        const r = view.ready.get(chart.id);
        if (r) cache.set(chart.id, { ...r, chart });
      }
    return inputs.map((c) => cache.get(c.id)?.chart ?? { id: c.id, pending: true as const });
  }, [view, cache, inputs, regions, objetivo, limiarMs, t]);
  return (
    <section aria-labelledby="charts-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="charts-title" className="text-base font-semibold">
          {t("charts.title")}
        </h2>
        <RangePicker value={range} onChange={setRange} />
      </div>
      {error ? (
        <ErrorState title={t("charts.error")} error={error} onRetry={retry} />
      ) : !charts ? (
        <div
          className="grid grid-cols-1 gap-6 xl:grid-cols-2"
          role="status"
          aria-label={t("charts.loading")}
        >
          {[0, 1, 2, 3].map((i) => (
            <ChartSkeleton key={i} />
          ))}
        </div>
      ) : (
        <MonitorCharts charts={charts} loadingLabel={t("charts.loading")} />
      )}
    </section>
  );
});

export function MonitorPage() {
  const t = useT(monitorMessages);
  const locale = useLocale();
  const { id = "" } = useParams();
  const projeto = useProjeto(id);
  const p = projeto.data?.value;
  const active = p?.status === "ativo";
  const estado = useEstado(id, active);
  const slos = useSlos(id, active);
  // The map, the status panels and the SLO cards render from deferred copies: React renders
  // them in the background in small slices, so the page stays responsive while they appear.
  const estadoView = useDeferredValue(estado.data);
  // While the API does not answer, the last state shown is marked as such, with its time.
  const stale = estado.isError && estado.data ? estado.dataUpdatedAt : undefined;
  const slosView = useDeferredValue(slos.data);
  const testes = useTestesFailover(id, active);
  const live = useProjectEvents(id);
  const startDrill = useStartDrill(id);
  const [drillOpen, setDrillOpen] = useState(false);
  const [drillId, setDrillId] = useState<string>();
  const current = useTesteFailover(id, drillId);
  // When a failover starts, its banner is brought into view (it is also announced).
  const failoverBanner = useRef<HTMLDivElement>(null);
  const failoverRegion = estado.data?.failover?.regiao;
  useEffect(() => {
    if (failoverRegion) failoverBanner.current?.scrollIntoView({ block: "nearest" });
  }, [failoverRegion]);

  // From the blueprint, not the live state: the charts' requests need not wait for /estado.
  const regions = useMemo(() => (p ? blueprintRegions(p.blueprint) : []), [p]);
  const primary = estado.data?.datastores[0]?.primario;
  const availability = slos.data?.slos.find((s) => s.sli === "disponibilidade");
  const latency = slos.data?.slos.find((s) => s.sli === "latencia");
  const running = current.data?.status === "em-andamento";

  if (projeto.isPending)
    return (
      <div className="space-y-4 p-8" role="status" aria-label={t("page.loading")}>
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-64" />
      </div>
    );
  if (!p)
    return (
      <div className="mx-auto max-w-3xl p-8">
        <ErrorState
          title={t("page.error")}
          error={projeto.error}
          onRetry={() => void projeto.refetch()}
        />
      </div>
    );

  const failover = estado.data?.failover;
  return (
    <div className="flex flex-col">
      <header className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 bg-white px-8 py-4 dark:border-slate-800 dark:bg-slate-900">
        <div className="min-w-0">
          <nav
            aria-label={t("page.breadcrumb")}
            className="text-xs text-slate-500 dark:text-slate-400"
          >
            <Link to="/projects" className="hover:underline">
              {t("page.projects")}
            </Link>{" "}
            /{" "}
            <Link to={`/projects/${p.id}`} className="hover:underline">
              {p.nome}
            </Link>{" "}
            / {t("page.crumb")}
          </nav>
          <h1 className="mt-1 text-xl font-semibold tracking-tight">
            {t("page.title", { name: p.nome })}
          </h1>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <LiveIndicator connected={live} />
          <Link to={`/projects/${p.id}/runbook`} className={buttonClass()}>
            {t("page.runbook")}
          </Link>
          <button
            type="button"
            className={buttonClass("danger")}
            disabled={!active || !estado.data || estado.isError || running}
            title={
              estado.isError ? t("drill.unreachable") : running ? t("drill.running") : undefined
            }
            onClick={() => setDrillOpen(true)}
          >
            {t("drill.run")}
          </button>
        </div>
      </header>

      {!active ? (
        <div className="p-8">
          <EmptyState
            title={t("inactive.title")}
            action={
              <Link to={`/projects/${p.id}`} className={buttonClass("primary")}>
                {t("inactive.follow")}
              </Link>
            }
          >
            {t("inactive.body", { status: p.status })}
          </EmptyState>
        </div>
      ) : (
        <div className="space-y-8 p-6 lg:p-8">
          {estado.isError ? (
            <ErrorState
              title={t("estado.error")}
              error={estado.error}
              onRetry={() => void estado.refetch()}
            />
          ) : null}
          {/* Always in the page, so screen readers announce the banner when it fills in. */}
          <div role="status" ref={failoverBanner} className="empty:hidden">
            {failover ? (
              <div className="flex items-center gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-200">
                <span
                  className="size-2.5 animate-pulse rounded-full bg-red-500"
                  aria-hidden="true"
                />
                <span>
                  <strong>{t("failover.title")}</strong>{" "}
                  {failover.zona
                    ? t("failover.zoneBody", {
                        zone: failover.zona,
                        city: cityOf(failover.regiao),
                        time: formatTime(locale, failover.desde),
                      })
                    : t("failover.body", {
                        city: cityOf(failover.regiao),
                        region: failover.regiao,
                        time: formatTime(locale, failover.desde),
                      })}
                </span>
              </div>
            ) : null}
          </div>

          <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)]">
            <Card title={t("card.regions")} labelledBy="regions-title">
              {estadoView ? (
                <Stale since={stale}>
                  <Suspense fallback={<MapSkeleton />}>
                    <RegionMap estado={estadoView} />
                  </Suspense>
                </Stale>
              ) : (
                <MapSkeleton />
              )}
            </Card>
            <Card title={t("card.failover")} labelledBy="failover-title">
              {estadoView ? (
                <Stale since={stale}>
                  <div className="space-y-5">
                    <div>
                      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase">
                        {t("card.datastores")}
                      </h3>
                      <DatastoreStatus estado={estadoView} />
                    </div>
                    <div>
                      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase">
                        {t("card.traffic")}
                      </h3>
                      <TrafficWeights estado={estadoView} />
                    </div>
                  </div>
                </Stale>
              ) : (
                <Skeleton style={{ height: failoverHeight(regions.length) }} />
              )}
            </Card>
          </div>

          <section aria-labelledby="slos-title" className="space-y-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="slos-title" className="text-base font-semibold">
                {t("slos.title")}
              </h2>
              {slosView && slosView.slos.length > 0 ? <ExportSlos id={id} /> : null}
            </div>
            {slos.isError ? (
              <ErrorState
                title={t("slos.error")}
                error={slos.error}
                onRetry={() => void slos.refetch()}
              />
            ) : !slosView ? (
              <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
                <Skeleton className="h-[600px]" />
                <Skeleton className="h-[600px]" />
              </div>
            ) : slosView.slos.length === 0 ? (
              <EmptyState title={t("slos.empty")}>{t("slos.emptyBody")}</EmptyState>
            ) : (
              <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
                {slosView.slos.map((s) => (
                  <SloCard key={s.nome} slo={s} />
                ))}
              </div>
            )}
          </section>

          {regions.length > 0 ? (
            <ChartsSection
              id={id}
              regions={regions}
              objetivo={availability?.objetivo}
              limiarMs={latency?.limiar_ms}
            />
          ) : null}

          <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
            <Card title={t("card.health")} labelledBy="health-title">
              {estado.data ? (
                <Stale since={stale}>
                  <HealthMatrix estado={estado.data} />
                </Stale>
              ) : (
                <Skeleton className="h-40" />
              )}
            </Card>
            <Card title={t("card.drills")} labelledBy="drills-title">
              {current.data ? (
                <div className="mb-4">
                  <DrillReport
                    drill={current.data}
                    href={`/projects/${id}/drills/${current.data.id}`}
                  />
                </div>
              ) : null}
              {testes.isError ? (
                <ErrorState title={t("drills.error")} error={testes.error} />
              ) : (testes.data ?? []).filter((d) => d.id !== drillId).length === 0 &&
                !current.data ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">{t("drills.empty")}</p>
              ) : (
                <>
                  <div className="mb-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
                    <DrillTrend drills={testes.data ?? []} measure="rto" />
                    <DrillTrend drills={testes.data ?? []} measure="rpo" />
                  </div>
                  <table className="w-full text-left text-sm" aria-label={t("drills.history")}>
                    <thead className="text-xs text-slate-500 dark:text-slate-400 uppercase">
                      <tr>
                        <th className="py-1 font-medium">{t("col.when")}</th>
                        <th className="py-1 font-medium">{t("col.region")}</th>
                        <th className="py-1 text-right font-medium">RTO</th>
                        <th className="py-1 text-right font-medium">RPO</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                      {(testes.data ?? [])
                        .filter((d) => d.id !== drillId)
                        .map((d) => (
                          <tr key={d.id}>
                            <td className="py-1.5 text-slate-600 dark:text-slate-300">
                              {/* Each drill's report has an address of its own. */}
                              <Link
                                to={`/projects/${id}/drills/${d.id}`}
                                className="text-indigo-700 hover:underline dark:text-indigo-300"
                                aria-label={t("drills.open", {
                                  city: cityOf(d.regiao),
                                  when: formatDateTime(locale, d.inicio),
                                })}
                              >
                                {formatDateTime(locale, d.inicio)}
                              </Link>
                            </td>
                            <td className="py-1.5">
                              {cityOf(d.regiao)}
                              {d.zona ? (
                                <span className="ml-1 font-mono text-xs text-slate-500 dark:text-slate-400">
                                  {d.zona}
                                </span>
                              ) : null}
                            </td>
                            <MeasureCell value={d.rto_s} target={d.rto_alvo_s} />
                            <MeasureCell value={d.rpo_s} target={d.rpo_alvo_s} />
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </>
              )}
            </Card>
          </div>
        </div>
      )}

      {drillOpen ? (
        <DrillDialog
          open={drillOpen}
          regions={regions}
          primary={primary}
          pending={startDrill.isPending}
          error={startDrill.error?.message}
          onCancel={() => setDrillOpen(false)}
          onConfirm={(regiao, zona, duracao_s) =>
            startDrill.mutate(
              { regiao, ...(zona ? { zona } : {}), duracao_s },
              {
                onSuccess: (drill) => {
                  setDrillId(drill.id);
                  setDrillOpen(false);
                },
              },
            )
          }
        />
      ) : null}
    </div>
  );
}
