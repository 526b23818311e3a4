/**
 * The simulated multi-region runtime of one deployed project (contract §3). Everything here is
 * a pure function of the project's seed, its normalized blueprint, its drills and the time:
 * series cost no storage, the same seed gives the same history, and any range answers fast.
 *
 * Times are wall-clock milliseconds. The clock multiplier (TESSERRA_CLOCK) scales durations only:
 * a process of S simulated seconds lasts S / clock wall seconds, and reports speak in simulated
 * seconds.
 */
import {
  ASYNC_LAG_MAX_S,
  findRegion,
  GATEWAY_SHIFT_S,
  greatCircleKm,
  type NormalizedBlueprint,
  nearestRegion,
  PROMOTION_S,
} from "../../src/blueprint";
import type { DrillPlan } from "../../src/blueprint/runbook/runbook";
import type { RequestCounts } from "../../src/slo/slo";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
/** Share of requests that write to the primary datastore. */
export const WRITE_SHARE = 0.15;

export interface DrillInput {
  id: string;
  regiao: string;
  /** The zone taken down; null (or absent) for a region drill. */
  zona?: string | null;
  /** Wall-clock start, ms. */
  inicio: number;
  duracao_s: number;
  /** The project's version when the drill started (null for drills stored before v1.2). */
  versao?: number | null;
  /**
   * What the design promised and how the loss plays out, fixed when the drill started, so a
   * later change of the design never rewrites a finished drill. Null for drills stored before
   * v1.2: a region drill, judged by the current design.
   */
  plano?: DrillPlan | null;
  /** The practice that started it, if one did. */
  pratica?: string | null;
}

export interface HealthCheckConfig {
  intervalo_s: number;
  falhas_para_failover: number;
}

export interface DatastoreInfo {
  nome: string;
  replicacao: "assincrona" | "sincrona";
}

export interface Topology {
  regions: string[];
  healthCheck: HealthCheckConfig;
  datastores: DatastoreInfo[];
  /** Compute replicas per region when idle (replicas_min spread over regions) and at most. */
  replicasMin: number;
  replicasMax: number;
  /** Whether a gateway can move traffic between regions. */
  canFailOver: boolean;
}

export function topologyOf(bp: NormalizedBlueprint): Topology {
  const gateway = bp.recursos.find((r) => r.tipo === "gateway");
  const hc =
    gateway?.tipo === "gateway"
      ? gateway.config.health_check
      : { intervalo_s: 10, falhas_para_failover: 3 };
  let replicasMin = 0;
  let replicasMax = 0;
  for (const r of bp.recursos)
    if (r.tipo === "compute") {
      replicasMin += r.config.replicas_min;
      replicasMax += r.config.replicas_max;
    }
  return {
    regions: [...bp.regioes],
    healthCheck: { intervalo_s: hc.intervalo_s, falhas_para_failover: hc.falhas_para_failover },
    datastores: bp.recursos.flatMap((r) =>
      r.tipo === "datastore" ? [{ nome: r.nome, replicacao: r.config.replicacao }] : [],
    ),
    replicasMin,
    replicasMax,
    canFailOver: gateway !== undefined && bp.regioes.length > 1,
  };
}

