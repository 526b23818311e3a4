/**
 * The console's first module starts the Monitor's requests at once when the page opened is a
 * Monitor, and nothing anywhere else.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

function answering() {
  return vi.fn(async (url: string) => {
    const body = /\/v1\/projetos\/[^/]+$/.test(url)
      ? { id: "prj_1", status: "ativo", blueprint: { regioes: ["sa-east-1", "us-east-1"] } }
      : {};
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { "Content-Type": "application/json" },
    });
  });
}

/** The page's code itself is not under test here. */
const NoPage = () => null;

async function openAt(pathname: string) {
  const fetch = answering();
  vi.stubGlobal("location", { pathname });
  vi.stubGlobal("fetch", fetch);
  vi.resetModules();
  vi.doMock("./monitor/MonitorPage", () => ({ MonitorPage: NoPage }));
  await import("./boot");
  return fetch.mock.calls.map(([u]) => String(u));
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.doUnmock("./monitor/MonitorPage");
});

describe("boot", () => {
  it("on a Monitor, asks for the project, its state, SLOs, drills and series at once", async () => {
    const urls = await openAt("/projects/prj_1/monitor");
    expect(urls).toContain("/v1/projetos/prj_1");
    expect(urls).toContain("/v1/projetos/prj_1/estado");
    expect(urls).toContain("/v1/projetos/prj_1/slos");
    expect(urls).toContain("/v1/projetos/prj_1/testes-failover");
    // Every series in one request, asked for at once: its `*` needs no region list, so it does
    // not wait for the project's answer.
    const series = urls.filter((u) => u.includes("/metricas"));
    expect(series).toHaveLength(1);
    expect(series[0]).toMatch(/\/v1\/projetos\/prj_1\/metricas\/lote\?series=disponibilidade:\*,/);
  });

  it("elsewhere, asks for nothing", async () => {
    expect(await openAt("/designer")).toEqual([]);
    expect(await openAt("/projects/prj_1")).toEqual([]);
  });
});

describe("monitorProjectId", () => {
  it("reads the id off a Monitor's address only, without the router", async () => {
    const { monitorProjectId } = await import("./monitor/preload");
    expect(monitorProjectId("/projects/prj_1/monitor")).toBe("prj_1");
    expect(monitorProjectId("/projects/prj_1/monitor/")).toBe("prj_1");
    expect(monitorProjectId("/projects/a%20b/monitor")).toBe("a b");
    expect(monitorProjectId("/projects/%E0%A4%A/monitor")).toBeUndefined();
    expect(monitorProjectId("/projects/prj_1")).toBeUndefined();
    expect(monitorProjectId("/projects//monitor")).toBeUndefined();
    expect(monitorProjectId("/x/projects/prj_1/monitor")).toBeUndefined();
  });
});
