/**
 * Runbook generation on the real emulator process (contract §6). Budget: a 500-resource,
 * 7-region project's `GET /v1/projetos/{id}/runbook` in ≤ 20 ms median, with drill evidence
 * for every scenario (each status is decided against a drill). Beside it, in the same run:
 * the same project's `GET /v1/projetos/{id}` (what any request of that size costs), the
 * Markdown document, and `buildRunbook` alone in this process.
 */
import { performance } from "node:perf_hooks";
import { startEmulator } from "../emulator/testing/process";
import { type Blueprint, normalizeBlueprint, REGIONS } from "../src/blueprint";
import { buildRunbook } from "../src/blueprint/runbook/runbook";
import { createProject } from "./project";
import { syntheticBlueprint } from "./syntheticBlueprint";
import { quantile, timeRuns } from "./timing";
import type { BenchRow, BenchSuite } from "./types";

const AUTH = { Authorization: "Bearer dev", "Content-Type": "application/json" };
const BUDGET_MS = 20;
const RUNS = 200;

/** 500 resources over every region of the catalog (each web compute keeps two replicas a region). */
export function sevenRegionBlueprint(): Blueprint {
  const bp = syntheticBlueprint(500);
  const R = REGIONS.length;
  return {
    ...bp,
    nome: "Runbook bench: 500 resources, 7 regions",
    regioes: REGIONS.map((r) => r.id),
    recursos: bp.recursos.map((r) =>
      r.tipo === "compute"
        ? { ...r, config: { ...r.config, replicas_min: 2 * R, replicas_max: 4 * R } }
        : r,
    ),
  };
}

async function timeRequests(url: string, accept?: string): Promise<number[]> {
  const headers = accept ? { ...AUTH, Accept: accept } : AUTH;
  for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = await fetch(url, { headers });
    await r.arrayBuffer();
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
  }
  return times.sort((a, b) => a - b);
}

function row(what: string, times: number[], budget?: number): BenchRow {
  const median = quantile(times, 0.5);
  return {
    what,
    runs: times.length,
    median_ms: Number(median.toFixed(2)),
    p95_ms: Number(quantile(times, 0.95).toFixed(2)),
    budget_ms: budget ?? "-",
    within_budget: budget === undefined ? "-" : median <= budget,
  };
}

export default async function run(): Promise<BenchSuite> {
  const bp = sevenRegionBlueprint();
  // A fast clock: the 3,500 deployment steps and the drills are over in moments.
  const emu = await startEmulator({ clock: 6_000 });
  try {
    const id = await createProject(emu.url, bp, { active: true });
    // Evidence for every scenario: a drill of each region and of each zone a, one at a time.
    const practice = await fetch(`${emu.url}/v1/projetos/${id}/runbook/praticar`, {
      method: "POST",
      headers: { Authorization: AUTH.Authorization },
    });
    const { cenarios } = (await practice.json()) as { cenarios: string[] };
    for (;;) {
      const rb = (await (
        await fetch(`${emu.url}/v1/projetos/${id}/runbook`, { headers: AUTH })
      ).json()) as {
        cenarios: { status: string }[];
      };
      if (rb.cenarios.every((c) => c.status === "testado")) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const base = `${emu.url}/v1/projetos/${id}`;
    const runbookJson = await timeRequests(`${base}/runbook`);
    const runbookMd = await timeRequests(`${base}/runbook`, "text/markdown");
    const project = await timeRequests(base);
    const normalized = normalizeBlueprint(bp);
    const inProcess = timeRuns(() => buildRunbook(normalized, { agora: Date.now() }), {
      warmUp: 50,
      maxRuns: 5_000,
    });
    return {
      name: "runbook",
      description: `GET …/runbook of a ${bp.recursos.length}-resource, ${bp.regioes?.length}-region project with ${cenarios.length} drills as evidence, sequential requests on loopback`,
      rows: [
        row("GET …/runbook (JSON)", runbookJson, BUDGET_MS),
        row("GET …/runbook (Markdown)", runbookMd, BUDGET_MS),
        row("GET /v1/projetos/{id} (same project, baseline)", project),
        row("buildRunbook in process (no drills)", inProcess),
      ],
    };
  } finally {
    await emu.stop();
  }
}
