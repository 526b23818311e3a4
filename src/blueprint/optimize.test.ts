import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assess } from "./assess";
import { normalizeBlueprint } from "./normalize";
import { applyChanges, changesBetween, optimize } from "./optimize";
import { type Judged, judge } from "./optimizeBruteForce";
import type { Plano } from "./plans";
import { REGIONS } from "./regions";
import type { Blueprint } from "./schema";
import { GLOBAL_SAAS, TEMPLATES } from "./templates";
import { validateBlueprint } from "./validate";

const keyOf = (objetivo: string, j: Judged) => [
  ...(objetivo === "menor-custo"
    ? [j.custo]
    : objetivo === "menos-mudancas"
      ? [j.changes]
      : [-j.estimate]),
  j.changes,
  j.custo,
  -j.D,
  j.replicas,
];

const lexLess = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
};

describe("optimize on the seed page's Global SaaS", () => {
  const r = optimize(GLOBAL_SAAS, { plano: "enterprise" });

  it("says the design as written misses its policy, and meets it for $709.10 in two regions", () => {
    expect(r.atual).toEqual({ custo_max: 858, disponibilidade_estimada_pct: 99.99, atende: false });
    const cheapest = r.opcoes[0];
    expect(cheapest.objetivo).toBe("menor-custo");
    expect(cheapest.avaliacao.custo_mensal_usd.max).toBe(709.1);
    expect(cheapest.avaliacao.conformidade).toEqual([]);
    expect(cheapest.mudancas).toEqual([
      {
        ponteiro: "/regioes",
        de: ["sa-east-1", "us-east-1", "eu-central-1"],
        para: ["sa-east-1", "us-east-1"],
      },
      { ponteiro: "/recursos/0/config/replicas_min", de: 3, para: 4 },
    ]);
    // The blueprint as written, with just those two fields: no defaults written out.
    expect(cheapest.blueprint).toEqual({
      ...GLOBAL_SAAS,
      regioes: ["sa-east-1", "us-east-1"],
      recursos: GLOBAL_SAAS.recursos.map((x, i) =>
        i === 0 ? { ...x, config: { ...x.config, replicas_min: 4 } } : x,
      ),
    });
  });

  it("offers the three objectives in order; the fewest changes is two replicas per region", () => {
    expect(r.opcoes.map((o) => o.objetivo)).toEqual([
      "menor-custo",
      "menos-mudancas",
      "maior-disponibilidade",
    ]);
    // 3 → 6 replicas (two per region in three regions): one change, $858, 99.99 %.
    expect(r.opcoes[1].mudancas).toEqual([
      { ponteiro: "/recursos/0/config/replicas_min", de: 3, para: 6 },
    ]);
    expect(r.opcoes[1].avaliacao.custo_mensal_usd.max).toBe(858);
  });

  it("draws a frontier that is non-dominated and sorted, the policy met from $709.10 up", () => {
    const f = r.fronteira;
    expect(f.length).toBeGreaterThan(1);
    for (let i = 1; i < f.length; i++) {
      expect(f[i].custo_max).toBeGreaterThan(f[i - 1].custo_max);
      expect(f[i].disponibilidade_estimada_pct).toBeGreaterThan(
        f[i - 1].disponibilidade_estimada_pct,
      );
    }
    expect(f.find((p) => p.atende)?.custo_max).toBe(709.1);
  });
});

describe("optimize on every template", () => {
  for (const t of TEMPLATES)
    it(`${t.title}: every option qualifies and is its own blueprint with its changes`, () => {
      const r = optimize(t.blueprint, { plano: t.plano });
      expect(r.opcoes).toHaveLength(3);
      for (const o of r.opcoes) {
        const bp = o.blueprint as unknown as Blueprint;
        expect(validateBlueprint(bp, { plano: t.plano }).valido).toBe(true);
        expect(assess(normalizeBlueprint(bp), { plano: t.plano })).toEqual(o.avaliacao);
        expect(o.avaliacao.conformidade).toEqual([]);
        expect(applyChanges(t.blueprint, o.mudancas)).toEqual(o.blueprint);
        expect(changesBetween(normalizeBlueprint(t.blueprint), normalizeBlueprint(bp))).toEqual(
          o.mudancas,
        );
      }
    });
});

