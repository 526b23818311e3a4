import { describe, expect, it } from "vitest";
import { loadLocale } from "../../i18n";
import { normalizeBlueprint } from "../normalize";
import type { Blueprint } from "../schema";
import { GLOBAL_SAAS, TEMPLATES } from "../templates";
import { runbookMarkdown } from "./markdown";
import {
  buildRunbook,
  type DrillEvidence,
  parseScenarioId,
  planDrill,
  runbookSummary,
  scenarioId,
  scenarioName,
  scenarioNameOfId,
  statusName,
} from "./runbook";

const saas = normalizeBlueprint(GLOBAL_SAAS);
const T0 = Date.parse("2026-12-01T00:00:00Z");

function evidence(cenario: string, over: Partial<DrillEvidence> = {}): DrillEvidence {
  const rb = buildRunbook(saas);
  const c = rb.cenarios.find((x) => x.id === cenario);
  if (!c) throw new Error(cenario);
  return {
    id: `tf_${cenario}`,
    cenario,
    terminado_em: T0,
    versao: 1,
    rto_s: c.estimado.rto_s,
    rpo_s: c.estimado.rpo_s,
    estimado: { ...c.estimado },
    ...over,
  };
}

const multiZone: Blueprint = {
  nome: "One region, two zones",
  resiliencia: "multi-zona",
  regioes: ["eu-central-1"],
  recursos: [
    { tipo: "gateway", nome: "gw", config: { dominio: "a.example.com", tls: true } },
    { tipo: "compute", nome: "web", config: { subtipo: "web", replicas_min: 2, replicas_max: 4 } },
    { tipo: "datastore", nome: "db", config: { engine: "postgres", ha: true, tamanho_gb: 10 } },
  ],
};

