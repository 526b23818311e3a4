/**
 * The client against the real emulator process: every answer the emulator gives must parse
 * with the schemas the console uses (a contract test both ways), and failures must become
 * ApiErrors people can read.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator/testing/process";
import { GLOBAL_SAAS } from "../blueprint";
import { ApiError, createApiClient } from "./client";

let emu: RunningEmulator;
let client: ReturnType<typeof createApiClient>;

beforeAll(async () => {
  emu = await startEmulator({ clock: 600 });
  client = createApiClient(() => ({ baseUrl: emu.url, token: "dev" }));
}, 40_000);
afterAll(() => emu?.stop());

async function until<T>(fn: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}

describe("API client against the emulator", () => {
  it("parses every endpoint's answer with the console's schemas", async () => {
    expect(await client.conta()).toEqual({
      organizacao: "demo",
      papel: "cliente",
      plano: "enterprise",
    });
    expect((await client.regioes()).map((r) => r.id)).toContain("sa-east-1");
    expect(await client.validar(GLOBAL_SAAS)).toEqual({ valido: true, problemas: [] });

    const created = await client.criarProjeto(GLOBAL_SAAS, crypto.randomUUID());
    expect(created.etag).toMatch(/^".+"$/);
    const id = created.value.id;
    expect((await client.projetos()).some((p) => p.id === id)).toBe(true);
    await until(async () =>
      (await client.projeto(id)).value.status === "ativo" ? true : undefined,
    );
    const d = await client.implantacao(id, created.value.implantacao_atual);
    expect(d.status).toBe("pronto");
    expect((await client.eventos(id)).length).toBeGreaterThan(0);
    const estado = await client.estado(id);
    expect(estado.regioes.map((r) => r.id)).toEqual(["sa-east-1", "us-east-1", "eu-central-1"]);
    const slos = await client.slos(id);
    expect(slos.slos.length).toBeGreaterThan(0);
    const ate = new Date().toISOString();
    const de = new Date(Date.now() - 3_600_000).toISOString();
    const m = await client.metricas(id, { serie: "trafego", regiao: "global", de, ate });
    expect(m.pontos.length).toBeGreaterThan(0);
    const drill = await client.iniciarTesteFailover(id, { regiao: "us-east-1", duracao_s: 60 });
    expect((await client.testeFailover(id, drill.id)).id).toBe(drill.id);
    expect((await client.testesFailover(id))[0].id).toBe(drill.id);

    const plan = await client.plano(id, { ...GLOBAL_SAAS, nome: "Renamed" });
    expect(plan.value).toMatchObject({ criar: [], remover: [], versao_atual: 1 });
    const updated = await client.atualizarProjeto(
      id,
      { ...GLOBAL_SAAS, nome: "Renamed" },
      plan.etag,
      crypto.randomUUID(),
    );
    expect(updated.value.versao).toBe(2);
    await client.removerProjeto(id);
  });

  it("turns refusals into ApiErrors with the server's findings", async () => {
    const bad = structuredClone(GLOBAL_SAAS) as unknown as { recursos: { config: object }[] };
    bad.recursos[0].config = { ...bad.recursos[0].config, replicas_min: 0 };
    const err = await client.criarProjeto(bad, crypto.randomUUID()).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(422);
    expect(err.retryable).toBe(false);
    expect(err.problemas.map((f: { ponteiro: string }) => f.ponteiro)).toContain(
      "/recursos/0/config/replicas_min",
    );
    const noToken = createApiClient(() => ({ baseUrl: emu.url, token: "" }));
    await expect(noToken.conta()).rejects.toMatchObject({ status: 401 });
  });

  it("reports an unreachable API as a retryable network error", async () => {
    const down = createApiClient(() => ({ baseUrl: "http://127.0.0.1:9", token: "dev" }));
    const err = await down.projetos().catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.kind).toBe("network");
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/Could not reach the Tesserra API at http:\/\/127\.0\.0\.1:9/);
  });

  it("reports an answer that breaks the contract as an error, not a crash", async () => {
    const server = createServer((_req, res) => {
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ organizacao: 42 }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      const wrong = createApiClient(() => ({ baseUrl: `http://127.0.0.1:${port}`, token: "x" }));
      const err = await wrong.conta().catch((e) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err.kind).toBe("contract");
      expect(err.message).toMatch(/does not match the contract \(organizacao:/);
    } finally {
      server.close();
    }
  });

  it("follows the event stream and resumes without losing or repeating events", async () => {
    const created = await client.criarProjeto(GLOBAL_SAAS, crypto.randomUUID());
    const id = created.value.id;
    const seen: string[] = [];
    const stop = client.followEventos(id, (e) => seen.push(e.id));
    try {
      await until(async () =>
        seen.length > 0 && (await client.eventos(id)).length === seen.length ? true : undefined,
      );
      const all = (await client.eventos(id)).map((e) => e.id);
      expect(seen).toEqual(all);
    } finally {
      stop();
    }
  });

  it("reads CRLF streams with comments and retry:, resumes with Last-Event-ID, tells history from news", async () => {
    const evento = (id: string, em: Date) =>
      JSON.stringify({ id, em: em.toISOString(), tipo: "saude", dados: { regiao: "sa-east-1" } });
    const hourAgo = new Date(Date.now() - 3_600_000);
    const resumedFrom: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      resumedFrom.push(req.headers["last-event-id"] as string | undefined);
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      if (resumedFrom.length === 1) {
        // A proxy that rewrote line endings, a keep-alive comment, a retry hint, an event from
        // the project's history and a new one; then the connection drops.
        res.end(
          `retry: 50\r\n: keep-alive\r\n\r\nid: 1\r\ndata: ${evento("1", hourAgo)}\r\n\r\nid: 2\r\ndata: ${evento("2", new Date())}\r\n\r\n`,
        );
        // Missed while away, however old: news.
      } else res.write(`id: 3\r\ndata: ${evento("3", hourAgo)}\r\n\r\n`);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const sse = createApiClient(() => ({ baseUrl: `http://127.0.0.1:${port}`, token: "x" }));
    const seen: string[] = [];
    const stop = sse.followEventos("p", (e, live) =>
      seen.push(`${e.id}:${live ? "live" : "history"}`),
    );
    try {
      await until(async () => (seen.length === 3 ? true : undefined));
      expect(seen).toEqual(["1:history", "2:live", "3:live"]);
      expect(resumedFrom).toEqual([undefined, "2"]);
    } finally {
      stop();
      server.closeAllConnections();
      server.close();
    }
  });
});
