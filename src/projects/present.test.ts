import { describe, expect, it } from "vitest";
import { GLOBAL_SAAS } from "../blueprint";
import type { Passo } from "../contract/schemas";
import { translator } from "../i18n";
import { relativeTime } from "../ui/time";
import { projectsMessages } from "./i18n";
import { projectLayout } from "./layout";
import { deploymentProgress, describeEvento, stepsByResource } from "./present";

const t = translator(projectsMessages, "en");

const passo = (recurso: string, regiao: string, status: Passo["status"]): Passo => ({
  recurso,
  tipo: "compute",
  regiao,
  status,
  atualizado_em: "2026-11-25T00:00:00.000Z",
});

describe("project presentation", () => {
  it("groups steps by resource and counts progress", () => {
    const steps = [
      passo("a", "r1", "pronto"),
      passo("a", "r2", "provisionando"),
      passo("b", "r1", "pendente"),
    ];
    expect(
      stepsByResource(steps)
        .get("a")
        ?.map((s) => s.regiao),
    ).toEqual(["r1", "r2"]);
    expect(deploymentProgress(steps)).toEqual({ ready: 1, total: 3, fraction: 1 / 3 });
    expect(deploymentProgress([]).fraction).toBe(1);
  });

  it("describes events in English", () => {
    const em = "2026-11-25T00:00:00.000Z";
    expect(
      describeEvento(
        {
          id: "1",
          em,
          tipo: "implantacao",
          dados: { recurso: "api", regiao: "sa-east-1", status: "pronto" },
        },
        t,
      ),
    ).toBe("api in sa-east-1: ready");
    expect(
      describeEvento({ id: "2", em, tipo: "implantacao", dados: { status: "pronto" } }, t),
    ).toBe("Deployment finished");
  });

  it("describes zone drills and runbook practice", () => {
    const em = "2026-11-25T00:00:00.000Z";
    const ev = (tipo: "saude" | "teste-failover", dados: Record<string, unknown>) =>
      describeEvento({ id: "3", em, tipo, dados }, t);
    expect(ev("teste-failover", { fase: "inicio", regiao: "sa-east-1", zona: "sa-east-1b" })).toBe(
      "Failover drill started: sa-east-1b down",
    );
    expect(
      ev("saude", { evento: "falha-detectada", regiao: "sa-east-1", zona: "sa-east-1b" }),
    ).toBe("Zone sa-east-1b failed its health checks; its region keeps serving");
    expect(
      ev("teste-failover", { fase: "pratica-inicio", pratica: "p", cenarios: ["a", "b"] }),
    ).toBe("Runbook practice started: 2 scenarios to drill");
    expect(
      ev("teste-failover", {
        fase: "pratica-recusado",
        pratica: "p",
        cenario: "perda-regiao:us-east-1",
        codigo: "teste-inseguro",
      }),
    ).toBe("Runbook practice skipped the us-east-1 region drill (teste-inseguro)");
    expect(ev("teste-failover", { fase: "pratica-fim", pratica: "p" })).toBe(
      "Runbook practice finished",
    );
  });

  it("says how long ago", () => {
    const now = Date.parse("2026-11-25T01:00:00Z");
    expect(relativeTime("2026-11-25T00:59:58Z", now, "en")).toBe("now");
    expect(relativeTime("2026-11-25T00:30:00Z", now, "en")).toBe("30 minutes ago");
    expect(relativeTime("2026-11-25T00:30:00Z", now, "pt-BR")).toBe("há 30 minutos");
    expect(relativeTime("2026-11-23T01:00:00Z", now, "pt-BR")).toBe("anteontem");
  });

  it("places resources from saved positions, else in columns by role", () => {
    const withSaved = { ...GLOBAL_SAAS, diagrama: { posicoes: { "app-global": { x: 7, y: 9 } } } };
    const layout = projectLayout(withSaved);
    expect(layout.find((p) => p.nome === "app-global")).toEqual({ nome: "app-global", x: 7, y: 9 });
    const plain = projectLayout(GLOBAL_SAAS as unknown as Record<string, unknown>);
    const x = (n: string) => plain.find((p) => p.nome === n)?.x ?? -1;
    expect(x("global-dns")).toBeLessThan(x("app-global"));
    expect(x("app-global")).toBeLessThan(x("db-global"));
  });
});
