/**
 * Monitoring at scale (contract §9): 200 clients follow one project's event stream while a drill
 * runs; every one receives every event of the drill, in order, none lost. Bounded in time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GLOBAL_SAAS } from "../src/blueprint";
import { type RunningEmulator, startEmulator } from "./testing/process";

let emu: RunningEmulator;
const auth = { Authorization: "Bearer dev", "Content-Type": "application/json" };
const CLIENTS = 200;

beforeAll(async () => {
  emu = await startEmulator({ clock: 600 });
}, 40_000);
afterAll(() => emu?.stop());

interface Evento {
  id: string;
  tipo: string;
  dados: Record<string, unknown>;
}

/** Reads a stream's events until `done` says so or the signal aborts it. */
async function follow(url: string, signal: AbortSignal, seen: Evento[]) {
  const r = await fetch(url, { headers: { ...auth, Accept: "text/event-stream" }, signal });
  const reader = r.body?.getReader();
  if (!reader) throw new Error("no stream");
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const data = buffer
          .slice(0, end)
          .split("\n")
          .filter((l) => l.startsWith("data:"))
          .map((l) => l.slice(5).trim())
          .join("\n");
        if (data) seen.push(JSON.parse(data) as Evento);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
      }
    }
  } catch (e) {
    if (!signal.aborted) throw e;
  }
}

describe("200 clients on one project's event stream", () => {
  it("each receives every event of a drill, in order", async () => {
    const created = await fetch(`${emu.url}/v1/projetos`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify(GLOBAL_SAAS),
    });
    const { id } = (await created.json()) as { id: string };
    const list = async () =>
      (await (
        await fetch(`${emu.url}/v1/projetos/${id}/eventos`, { headers: auth })
      ).json()) as Evento[];
    for (let i = 0; i < 200; i++) {
      const p = (await (await fetch(`${emu.url}/v1/projetos/${id}`, { headers: auth })).json()) as {
        status: string;
      };
      if (p.status === "ativo") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const before = await list();
    const from = before.length ? before[before.length - 1].id : "0";

    const abort = new AbortController();
    const streams = Array.from({ length: CLIENTS }, () => [] as Evento[]);
    const following = streams.map((seen) =>
      follow(`${emu.url}/v1/projetos/${id}/eventos?depois=${from}`, abort.signal, seen),
    );
    // Every client connected (the server has answered each) before the drill starts.
    await new Promise((r) => setTimeout(r, 1500));
    const drill = await fetch(`${emu.url}/v1/projetos/${id}/testes-failover`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ regiao: "sa-east-1", duracao_s: 120 }),
    });
    expect(drill.status).toBe(202);

    // The drill's whole log, from the list: until its last step is recorded.
    let log: Evento[] = [];
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      log = (await list()).filter((e) => Number(e.id) > Number(from));
      if (log.some((e) => e.tipo === "teste-failover" && e.dados.fase === "fim")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const ids = log.map((e) => e.id);
    expect(log.map((e) => e.tipo)).toContain("failover-fim");
    // Each stream catches up with the log, then is closed.
    while (Date.now() < deadline && streams.some((s) => s.length < ids.length))
      await new Promise((r) => setTimeout(r, 100));
    abort.abort();
    await Promise.allSettled(following);
    for (const [i, seen] of streams.entries())
      expect(seen.map((e) => e.id).slice(0, ids.length), `client ${i}`).toEqual(ids);
  }, 40_000);
});
