/**
 * The real Prometheus server against the real emulator process (contract §9): it scrapes the
 * project's `/metrics` every second with the bearer token, loads the exported rules, and the
 * error ratio it records reads back, through its HTTP API, as the ratio of the emulator's own
 * counters over the same samples (those of the rule's last evaluation), within 1 %. Drills make
 * the ratio large enough to mean something; the second starts once Prometheus is scraping, so
 * a slow start never leaves it out of the window. Bounded in time: about half a minute.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GLOBAL_SAAS } from "../../src/blueprint";
import { type RunningEmulator, startEmulator } from "../testing/process";

let emu: RunningEmulator;
let prom: ChildProcess | undefined;
const auth = { Authorization: "Bearer dev", "Content-Type": "application/json" };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  emu = await startEmulator({ clock: 60 });
}, 40_000);
afterAll(() => {
  prom?.kill("SIGKILL");
  emu?.stop();
});

async function deploy(): Promise<string> {
  const r = await fetch(`${emu.url}/v1/projetos`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify(GLOBAL_SAAS),
  });
  const { id } = (await r.json()) as { id: string };
  for (let i = 0; i < 200; i++) {
    const p = (await (await fetch(`${emu.url}/v1/projetos/${id}`, { headers: auth })).json()) as {
      status: string;
    };
    if (p.status === "ativo") return id;
    await sleep(50);
  }
  throw new Error("deployment did not finish");
}

interface Sample {
  metric: Record<string, string>;
  values?: [number, string][];
  value?: [number, string];
}

async function query(base: string, q: string, at: number): Promise<Sample[]> {
  const r = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(q)}&time=${at}`);
  const body = (await r.json()) as { status: string; data: { result: Sample[] }; error?: string };
  if (body.status !== "success") throw new Error(`${q}: ${body.error}`);
  return body.data.result;
}

/**
 * A drill of a region holding the primary, to its end: at 60× its 36 s of failing requests weigh
 * on the minute.
 */
async function drill(id: string, regiao: string): Promise<void> {
  const r = await fetch(`${emu.url}/v1/projetos/${id}/testes-failover`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ regiao, duracao_s: 120 }),
  });
  expect(r.status).toBe(202);
  const at = new URL(r.headers.get("Location") ?? "", emu.url);
  for (let i = 0; i < 400; i++) {
    const t = (await (await fetch(at, { headers: auth })).json()) as { status: string };
    if (t.status === "concluido") return;
    await sleep(50);
  }
  throw new Error("drill did not finish");
}

describe("Prometheus scraping the emulator", () => {
  it("records the error ratio of the emulator's own counters, within 1 %", async () => {
    const id = await deploy();
    // A first drill before Prometheus starts: the 5xx counters then begin the window well above
    // zero, as the 2xx ones do, so rate() extrapolates every series alike (a counter that starts
    // near zero is extrapolated less, and the ratio would be off by a few per cent). São Paulo
    // holds the primary; the drill moves it to Ashburn (the nearest), and every region's writes
    // fail until then.
    await drill(id, "sa-east-1");
    const dir = mkdtempSync(join(tmpdir(), "prometheus-"));
    const rules = await (
      await fetch(`${emu.url}/v1/projetos/${id}/slos/exportar?formato=prometheus`, {
        headers: auth,
      })
    ).text();
    writeFileSync(join(dir, "rules.yaml"), rules);
    const target = new URL(emu.url);
    writeFileSync(
      join(dir, "prometheus.yml"),
      [
        "global: { scrape_interval: 1s, evaluation_interval: 1s }",
        "rule_files: [rules.yaml]",
        "scrape_configs:",
        "  - job_name: tesserra",
        `    metrics_path: /v1/projetos/${id}/metrics`,
        "    authorization: { type: Bearer, credentials: dev }",
        `    static_configs: [{ targets: ["${target.host}"] }]`,
        "",
      ].join("\n"),
    );
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    prom = spawn(
      "prometheus",
      [
        `--config.file=${join(dir, "prometheus.yml")}`,
        `--storage.tsdb.path=${join(dir, "data")}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: "ignore" },
    );
    // Scraping first: a few samples of every series before the second drill, so the window the
    // ratio is read over surely holds it however slowly Prometheus starts.
    const samplesAt = async (t: number) => {
      const counts = await query(base, "count_over_time(tesserra_requests_total[5m])", t);
      return counts.length === 0 ? 0 : Math.min(...counts.map((s) => Number(s.value?.[1])));
    };
    const deadline = Date.now() + 40_000;
    let before = 0;
    while (Date.now() < deadline && before < 3) {
      await sleep(500);
      try {
        before = await samplesAt(Date.now() / 1000);
      } catch {
        // not up yet
      }
    }
    expect(before, "Prometheus never scraped the emulator").toBeGreaterThanOrEqual(3);

    // Ashburn, which now holds the primary: not São Paulo again, whose minute the first drill
    // may have taken whole. A series minute is a wall minute, and at 60× a drill's 130 simulated
    // seconds of failing and moved traffic fill it; a second drill of the same region within
    // that wall minute would find no traffic left to fail.
    await drill(id, "us-east-1");

    // Then scraped through the drill and past it, with the ratio recorded.
    let recorded: Sample[] = [];
    let at = 0;
    while (Date.now() < deadline) {
      await sleep(1000);
      at = Date.now() / 1000;
      try {
        recorded = await query(base, `slo:sli_error:ratio_rate5m{slo="disponibilidade"}`, at);
        if (recorded.length === 1 && (await samplesAt(at)) >= before + 6) break;
      } catch {
        // a query between scrapes
      }
    }
    expect(recorded, "Prometheus recorded no error ratio").toHaveLength(1);
    const ratio = Number(recorded[0].value?.[1]);
    // When the rule was last evaluated: a scrape since then is in no recorded ratio yet.
    const [evaluated] = await query(
      base,
      `timestamp(slo:sli_error:ratio_rate5m{slo="disponibilidade"})`,
      at,
    );

    // The emulator's own counters over that window, as Prometheus stored them from /metrics.
    const raw = await query(base, "tesserra_requests_total[5m]", Number(evaluated.value?.[1]));
    const delta = (codigo?: string) =>
      raw
        .filter((s) => codigo === undefined || s.metric.codigo === codigo)
        .reduce((sum, s) => {
          const v = s.values ?? [];
          return sum + (Number(v[v.length - 1][1]) - Number(v[0][1]));
        }, 0);
    const own = delta("5xx") / delta();
    expect(own).toBeGreaterThan(0.001);
    expect(Math.abs(ratio - own) / own).toBeLessThan(0.01);
    // And the counters Prometheus holds are the emulator's: never ahead of what it says now.
    const now = await (
      await fetch(`${emu.url}/v1/projetos/${id}/metrics`, { headers: auth })
    ).text();
    expect(now).toContain(
      `tesserra_requests_total{projeto="${id}",regiao="sa-east-1",codigo="5xx"}`,
    );
  }, 60_000);
});