describe("buildRunbook", () => {
  it("lists every region loss, then every zone-a loss, in regioes order", () => {
    const rb = buildRunbook(saas, { agora: T0 });
    expect(rb.cenarios.map((c) => c.id)).toEqual([
      "perda-regiao:sa-east-1",
      "perda-regiao:us-east-1",
      "perda-regiao:eu-central-1",
      "perda-zona:sa-east-1a",
      "perda-zona:us-east-1a",
      "perda-zona:eu-central-1a",
    ]);
    expect(rb.cenarios.every((c) => c.status === "nunca-testado")).toBe(true);
    expect(rb.testado).toBe(false);
    expect(rb.validade_teste_dias).toBe(90);
    expect(rb.projeto).toBeNull();
  });

  it("writes the steps of losing the primary's region, with the §8 destination", () => {
    const [sa, us] = buildRunbook(saas).cenarios;
    expect(sa.estimado).toEqual({ rto_s: 36, rpo_s: 2.5 });
    expect(sa.passos.map(({ descricao: _, ...p }) => p)).toEqual([
      { ordem: 1, acao: "detectar", automatico: true, apos_s: 30, recurso: "global-dns" },
      { ordem: 2, acao: "desviar-trafego", automatico: true, apos_s: 32, regiao: "us-east-1" },
      {
        ordem: 3,
        acao: "promover-replica",
        automatico: true,
        apos_s: 36,
        recurso: "db-global",
        regiao: "us-east-1",
      },
      { ordem: 4, acao: "verificar", automatico: false, apos_s: null },
      { ordem: 5, acao: "retornar", automatico: false, apos_s: null },
    ]);
    expect(sa.passos[0].descricao).toBe(
      "global-dns's health checks every 10 s × 3 failures declare the loss after 30 s.",
    );
    // Losing us-east-1 sends its traffic to Frankfurt and promotes nothing.
    expect(us.passos.map((p) => [p.acao, p.regiao])).toEqual([
      ["detectar", undefined],
      ["desviar-trafego", "eu-central-1"],
      ["verificar", undefined],
      ["retornar", undefined],
    ]);
  });

  it("gives a zone loss that takes its region out that region's steps", () => {
    const rb = buildRunbook(saas);
    const region = rb.cenarios[0];
    const zone = rb.cenarios[3];
    expect(zone.estimado).toEqual(region.estimado);
    expect(zone.passos).toEqual(region.passos);
  });

  it("keeps a region in rotation when every on-path resource spans two zones", () => {
    const rb = buildRunbook(normalizeBlueprint(multiZone));
    const [region, zone] = rb.cenarios;
    expect(region.status).toBe("sem-failover");
    expect(region.passos).toEqual([]);
    expect(zone.estimado).toEqual({ rto_s: 36, rpo_s: 0 });
    expect(zone.passos.map((p) => [p.acao, p.apos_s, p.regiao])).toEqual([
      ["detectar", 30, undefined],
      ["promover-replica", 36, "eu-central-1"],
      ["verificar", null, undefined],
    ]);
    // A design that cannot fail over somewhere is not BCDR-ready, whatever its drills say.
    const proven = buildRunbook(normalizeBlueprint(multiZone), {
      agora: T0,
      testes: [
        {
          id: "z",
          cenario: "perda-zona:eu-central-1a",
          terminado_em: T0,
          versao: 1,
          rto_s: 36,
          rpo_s: 0,
          estimado: { rto_s: 36, rpo_s: 0 },
        },
      ],
    });
    expect(proven.cenarios[1].status).toBe("testado");
    expect(proven.testado).toBe(false);
  });

  describe("status", () => {
    const status = (testes: DrillEvidence[], bp = saas, agora = T0, clock = 1) =>
      buildRunbook(bp, { agora, clock, testes }).cenarios[0].status;
    const id = "perda-regiao:sa-east-1";

    it("is testado with a fresh drill that met the policy", () => {
      expect(status([evidence(id)])).toBe("testado");
    });

    it("is desatualizado when the estimate moved, whatever the measurement", () => {
      const faster = normalizeBlueprint({
        ...GLOBAL_SAAS,
        recursos: GLOBAL_SAAS.recursos.map((r) =>
          r.tipo === "gateway"
            ? {
                ...r,
                config: {
                  ...r.config,
                  health_check: { intervalo_s: 5, falhas_para_failover: 3 },
                },
              }
            : r,
        ),
      });
      expect(status([evidence(id)], faster)).toBe("desatualizado");
    });

    it("keeps its evidence when only the layout or the name changed", () => {
      const moved = normalizeBlueprint({
        ...GLOBAL_SAAS,
        nome: "Renamed",
        diagrama: { posicoes: { "app-global": { x: 400, y: 10 } } },
      });
      expect(status([evidence(id)], moved)).toBe("testado");
    });

    it("is reprovado when the drill measured more than today's policy allows", () => {
      const strict = normalizeBlueprint({ ...GLOBAL_SAAS, politica: { rto_s: 35 } });
      expect(status([evidence(id)], strict)).toBe("reprovado");
      expect(status([evidence(id, { rpo_s: 6 })])).toBe("reprovado");
    });

    it("is vencido past the policy's validity, in simulated days", () => {
      const day = 86_400_000;
      expect(status([evidence(id)], saas, T0 + 90 * day)).toBe("testado");
      expect(status([evidence(id)], saas, T0 + 90 * day + 1000)).toBe("vencido");
      // At a 60× clock, 90 simulated days pass in a day and a half.
      expect(status([evidence(id)], saas, T0 + 1.6 * day, 60)).toBe("vencido");
      const shortLived = normalizeBlueprint({
        ...GLOBAL_SAAS,
        politica: { validade_teste_dias: 1 },
      });
      expect(status([evidence(id)], shortLived, T0 + 2 * day)).toBe("vencido");
    });

    it("judges the latest drill of the scenario only", () => {
      const old = evidence(id, { id: "old", rto_s: 99, terminado_em: T0 - 1000 });
      const fresh = evidence(id, { id: "new" });
      expect(status([fresh, old])).toBe("testado");
      expect(status([old, fresh])).toBe("testado");
      const rb = buildRunbook(saas, { agora: T0, testes: [old] });
      expect(rb.cenarios[0].teste?.id).toBe("old");
    });

    it("makes the runbook testado when every scenario is", () => {
      const rb = buildRunbook(saas);
      const all = rb.cenarios.map((c) => evidence(c.id));
      const proven = buildRunbook(saas, { agora: T0, testes: all });
      expect(proven.testado).toBe(true);
      expect(runbookSummary(proven)).toBe("BCDR-ready: all 6 scenarios tested.");
    });
  });

  it("says in one sentence what is missing", () => {
    const rb = buildRunbook(saas, {
      agora: T0,
      testes: ["perda-regiao:sa-east-1", "perda-regiao:us-east-1"].map((c) => evidence(c)),
    });
    expect(runbookSummary(rb)).toBe(
      "Not BCDR-ready: 2 of 6 scenarios tested; Frankfurt region loss never tested, São Paulo zone loss (sa-east-1a) never tested, Ashburn zone loss (us-east-1a) never tested, and 1 more.",
    );
  });
});