/** A deterministic number in [0, 1) from integers (a small avalanche hash). */
export function noise(a: number, b: number, c: number, d = 0): number {
  let h = (a ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ b, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ c, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ d, 0x27d4eb2f);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/** A stable 32-bit seed from a project id. */
export function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

const Z99 = 2.3263478740408408; // standard normal quantile at 0.99

/** One region's behaviour in one minute, before faults move traffic. */
export interface MinuteSample {
  requests: number;
  errorRate: number;
  p50: number;
  p95: number;
  p99: number;
  lagS: number;
}

/** A drill's phases on the wall clock, derived from the health checks and replication. */
export interface DrillPhases {
  drill: DrillInput;
  /** The zone a zone drill took down; null for a region drill. */
  zona: string | null;
  /** The whole region left rotation (a region drill, or a zone holding a single-zone resource). */
  regionOut: boolean;
  /** Share of the region's requests that failed until detection (1 for a region, ⅓ for a zone). */
  zoneShare: number;
  /** Whether the datastores' in-region standby took over (a zone drill in the primary's zone a). */
  promotesInRegion: boolean;
  down: number;
  detected: number;
  trafficMoved: number;
  /** When the datastore serves from elsewhere; equals `down` when the primary was not there. */
  promoted: number;
  /** When everything is served again (the end of RTO). */
  restored: number;
  up: number;
  recovered: number;
  primaryLost: boolean;
  /** The primary region before and after the drill. */
  primaryBefore: string;
  primaryAfter: string;
  /** Where the region's traffic went. */
  takeover: string | undefined;
}

export class ProjectSim {
  readonly topology: Topology;
  private readonly regionIndex = new Map<string, number>();
  private readonly baseRpm: number[];
  private readonly lon: number[];
  private phases: DrillPhases[] = [];
  private readonly hourCache = new Map<string, HourAggregate>();

  constructor(
    readonly seed: number,
    blueprint: NormalizedBlueprint,
    readonly clock: number,
    drills: DrillInput[] = [],
  ) {
    this.topology = topologyOf(blueprint);
    this.topology.regions.forEach((r, i) => {
      this.regionIndex.set(r, i);
    });
    this.baseRpm = this.topology.regions.map(
      (_, i) => 3_000 + Math.floor(noise(seed, i, 1) * 9_000),
    );
    this.lon = this.topology.regions.map((r) => findRegion(r)?.lon ?? 0);
    this.setDrills(drills);
  }

  /** Simulated seconds → wall milliseconds. */
  wallMs(simSeconds: number): number {
    return (simSeconds * 1000) / this.clock;
  }

  setDrills(drills: DrillInput[]): void {
    const known = new Set(this.phases.map((p) => `${p.drill.id}@${p.drill.inicio}`));
    const changedFrom = Math.min(
      ...drills.filter((d) => !known.has(`${d.id}@${d.inicio}`)).map((d) => d.inicio),
      ...this.phases.filter((p) => !drills.some((d) => d.id === p.drill.id)).map((p) => p.down),
    );
    const sorted = [...drills].sort((a, b) => a.inicio - b.inicio);
    let primary = this.topology.regions[0];
    const { intervalo_s, falhas_para_failover } = this.topology.healthCheck;
    this.phases = sorted.map((drill) => {
      const down = drill.inicio;
      const plan = drill.plano;
      // The detection the design had when the drill started (a later change never rewrites it).
      const detection = plan?.detection ?? intervalo_s * falhas_para_failover;
      const detected = down + this.wallMs(detection);
      const up = down + this.wallMs(drill.duracao_s);
      // Back in rotation after the first passing health check.
      const recovered = up + this.wallMs(intervalo_s);
      const zona = drill.zona ?? null;
      if (plan && !plan.regionOut) {
        // A zone goes down and its region stays in rotation: the zone's replicas fail requests
        // until health checks take it out; the primary's standby in another zone takes over
        // when the zone held the primary node (zone a of the primary's region, wherever that is now).
        const promotes =
          zona === `${drill.regiao}a` &&
          drill.regiao === primary &&
          this.topology.datastores.length > 0;
        const promoted = promotes ? detected + this.wallMs(PROMOTION_S) : down;
        return {
          drill,
          zona,
          regionOut: false,
          zoneShare: plan.servesThere ? 1 / 3 : 0,
          down,
          detected,
          trafficMoved: detected,
          promoted,
          restored: plan.servesThere ? Math.max(detected, promoted) : down,
          up,
          recovered,
          primaryLost: false,
          promotesInRegion: promotes,
          primaryBefore: primary,
          primaryAfter: primary,
          takeover: undefined,
        };
      }
      const trafficMoved = detected + this.wallMs(GATEWAY_SHIFT_S);
      const primaryLost = drill.regiao === primary && this.topology.datastores.length > 0;
      const survivors = this.topology.regions.filter((r) => r !== drill.regiao);
      const takeover = nearestRegion(drill.regiao, survivors);
      const primaryBefore = primary;
      if (primaryLost && takeover) primary = takeover;
      const promoted = primaryLost ? detected + this.wallMs(PROMOTION_S) : down;
      return {
        drill,
        zona,
        regionOut: true,
        zoneShare: 1,
        down,
        detected,
        trafficMoved,
        promoted,
        restored: Math.max(trafficMoved, promoted),
        up,
        recovered,
        primaryLost,
        promotesInRegion: false,
        primaryBefore,
        primaryAfter: primary,
        takeover,
      };
    });
    // A drill changes only the hours from its start on (and the primary after it).
    if (Number.isFinite(changedFrom))
      for (const key of this.hourCache.keys()) {
        const hourStart = Number(key.split("|")[1]);
        if (hourStart + HOUR_MS > changedFrom) this.hourCache.delete(key);
      }
  }

  drillPhases(): readonly DrillPhases[] {
    return this.phases;
  }

  primaryAt(t: number): string {
    let primary = this.topology.regions[0];
    for (const p of this.phases) if (p.primaryLost && t >= p.promoted) primary = p.primaryAfter;
    return primary;
  }

  /** One region's demand and quality in the minute starting at `minuteStart`, without faults. */
  sample(region: string, minuteStart: number): MinuteSample {
    const i = this.regionIndex.get(region) ?? 0;
    const minute = Math.floor(minuteStart / MINUTE_MS);
    const hour = Math.floor(minute / 60);
    const localHour = (((minuteStart / HOUR_MS + this.lon[i] / 15) % 24) + 24) % 24;
    const localDay = Math.floor((minuteStart / HOUR_MS + this.lon[i] / 15) / 24);
    // Demand follows the local day: lowest around 04:00, highest around 16:00; weekends are quieter.
    const daily = 0.3 + 0.7 * ((1 - Math.cos((2 * Math.PI * (localHour - 4)) / 24)) / 2) ** 1.3;
    const weekday = (((localDay + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    const weekly = weekday === 0 || weekday === 6 ? 0.8 : 1;
    const jitter = 1 + 0.12 * (noise(this.seed, i, minute, 2) - 0.5);
    const requests = Math.round(this.baseRpm[i] * daily * weekly * jitter);

    // Occasional small incidents: about one region-hour in 80 has one of 5–20 minutes.
    let errorRate = 0.00006 + 0.00006 * noise(this.seed, i, minute, 3);
    let slow = 1;
    if (noise(this.seed, i, hour, 4) < 1 / 80) {
      const start = Math.floor(noise(this.seed, i, hour, 5) * 40);
      const length = 5 + Math.floor(noise(this.seed, i, hour, 6) * 16);
      const m = minute - hour * 60;
      if (m >= start && m < start + length) {
        errorRate += 0.004 + 0.02 * noise(this.seed, i, hour, 7);
        slow = 1.7;
      }
    }

    // Latency grows with the distance to the primary datastore (≈1 ms per 100 km round trip);
    // synchronous replication adds the round trip to the nearest quorum member on writes.
    const primary = this.primaryAt(minuteStart);
    const rttPrimary = rttMs(region, primary);
    let syncPenalty = 0;
    if (this.topology.datastores.some((d) => d.replicacao === "sincrona")) {
      const quorum = nearestRegion(primary, this.topology.regions);
      if (quorum) syncPenalty = WRITE_SHARE * rttMs(primary, quorum) * 2;
    }
    const load = 1 + 0.25 * daily;
    const p50 =
      (18 + 0.5 * rttPrimary + syncPenalty) *
      load *
      (0.94 + 0.12 * noise(this.seed, i, minute, 8)) *
      slow;
    const async = this.topology.datastores.some((d) => d.replicacao === "assincrona");
    // Never more than the assessment's bound: a drill's RPO must stay within its estimate.
    const lagS = async
      ? Math.min(ASYNC_LAG_MAX_S, 0.4 + 1.6 * daily * (0.7 + 0.6 * noise(this.seed, i, minute, 9)))
      : 0;
    return { requests, errorRate, p50, p95: p50 * 2.1, p99: p50 * 3.4, lagS };
  }

  /**
   * The share of the minute starting at `minuteStart` that [from, to) takes within
   * [minuteStart, end) (the minute's elapsed part, or all of it), in simulated
   * time: a drill's seconds are simulated seconds (its report's RTO is), so at a 60× clock its
   * 32 s of failing requests are 32 s of this minute's traffic, not half a wall second of it.
   * The report's failed requests and the SLO's error budget count the same requests.
   */
  private share(minuteStart: number, end: number, from: number, to: number): number {
    return Math.min(1, (overlap(minuteStart, end, from, to) * this.clock) / MINUTE_MS);
  }

  /**
   * Requests served and failed by a region in one minute, after drills moved traffic; with
   * `until` inside the minute, only those of [minuteStart, until): a drill's failures count
   * as they happen, not from the moment the drill starts (the exposition's minute under way).
   */
  minute(
    region: string,
    minuteStart: number,
    limiarMs?: number,
    until = minuteStart + MINUTE_MS,
  ): MinuteOutcome {
    const end = Math.min(until, minuteStart + MINUTE_MS);
    const elapsed = (end - minuteStart) / MINUTE_MS;
    const own = this.sample(region, minuteStart);
    let served = own.requests * elapsed;
    let bad = served * own.errorRate;
    let p50 = own.p50;
    for (const p of this.phases) {
      if (p.recovered <= minuteStart || p.down >= end) continue;
      if (!p.regionOut) {
        // The zone's share of the region's requests fails until health checks take it out;
        // every region's writes fail until the in-region standby is promoted.
        if (p.drill.regiao === region)
          bad +=
            own.requests *
            p.zoneShare *
            this.share(minuteStart, end, p.down, p.detected) *
            (1 - own.errorRate);
        if (p.promotesInRegion)
          bad += own.requests * WRITE_SHARE * this.share(minuteStart, end, p.down, p.promoted);
        continue;
      }
      if (p.drill.regiao === region) {
        // Until the gateway moves traffic, requests to the lost region fail; then it serves none.
        const failing = this.share(minuteStart, end, p.down, p.trafficMoved);
        const gone = Math.max(
          0,
          Math.min(elapsed - failing, this.share(minuteStart, end, p.trafficMoved, p.recovered)),
        );
        bad += own.requests * failing * (1 - own.errorRate);
        served -= own.requests * gone;
        bad -= own.requests * own.errorRate * gone;
      } else if (p.takeover === region) {
        const moved = Math.min(
          elapsed - this.share(minuteStart, end, p.down, p.trafficMoved),
          this.share(minuteStart, end, p.trafficMoved, p.recovered),
        );
        if (moved > 0) {
          const lost = this.sample(p.drill.regiao, minuteStart);
          served += lost.requests * moved;
          bad += lost.requests * moved * own.errorRate;
          // Users of the lost region now cross the distance to this one.
          p50 += (rttMs(p.drill.regiao, region) * moved * lost.requests) / Math.max(1, served);
        }
      }
      if (p.primaryLost && p.drill.regiao !== region) {
        // Writes fail until a replica is promoted.
        const writesFailing = this.share(minuteStart, end, p.down, p.promoted);
        bad += own.requests * WRITE_SHARE * writesFailing;
      }
    }
    served = Math.max(0, served);
    bad = Math.min(served, Math.max(0, bad));
    const sigma = Math.log(3.4) / Z99;
    const fastShare =
      limiarMs === undefined ? 1 : normalCdf((Math.log(limiarMs) - Math.log(p50)) / sigma);
    return {
      total: served,
      bad,
      slowGood: (served - bad) * fastShare,
      p50,
      p95: p50 * (own.p95 / own.p50),
      p99: p50 * (own.p99 / own.p50),
      lagS: own.lagS,
    };
  }

  /** Request counts for an SLI over [from, to), summed by hours (cached) and minutes. */
  counts(
    region: string,
    sli: "disponibilidade" | "latencia",
    limiarMs: number | undefined,
    from: number,
    to: number,
  ): RequestCounts {
    let good = 0;
    let total = 0;
    let t = Math.floor(from / MINUTE_MS) * MINUTE_MS;
    const add = (a: HourAggregate) => {
      total += a.total;
      good += sli === "latencia" ? a.fastGood : a.total - a.bad;
    };
    while (t < to) {
      if (t % HOUR_MS === 0 && t + HOUR_MS <= to) {
        add(this.hour(region, t, sli === "latencia" ? limiarMs : undefined));
        t += HOUR_MS;
      } else {
        const m = this.minute(region, t, sli === "latencia" ? limiarMs : undefined);
        add({
          total: m.total,
          bad: m.bad,
          fastGood: m.slowGood,
          p50Weighted: 0,
          lagSum: 0,
          minutes: 1,
        });
        t += MINUTE_MS;
      }
    }
    return { good, total };
  }

  /**
   * Computes the hourly sums of [from, to) for each region and latency threshold (undefined:
   * availability) not already cached, until `deadline` (a `performance.now()` time) passes.
   * True when every one of those hours is cached. Lets a server fill its cache in short slices.
   */
  warmHours(limiars: (number | undefined)[], from: number, to: number, deadline: number): boolean {
    const first = Math.ceil(from / HOUR_MS) * HOUR_MS;
    // Only hours fully in the past are cached (see hour).
    const end = Math.min(to, Date.now());
    for (const limiarMs of limiars)
      for (const region of this.topology.regions)
        for (let h = first; h + HOUR_MS <= end; h += HOUR_MS) {
          if (this.hourCache.has(hourKey(region, h, limiarMs))) continue;
          if (performance.now() > deadline) return false;
          this.hour(region, h, limiarMs);
        }
    return true;
  }

  /** Sums of one region's hour; hours fully in the past are cached. */
  hour(region: string, hourStart: number, limiarMs?: number): HourAggregate {
    const key = hourKey(region, hourStart, limiarMs);
    const cached = this.hourCache.get(key);
    if (cached) return cached;
    const agg: HourAggregate = {
      total: 0,
      bad: 0,
      fastGood: 0,
      p50Weighted: 0,
      lagSum: 0,
      minutes: 60,
    };
    for (let m = 0; m < 60; m++) {
      const o = this.minute(region, hourStart + m * MINUTE_MS, limiarMs);
      agg.total += o.total;
      agg.bad += o.bad;
      agg.fastGood += o.slowGood;
      agg.p50Weighted += o.p50 * o.total;
      agg.lagSum += o.lagS;
    }
    if (hourStart + HOUR_MS <= Date.now()) this.hourCache.set(key, agg);
    return agg;
  }
}

/** The hour cache's key; setDrills reads the hour back from its second field. */
function hourKey(region: string, hourStart: number, limiarMs: number | undefined): string {
  return `${region}|${hourStart}|${limiarMs ?? ""}`;
}

export interface MinuteOutcome {
  total: number;
  bad: number;
  /** Good requests that also beat the latency threshold. */
  slowGood: number;
  p50: number;
  p95: number;
  p99: number;
  lagS: number;
}

export interface HourAggregate {
  total: number;
  bad: number;
  fastGood: number;
  p50Weighted: number;
  lagSum: number;
  minutes: number;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Round-trip time between two regions: light in fibre covers about 100 km per ms both ways. */
export function rttMs(a: string, b: string): number {
  if (a === b) return 1;
  const ra = findRegion(a);
  const rb = findRegion(b);
  return ra && rb ? 1 + greatCircleKm(ra, rb) / 100 : 1;
}