describe("when nothing qualifies", () => {
  it("names the constraint no candidate meets: an RTO below any failover", () => {
    const r = optimize({ ...GLOBAL_SAAS, politica: { rto_s: 8 } }, { plano: "enterprise" });
    expect(r.opcoes).toEqual([]);
    // The fastest detection (5 s × 1) plus promotion (6 s) is 11 s.
    expect(r.sem_opcao).toEqual({ codigo: "rto-acima-da-politica", melhor: 11 });
    expect(r.fronteira.every((p) => !p.atende)).toBe(true);
  });

  it("an RPO of zero across regions on a plan without synchronous replication", () => {
    const r = optimize({ ...GLOBAL_SAAS, politica: { rpo_s: 0 } }, { plano: "business" });
    expect(r.sem_opcao).toEqual({ codigo: "rpo-acima-da-politica", melhor: 2.5 });
  });

  it("an RPO of zero never blames replication in a design with no datastore", () => {
    const stateless: Blueprint = {
      nome: "Stateless",
      resiliencia: "multi-regiao",
      regioes: ["sa-east-1", "us-east-1"],
      recursos: [
        { tipo: "gateway", nome: "edge", config: { dominio: "app.example.com", tls: true } },
        {
          tipo: "compute",
          nome: "web",
          config: { subtipo: "web", replicas_min: 4, replicas_max: 8 },
        },
      ],
      politica: { rpo_s: 0, rto_s: 3, disponibilidade_pct: 99.99 },
    };
    const r = optimize(stateless, { plano: "business" });
    // Only multi-region designs reach 99.99 %; their fastest failover is 5 s × 1 + the 2 s shift.
    expect(r.sem_opcao).toEqual({ codigo: "rto-acima-da-politica", melhor: 7 });
  });

  it("an availability no design reaches, with the best there is", () => {
    const r = optimize(
      { ...GLOBAL_SAAS, politica: { disponibilidade_pct: 99.999 } },
      { plano: "enterprise" },
    );
    expect(r.sem_opcao?.codigo).toBe("disponibilidade-abaixo-da-politica");
    expect(r.sem_opcao?.melhor).toBe(99.99);
  });
});

