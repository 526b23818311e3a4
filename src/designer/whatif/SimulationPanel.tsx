/**
 * The failure simulation's controls over the canvas: the scenario (from the assessment's, or a
 * region picked from the design's), a timeline to scrub or play (loss → detection → traffic
 * moved → replica promoted), and what the loss costs: writes lost, error budget spent, whether
 * the policy holds. Escape or "End simulation" returns to editing; nothing is written.
 */
import { useEffect, useId, useRef } from "react";
import { cityOf } from "../../blueprint";
import { formatNumber } from "../../i18n/format";
import { buttonClass } from "../../ui/Card";
import { useLocale, useT } from "../../ui/i18n";
import { useAssessment, useDoc } from "../store";
import { whatIfMessages } from "./i18n";
import { useSimulation } from "./simulationStore";
import { type Phase, reached, scenarioKey, simulationOf, stateAt } from "./timeline";

/** Simulated seconds played per real second. */
const PLAY_RATE = 10;
const TICK_MS = 100;

export function SimulationPanel({ onShown }: { onShown?: () => void }) {
  const t = useT(whatIfMessages);
  const locale = useLocale();
  const doc = useDoc();
  const { avaliacao } = useAssessment();
  const active = useSimulation((s) => s.active);
  const time = useSimulation((s) => s.t);
  const playing = useSimulation((s) => s.playing);
  const { choose, seek, setPlaying, end } = useSimulation.getState();
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = { title: useId(), scenario: useId(), time: useId() };

  const { sim, budget } =
    active && avaliacao
      ? simulationOf(doc, avaliacao, active)
      : { sim: undefined, budget: undefined };

  // Focus moves to the panel when it opens, so the keyboard is where the controls are.
  // The canvas below got shorter: frame the design in what is left.
  const shown = useRef(onShown);
  useEffect(() => {
    heading.current?.focus();
    shown.current?.();
  }, []);
  // Escape ends it, unless something on top (a menu, a dialog) took the key first.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      if (document.querySelector("dialog[open]")) return;
      e.preventDefault();
      end();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [end]);
  // A design whose errors leave nothing to simulate, or a scenario gone: back to editing.
  useEffect(() => {
    if (active && !sim) end();
  }, [active, sim, end]);
  // Playing: the clock moves until the timeline's end.
  useEffect(() => {
    if (!playing || !sim) return;
    const timer = setInterval(() => {
      const now = useSimulation.getState().t;
      const next = Math.min(sim.end, now + (PLAY_RATE * TICK_MS) / 1000);
      seek(next);
      if (next >= sim.end) setPlaying(false);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, sim, seek, setPlaying]);

  if (!sim || !avaliacao || !budget) return null;
  const s = stateAt(sim, time);
  const secs = (x: number | null) =>
    x === null ? "—" : `${formatNumber(locale, x, { maximumFractionDigits: 2 })} s`;
  const where = sim.zona ?? `${cityOf(sim.regiao)} (${sim.regiao})`;
  const phaseText = (p: Phase) => {
    switch (p.kind) {
      case "loss":
        return t("sim.phase.loss", { where });
      case "detected":
        return t("sim.phase.detected");
      case "traffic":
        return t("sim.phase.traffic", {
          city: cityOf(sim.cenario.destino ?? ""),
          ms: sim.cenario.latencia_extra_ms ?? 0,
        });
      case "promoted":
        return sim.regionOut
          ? t("sim.phase.promoted", { city: cityOf(sim.promotedTo ?? "") })
          : t("sim.phase.promotedZone");
      case "down":
        return t("sim.phase.down", { city: cityOf(sim.regiao) });
    }
  };
  const done = reached(sim, time);
  const last = done[done.length - 1];
  const policyText =
    sim.holds === null
      ? t("sim.dies")
      : t(sim.holds ? "sim.holds" : "sim.breaks", {
          rto: secs(sim.cenario.rto_s),
          prto: secs(sim.politica.rto_s),
          rpo: secs(sim.cenario.rpo_s),
          prpo: secs(sim.politica.rpo_s),
        });
  const regions = avaliacao.cenarios.filter((c) => c.tipo === "perda-regiao").map((c) => c.regiao);
  const pct = (sim.end === 0 ? 1 : Math.min(time, sim.end) / sim.end) * 100;

  return (
    <section
      aria-labelledby={ids.title}
      data-testid="simulation"
      className="max-h-[60%] shrink-0 overflow-y-auto max-md:max-h-[70%] border-b-2 border-indigo-300 bg-indigo-50/60 px-3 py-2 text-sm dark:border-indigo-500/50 dark:bg-indigo-950/30"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2
          id={ids.title}
          ref={heading}
          tabIndex={-1}
          className="mr-auto text-sm font-semibold text-indigo-900 outline-none dark:text-indigo-200"
        >
          {t("sim.title")}
        </h2>
        <label
          htmlFor={ids.scenario}
          className="text-xs text-slate-600 max-sm:sr-only dark:text-slate-300"
        >
          {t("sim.scenario")}
        </label>
        <select
          id={ids.scenario}
          value={scenarioKey(sim.cenario)}
          onChange={(e) => {
            const [tipo, regiao] = e.target.value.split(":") as ["perda-regiao", string];
            choose(tipo, regiao);
          }}
          className="max-w-full rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-800"
        >
          {avaliacao.cenarios.map((c) => (
            <option key={scenarioKey(c)} value={scenarioKey(c)}>
              {t("sim.option", {
                kind: c.tipo === "perda-regiao" ? "region" : "zone",
                where: c.tipo === "perda-regiao" ? c.regiao : `${c.regiao}a`,
                city: cityOf(c.regiao),
              })}
            </option>
          ))}
        </select>
        <button type="button" className={buttonClass("primary")} onClick={end}>
          {t("sim.end")}
        </button>
      </div>

      {/* The design's regions, to pick one to lose (a region loss). */}
      <fieldset className="mt-2 flex flex-wrap items-center gap-1">
        <legend className="sr-only">{t("sim.pick")}</legend>
        <span aria-hidden="true" className="mr-1 text-xs text-slate-600 dark:text-slate-300">
          {t("sim.pick")}:
        </span>
        {regions.map((r) => {
          const on = sim.regiao === r && sim.cenario.tipo === "perda-regiao";
          return (
            <button
              key={r}
              type="button"
              aria-pressed={on}
              onClick={() => choose("perda-regiao", r)}
              className={`rounded border px-2 py-0.5 text-xs ${on ? "border-red-700 bg-red-700 text-white" : "border-slate-300 text-slate-700 hover:border-slate-400 dark:border-slate-600 dark:text-slate-200"}`}
            >
              {cityOf(r)}
            </button>
          );
        })}
      </fieldset>

      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClass()}
          onClick={() => {
            if (playing) setPlaying(false);
            else {
              if (time >= sim.end) seek(0);
              setPlaying(true);
            }
          }}
        >
          {playing ? t("sim.pause") : time >= sim.end ? t("sim.replay") : t("sim.play")}
        </button>
        <label htmlFor={ids.time} className="sr-only">
          {t("sim.time")}
        </label>
        <input
          id={ids.time}
          type="range"
          min={0}
          max={sim.end}
          step={0.5}
          value={Math.min(time, sim.end)}
          aria-valuetext={`${t("sim.timeValue", { t: formatNumber(locale, time, { maximumFractionDigits: 1 }), end: formatNumber(locale, sim.end) })}${last ? `: ${phaseText(last)}` : ""}`}
          onChange={(e) => {
            setPlaying(false);
            seek(Number(e.target.value));
          }}
          className="min-w-0 flex-1 accent-indigo-700 max-sm:order-last max-sm:basis-full"
        />
        <output
          htmlFor={ids.time}
          className="shrink-0 text-right font-mono text-xs whitespace-nowrap"
          data-testid="simulation-time"
        >
          {t("sim.timeValue", {
            t: formatNumber(locale, time, { maximumFractionDigits: 1 }),
            end: formatNumber(locale, sim.end),
          })}
        </output>
      </div>
      {/* The phases on the timeline, each at its second; reached ones in full colour. */}
      <ol className="relative mt-1 h-5 text-[11px]" aria-hidden="true">
        <li className="absolute inset-x-0 top-2 h-0.5 rounded bg-slate-200 dark:bg-slate-700" />
        <li
          className="absolute top-2 left-0 h-0.5 rounded bg-indigo-600"
          style={{ width: `${pct}%` }}
        />
        {sim.phases.map((p) => (
          <li
            key={p.kind}
            className={`absolute top-0.5 size-3.5 -translate-x-1/2 rounded-full border-2 ${p.at <= time ? "border-indigo-700 bg-indigo-600" : "border-slate-400 bg-white dark:bg-slate-900"}`}
            style={{ left: `${sim.end === 0 ? 0 : (p.at / sim.end) * 100}%` }}
          />
        ))}
      </ol>
      <ol className="mt-1 grid gap-x-4 gap-y-0.5 text-xs sm:grid-cols-2">
        {sim.phases.map((p) => (
          <li
            key={p.kind}
            className={
              p.at <= time
                ? "text-slate-900 dark:text-slate-100"
                : "text-slate-500 dark:text-slate-400"
            }
          >
            <span className="font-mono">{secs(p.at)}</span> {phaseText(p)}
          </li>
        ))}
      </ol>
      {/* Said to screen readers as each phase is reached, not every tick. */}
      <p className="sr-only" aria-live="polite">
        {last
          ? t("sim.announce", { t: formatNumber(locale, last.at), phase: phaseText(last) })
          : ""}
      </p>

      <dl className="mt-2 grid grid-cols-2 gap-2 text-xs sm:grid-cols-4">
        <Stat label={t("sim.traffic")} testId="simulation-traffic">
          {!sim.cenario.sobrevive
            ? t("sim.trafficNone")
            : !sim.regionOut
              ? t("sim.trafficStays", { city: cityOf(sim.regiao) })
              : t("sim.trafficTo", {
                  city: cityOf(sim.cenario.destino ?? ""),
                  ms: sim.cenario.latencia_extra_ms ?? 0,
                })}
        </Stat>
        <Stat label={t("sim.writesLost")} testId="simulation-writes">
          {secs(s.writesLost)}
        </Stat>
        <Stat label={t("sim.budget")} testId="simulation-budget">
          {s.budgetSpent === null
            ? "—"
            : t("sim.budgetValue", {
                pct: formatNumber(locale, 100 * s.budgetSpent, { maximumFractionDigits: 2 }),
                slo: formatNumber(locale, budget.objetivo, { maximumFractionDigits: 4 }),
                days: budget.janela_dias,
              })}
        </Stat>
        <Stat label={t("sim.policy")} testId="simulation-policy">
          <span
            className={
              sim.holds
                ? "text-emerald-800 dark:text-emerald-300"
                : "text-red-800 dark:text-red-300"
            }
          >
            {sim.holds ? "✓ " : "✕ "}
            {policyText}
          </span>
        </Stat>
      </dl>
      <p className="mt-2 text-[11px] text-slate-600 dark:text-slate-400">{t("sim.escape")}</p>
    </section>
  );
}

function Stat({
  label,
  testId,
  children,
}: {
  label: string;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <div className="rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
      <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="font-medium" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