describe("scenarioNameOfId", () => {
  it("names a scenario from its id", () => {
    expect(scenarioNameOfId("perda-regiao:us-east-1")).toBe("Ashburn region loss");
    expect(scenarioNameOfId("perda-zona:sa-east-1a")).toBe("São Paulo zone loss (sa-east-1a)");
  });

  it("reads back what scenarioId wrote", () => {
    for (const [regiao, zona] of [
      ["us-east-1", null],
      ["eu-central-1", "eu-central-1a"],
    ] as const)
      expect(parseScenarioId(scenarioId(regiao, zona))).toEqual({ regiao, zona });
  });
});

describe("planDrill", () => {
  it("estimates zones b and c by whether a web compute has replicas there", () => {
    expect(planDrill(saas, "sa-east-1", "sa-east-1b").estimado).toEqual({
      rto_s: 0,
      rpo_s: 0,
      orcamento_gasto: 0,
    });
    const mz = normalizeBlueprint(multiZone);
    expect(planDrill(mz, "eu-central-1", "eu-central-1c")).toMatchObject({
      cenario: "perda-zona:eu-central-1c",
      regionOut: false,
      estimado: { rto_s: 30, rpo_s: 0 },
    });
  });

  it("takes the region out for a zone-a loss only when a single-zone resource lives there", () => {
    expect(planDrill(saas, "us-east-1", "us-east-1a")).toMatchObject({
      regionOut: true,
      destino: "eu-central-1",
      estimado: { rto_s: 32, rpo_s: 0 },
    });
    expect(planDrill(normalizeBlueprint(multiZone), "eu-central-1", "eu-central-1a")).toMatchObject(
      { regionOut: false, promotesInRegion: true, estimado: { rto_s: 36, rpo_s: 0 } },
    );
  });
});

describe("runbookMarkdown", () => {
  it("names every scenario with its status, and every step", () => {
    const rb = buildRunbook(saas, { agora: T0, testes: [evidence("perda-regiao:sa-east-1")] });
    const md = runbookMarkdown(rb);
    expect(md.startsWith("# Runbook: Global SaaS\n")).toBe(true);
    for (const c of rb.cenarios) {
      expect(md).toContain(`| ${scenarioName(c)} | ${statusName(c.status)} |`);
      expect(md).toContain(`## ${scenarioName(c)}\n`);
    }
    expect(md).toContain("| 3 | Promote replica | automatic | 36 s |");
    expect(md).toContain("Evidence: drill `tf_perda-regiao:sa-east-1` (version 1)");
  });

  it("speaks Portuguese and escapes a name that looks like markup", async () => {
    await loadLocale("pt-BR");
    const rb = buildRunbook(normalizeBlueprint({ ...GLOBAL_SAAS, nome: "SaaS | *global*" }), {
      agora: T0,
    });
    const md = runbookMarkdown(rb, "pt-BR");
    expect(md.startsWith("# Runbook: SaaS \\| \\*global\\*\n")).toBe(true);
    expect(md).toContain("| Perda da região São Paulo | nunca testado | 36 s | 2,5 s | — |");
    expect(md).toContain("Não está pronto para BCDR: 0 de 6 cenários testados");
  });
});

describe("the templates' runbooks", () => {
  it("are made for every template without throwing", () => {
    for (const t of TEMPLATES) {
      const rb = buildRunbook(normalizeBlueprint(t.blueprint));
      expect(rb.cenarios.length).toBe(2 * normalizeBlueprint(t.blueprint).regioes.length);
    }
  });
});