/** Small designs whose whole candidate space can be enumerated: the reference of the search. */
const smallDesign: fc.Arbitrary<{ bp: Blueprint; plano: Plano }> = fc
  .record({
    first: fc.constantFrom(...REGIONS.map((r) => r.id)),
    level: fc.constantFrom("zona-unica", "multi-zona", "multi-regiao" as const),
    more: fc.subarray(
      REGIONS.map((r) => r.id),
      { maxLength: 3 },
    ),
    gateway: fc.boolean(),
    hc: fc.record({
      intervalo_s: fc.constantFrom(5, 10, 20, 30),
      falhas_para_failover: fc.constantFrom(1, 2, 3, 4),
    }),
    web: fc.record({
      replicas_min: fc.integer({ min: 1, max: 9 }),
      replicas_max: fc.integer({ min: 1, max: 12 }),
      cpu: fc.constantFrom(0.25, 0.5, 1, 2),
      memoria_mb: fc.constantFrom(256, 512, 2048),
    }),
    worker: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    datastore: fc.option(
      fc.record({
        ha: fc.boolean(),
        replicacao: fc.constantFrom("assincrona", "sincrona" as const),
        tamanho_gb: fc.integer({ min: 1, max: 500 }),
      }),
      { nil: undefined },
    ),
    archive: fc.option(fc.constantFrom("padrao", "fria" as const), { nil: undefined }),
    objetivo: fc.option(fc.constantFrom(99, 99.5, 99.9, 99.95, 99.99), { nil: undefined }),
    politica: fc.option(
      fc.record(
        {
          rto_s: fc.constantFrom(10, 20, 30, 45, 60, 120),
          rpo_s: fc.constantFrom(0, 1, 5),
          disponibilidade_pct: fc.constantFrom(99, 99.5, 99.9, 99.95, 99.99),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    plano: fc.constantFrom("starter", "business", "enterprise" as const),
  })
  .map((g) => {
    const recursos: Blueprint["recursos"] = [
      { tipo: "compute", nome: "web", config: { subtipo: "web", ...g.web } },
    ];
    if (g.worker)
      recursos.push({
        tipo: "compute",
        nome: "jobs",
        config: { subtipo: "worker", replicas_min: g.worker, replicas_max: g.worker + 1 },
      });
    if (g.datastore)
      recursos.push({
        tipo: "datastore",
        nome: "db",
        config: { engine: "postgres", ...g.datastore },
      });
    if (g.archive) recursos.push({ tipo: "archive", nome: "files", config: { classe: g.archive } });
    if (g.gateway)
      recursos.push({
        tipo: "gateway",
        nome: "edge",
        config: { dominio: "app.example.com", tls: true, health_check: g.hc },
      });
    if (g.objetivo)
      recursos.push({
        tipo: "insight",
        nome: "obs",
        config: {
          retencao_dias: 30,
          alertas: true,
          slos: [{ nome: "disp", sli: "disponibilidade", objetivo: g.objetivo, janela_dias: 28 }],
        },
      });
    const regioes = [g.first, ...g.more.filter((r) => r !== g.first)];
    const bp: Blueprint = {
      nome: "Small",
      resiliencia: g.level,
      regioes: g.level === "multi-regiao" ? regioes : [g.first],
      recursos,
      ...(g.politica ? { politica: g.politica } : {}),
    };
    return { bp, plano: g.plano };
  });

describe("optimize against the whole candidate space", () => {
  it("finds each objective's best, the exact frontier, and options that qualify", () => {
    fc.assert(
      fc.property(smallDesign, ({ bp, plano }) => {
        const r = optimize(bp, { plano });
        const all = judge(bp, plano);
        const qualifying = all.filter((j) => j.qualifies);
        expect(r.atual.atende).toBe(
          validateBlueprint(bp, { plano }).valido &&
            assess(normalizeBlueprint(bp), { plano }).conformidade.length === 0,
        );
        expect(r.opcoes.length).toBe(qualifying.length === 0 ? 0 : 3);
        for (const o of r.opcoes) {
          const mine = all.find(
            (j) =>
              JSON.stringify(j.bp) === JSON.stringify(normalizeBlueprint(o.blueprint as Blueprint)),
          );
          expect(mine?.qualifies).toBe(true);
          if (!mine) return;
          // Nothing that qualifies ranks before it under its objective's key.
          const better = qualifying.find((j) =>
            lexLess(keyOf(o.objetivo, j), keyOf(o.objetivo, mine)),
          );
          expect(better && changesBetween(normalizeBlueprint(bp), better.bp)).toBeUndefined();
          expect(o.mudancas.length).toBe(mine.changes);
          expect(applyChanges(bp, o.mudancas)).toEqual(o.blueprint);
        }
        // The frontier: the non-dominated points of everything that validates.
        const points = new Map<
          string,
          { custo_max: number; disponibilidade_estimada_pct: number; atende: boolean }
        >();
        for (const j of all.filter((x) => x.valid)) {
          const id = `${j.custo}|${j.estimate}`;
          const p = points.get(id);
          points.set(id, {
            custo_max: j.custo,
            disponibilidade_estimada_pct: j.estimate,
            atende: (p?.atende ?? false) || j.qualifies,
          });
        }
        const frontier = [...points.values()]
          .filter(
            (p) =>
              ![...points.values()].some(
                (q) =>
                  q.custo_max <= p.custo_max &&
                  q.disponibilidade_estimada_pct >= p.disponibilidade_estimada_pct &&
                  (q.custo_max < p.custo_max ||
                    q.disponibilidade_estimada_pct > p.disponibilidade_estimada_pct),
              ),
          )
          .sort((a, b) => a.custo_max - b.custo_max);
        expect(r.fronteira).toEqual(frontier);
      }),
      {
        numRuns: Number(process.env.OPTIMIZE_RUNS ?? 12),
        seed: Number(process.env.OPTIMIZE_SEED ?? 29),
      },
    );
  }, 120_000);
});
