/**
 * The emulator's monitoring at scale (contract §9): a project in all 7 regions whose insight
 * keeps 400 days and whose SLOs look back 90 days (the longest window). Budget: `/slos`, one
 * `lote` of every series (`*`) over 30 days and `/metrics` each answer in ≤ 100 ms at p95 with
 * 20 clients asking at once. Beside them, in the same run and under the same load, the same
 * project's `GET /v1/projetos/{id}` (what any request costs there).
 */
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { startEmulator } from "../emulator/testing/process";
import { type Blueprint, GLOBAL_SAAS, REGIONS } from "../src/blueprint";
import { createProject } from "./project";
import { quantile } from "./timing";
import type { BenchRow, BenchSuite } from "./types";

const AUTH = { Authorization: "Bearer dev" };
const CLIENTS = 20;
const PER_CLIENT = 15;
const BUDGET_MS = 100;

function sevenRegions(): Blueprint {
  const R = REGIONS.length;
  return {
    ...GLOBAL_SAAS,
    nome: "Scale bench: 7 regions, 400 days",
    regioes: REGIONS.map((r) => r.id),
    recursos: GLOBAL_SAAS.recursos.map((r) => {
      if (r.tipo === "compute")
        return { ...r, config: { ...r.config, replicas_min: 2 * R, replicas_max: 4 * R } };
      if (r.tipo === "insight")
        return {
          ...r,
          config: {
            retencao_dias: 400,
            alertas: true,
            slos: [
              { nome: "disponibilidade", sli: "disponibilidade", objetivo: 99.95, janela_dias: 90 },
              { nome: "latencia", sli: "latencia", objetivo: 99, janela_dias: 90, limiar_ms: 300 },
            ],
          },
        };
      return r;
    }),
  } as Blueprint;
}

/**
 * One GET over a kept-alive connection, as a browser asks (gzip accepted), reading the body's
 * bytes without decoding them: the time is the server's and the wire's, not this process's
 * decompression (20 clients in one Node process would otherwise queue behind each other's).
 */
function get(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(url, { agent, headers: { ...AUTH, "Accept-Encoding": "gzip" } }, (res) => {
      res.on("data", () => {});
      res.on("end", () =>
        res.statusCode === 200
          ? resolve(performance.now() - t0)
          : reject(new Error(`${url}: ${res.statusCode}`)),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** 20 clients, each with its own connection, asking in turn; every answer's time. */
async function underLoad(url: string): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      for (let i = 0; i < PER_CLIENT; i++) times.push(await get(agent, url));
      agent.destroy();
    }),
  );
  return times.sort((a, b) => a - b);
}

export default async function run(): Promise<BenchSuite> {
  const emu = await startEmulator({ clock: 60 });
  try {
    const id = await createProject(emu.url, sevenRegions(), { active: true });
    const base = `${emu.url}/v1/projetos/${id}`;
    const ate = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    const de = new Date(Date.parse(ate) - 30 * 86_400_000).toISOString();
    const lote = `${base}/metricas/lote?series=disponibilidade:*,latencia_p50:global,latencia_p95:global,latencia_p99:global,taxa_erro:*,trafego:*,atraso_replicacao:*&de=${de}&ate=${ate}`;
    const targets: [string, string, number | undefined][] = [
      ["GET /v1/projetos/{id} (baseline)", base, undefined],
      ["GET …/slos (90-day windows)", `${base}/slos`, BUDGET_MS],
      ["GET …/metricas/lote (35 series, 30 days)", lote, BUDGET_MS],
      ["GET …/metrics (Prometheus)", `${base}/metrics`, BUDGET_MS],
    ];
    // The first answers fill the simulation's hourly sums (90 days × 7 regions): not timed.
    for (const [, url] of targets) {
      const t0 = performance.now();
      await (await fetch(url, { headers: AUTH })).arrayBuffer();
      console.log(
        `  warm-up ${url.replace(emu.url, "")}: ${(performance.now() - t0).toFixed(0)} ms`,
      );
    }
    const rows: BenchRow[] = [];
    for (const [what, url, budget] of targets) {
      const times = await underLoad(url);
      const p95 = quantile(times, 0.95);
      rows.push({
        what,
        clients: CLIENTS,
        requests: times.length,
        median_ms: Number(quantile(times, 0.5).toFixed(2)),
        p95_ms: Number(p95.toFixed(2)),
        budget_p95_ms: budget ?? "-",
        within_budget: budget === undefined ? "-" : p95 <= budget,
      });
    }
    return {
      name: "scale",
      description:
        "Monitoring endpoints of a 7-region project (400-day retention, 90-day SLO windows), 20 concurrent kept-alive clients on loopback (gzip accepted, bodies not decoded)",
      rows,
    };
  } finally {
    emu.stop();
  }
}
