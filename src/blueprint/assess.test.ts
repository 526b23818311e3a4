import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validBlueprintArb } from "./arbitraries";
import { type Avaliacao, assess, setAt, singlePointsOfFailure } from "./assess";
import { normalizeBlueprint } from "./normalize";
import { PLANS } from "./plans";
import { REGIONS } from "./regions";
import type { Blueprint } from "./schema";
import { GLOBAL_SAAS } from "./templates";
import { validateBlueprint } from "./validate";

const run = (bp: Blueprint) => assess(normalizeBlueprint(bp));
const clone = <T>(x: T): T => structuredClone(x);

const web = (nome: string, replicas_min: number, extra: object = {}) =>
  ({
    tipo: "compute",
    nome,
    config: { subtipo: "web", replicas_min, replicas_max: Math.max(replicas_min, 10), ...extra },
  }) as const;
const db = (nome: string, ha: boolean, extra: object = {}) =>
  ({
    tipo: "datastore",
    nome,
    config: { engine: "postgres", ha, tamanho_gb: 100, ...extra },
  }) as const;
const gw = {
  tipo: "gateway",
  nome: "edge",
  config: { dominio: "app.example.com", tls: true },
} as const;

function applyFix(bp: Blueprint, a: Avaliacao, codigo: string): Blueprint {
  const f = a.conformidade.find((x) => x.codigo === codigo);
  if (!f?.correcao) throw new Error(`no fix for ${codigo}`);
  const next = clone(bp);
  for (const c of f.correcao.mudancas) setAt(next, c.ponteiro, c.valor);
  return next;
}

describe("the seed page's Global SaaS", () => {
  const a = run(GLOBAL_SAAS);

  it("assesses to exactly the figures the contract gives", () => {
    expect(a.disponibilidade_estimada_pct.toFixed(4)).toBe("99.9900");
    expect(a.cenarios.filter((c) => c.tipo === "perda-regiao")).toEqual([
      {
        tipo: "perda-regiao",
        regiao: "sa-east-1",
        sobrevive: true,
        rto_s: 36,
        rpo_s: 2.5,
        destino: "us-east-1",
        latencia_extra_ms: 115,
        orcamento_gasto: 0.009921,
      },
      {
        tipo: "perda-regiao",
        regiao: "us-east-1",
        sobrevive: true,
        rto_s: 32,
        rpo_s: 0,
        destino: "eu-central-1",
        latencia_extra_ms: 98,
        orcamento_gasto: 0.008818,
      },
      {
        tipo: "perda-regiao",
        regiao: "eu-central-1",
        sobrevive: true,
        rto_s: 32,
        rpo_s: 0,
        destino: "us-east-1",
        latencia_extra_ms: 98,
        orcamento_gasto: 0.008818,
      },
    ]);
    expect(a.custo_mensal_usd.min).toBe(597.9);
    expect(a.custo_mensal_usd.max).toBe(858);
    expect(a).toMatchObject({ rto_s: 36, rpo_s: 2.5 });
  });

  it("loses a zone like a region (one replica per region), and says so with its fix", () => {
    expect(a.cenarios.filter((c) => c.tipo === "perda-zona").map((c) => c.rto_s)).toEqual([
      36, 32, 32,
    ]);
    expect(a.conformidade).toEqual([
      expect.objectContaining({
        codigo: "zona-unica-em-regiao",
        ponteiro: "/recursos/0/config/replicas_min",
        severidade: "aviso",
        correcao: {
          ponteiro: "/recursos/0/config/replicas_min",
          valor: 6,
          mudancas: [{ ponteiro: "/recursos/0/config/replicas_min", valor: 6 }],
        },
      }),
    ]);
    const fixed = run(applyFix(GLOBAL_SAAS, a, "zona-unica-em-regiao"));
    expect(fixed.conformidade).toEqual([]);
    // Two zones per region: a zone loss is caught in the region (detection, +6 s where the
    // in-region standby is promoted), and nothing is lost.
    expect(
      fixed.cenarios.filter((c) => c.tipo === "perda-zona").map((c) => [c.rto_s, c.rpo_s]),
    ).toEqual([
      [36, 0],
      [30, 0],
      [30, 0],
    ]);
  });

  it("applies the policy's defaults: RTO 60 s, RPO 5 s (async), the availability SLO", () => {
    expect(a.politica).toEqual({ rto_s: 60, rpo_s: 5, disponibilidade_pct: 99.95 });
  });

  it("prices each region with its multiplier and each resource once", () => {
    expect(a.custo_mensal_usd.por_regiao).toEqual([
      { regiao: "sa-east-1", min: 215.15, max: 314.6 },
      { regiao: "us-east-1", min: 165.5, max: 242 },
      { regiao: "eu-central-1", min: 182.05, max: 266.2 },
    ]);
    expect(a.custo_mensal_usd.por_recurso).toEqual([
      { nome: "app-global", min: 86.7, max: 346.8 },
      { nome: "db-global", min: 476, max: 476 },
      { nome: "global-dns", min: 20, max: 20 },
      { nome: "global-insight", min: 15.2, max: 15.2 },
    ]);
  });
});

describe("hand-computed designs", () => {
  it("single zone: nothing survives a loss, and the estimate is one region's stack", () => {
    const a = run({
      nome: "One",
      resiliencia: "zona-unica",
      recursos: [gw, web("api", 2), db("db", true)],
    });
    // zona-unica keeps everything in one zone: 0.9999 × 0.995 × 0.995.
    expect(a.disponibilidade_estimada_pct).toBe(98.9926);
    expect(a.cenarios.every((c) => !c.sobrevive && c.rto_s === null)).toBe(true);
    expect(a).toMatchObject({ rto_s: null, rpo_s: null });
    expect(a.politica.disponibilidade_pct).toBe(99.9); // no insight
    expect(a.conformidade.map((f) => [f.codigo, f.ponteiro])).toEqual([
      ["disponibilidade-abaixo-da-politica", "/resiliencia"],
    ]);
  });

  it("multi-zone: a zone loss is survived in the region, a region loss is not", () => {
    const a = run({
      nome: "Zones",
      resiliencia: "multi-zona",
      recursos: [gw, web("api", 2), db("db", true)],
    });
    // 0.9999 × 0.9995 × 0.9995
    expect(a.disponibilidade_estimada_pct).toBe(99.89);
    expect(a.cenarios).toEqual([
      {
        tipo: "perda-regiao",
        regiao: "sa-east-1",
        sobrevive: false,
        rto_s: null,
        rpo_s: null,
        destino: null,
        latencia_extra_ms: null,
        orcamento_gasto: null,
      },
      // No insight: the policy's 99.9 % over 28 days (2,419.2 s of budget); a third of the
      // region's traffic for 36 s is 12 s of it.
      {
        tipo: "perda-zona",
        regiao: "sa-east-1",
        sobrevive: true,
        rto_s: 36,
        rpo_s: 0,
        destino: "sa-east-1",
        latencia_extra_ms: 0,
        orcamento_gasto: 0.00496,
      },
    ]);
    expect(a).toMatchObject({ rto_s: 36, rpo_s: 0 });
  });

  it("multi-region without a datastore: the gateway shift alone, nothing to lose", () => {
    const a = run({
      nome: "Stateless",
      resiliencia: "multi-regiao",
      regioes: ["sa-east-1", "us-east-1"],
      recursos: [gw, web("api", 4)],
    });
    // 0.9999 × (1 − (1 − 0.9995)²)
    expect(a.disponibilidade_estimada_pct).toBe(99.99);
    expect(a.cenarios.map((c) => [c.tipo, c.rto_s, c.rpo_s])).toEqual([
      ["perda-regiao", 32, 0],
      ["perda-regiao", 32, 0],
      ["perda-zona", 30, 0],
      ["perda-zona", 30, 0],
    ]);
    expect(a.politica.rpo_s).toBe(0);
  });

  it("multi-region without a gateway cannot fail over", () => {
    const a = run({
      nome: "No edge",
      resiliencia: "multi-regiao",
      regioes: ["sa-east-1", "us-east-1"],
      recursos: [web("api", 4)],
    });
    expect(a.disponibilidade_estimada_pct).toBe(99.95);
    expect(a.cenarios.filter((c) => c.tipo === "perda-regiao").every((c) => !c.sobrevive)).toBe(
      true,
    );
  });

  it("synchronous replication loses nothing, and the default RPO policy is then 0", () => {
    const bp = clone(GLOBAL_SAAS);
    setAt(bp, "/recursos/1/config/replicacao", "sincrona");
    const a = run(bp);
    expect(a.cenarios.every((c) => c.rpo_s === 0)).toBe(true);
    expect(a.politica.rpo_s).toBe(0);
    expect(a.rpo_s).toBe(0);
  });

  it("archive classes: padrao 0.999 and 12 a region, fria 0.99 and 3", () => {
    const base = { nome: "Files", resiliencia: "zona-unica", recursos: [gw] } as const;
    const padrao = run({ ...base, recursos: [gw, { tipo: "archive", nome: "a", config: {} }] });
    const fria = run({
      ...base,
      recursos: [gw, { tipo: "archive", nome: "a", config: { classe: "fria" } }],
    });
    expect(padrao.disponibilidade_estimada_pct).toBe(99.89); // 0.9999 × 0.999 = 0.9989001
    expect(fria.disponibilidade_estimada_pct).toBe(98.9901); // 0.9999 × 0.99
    // sa-east-1 alone, multiplier 1.3; the gateway 20.
    expect(padrao.custo_mensal_usd.min).toBe(cents(12 * 1.3 + 20));
    expect(fria.custo_mensal_usd.min).toBe(cents(3 * 1.3 + 20));
  });

  it("sentinel rules: on the path globally, 15 + 5 a rule", () => {
    const a = run({
      nome: "Edge",
      resiliencia: "zona-unica",
      recursos: [
        gw,
        { tipo: "sentinel", nome: "waf", config: { regras: ["owasp-top10", "bots"] } },
      ],
    });
    expect(a.disponibilidade_estimada_pct).toBe(99.98); // 0.9999²
    expect(a.custo_mensal_usd.por_recurso).toContainEqual({ nome: "waf", min: 25, max: 25 });
  });

  it("workers, crons, insight and autoscale are off the request path", () => {
    const a = run({
      nome: "Jobs",
      resiliencia: "zona-unica",
      recursos: [
        gw,
        {
          tipo: "compute",
          nome: "jobs",
          config: { subtipo: "worker", replicas_min: 1, replicas_max: 2 },
        },
        { tipo: "autoscale", nome: "scale", config: { alvo: "jobs" } },
        { tipo: "insight", nome: "obs", config: { retencao_dias: 30, alertas: true } },
      ],
    });
    expect(a.disponibilidade_estimada_pct).toBe(99.99);
    // insight: 8 + 0.02 × 30 days × 4 resources
    expect(a.custo_mensal_usd.por_recurso).toContainEqual({ nome: "obs", min: 10.4, max: 10.4 });
  });
});

const cents = (x: number) => Math.round(x * 100) / 100;

describe("policies that pass and fail", () => {
  it("an RTO policy under the detection time: check more often, and the fix meets it", () => {
    const bp = { ...clone(GLOBAL_SAAS), politica: { rto_s: 30 } };
    const a = run(bp);
    const f = a.conformidade.find((x) => x.codigo === "rto-acima-da-politica");
    expect(f).toMatchObject({ ponteiro: "/recursos/2/config/health_check", severidade: "aviso" });
    expect(f?.mensagem).toBe(
      "Health checks every 10 s × 3 failures detect a region loss in 30 s, so RTO is 36 s > 30 s. Check every 8 s × 3 (RTO 30 s).",
    );
    const fixed = run(applyFix(bp, a, "rto-acima-da-politica"));
    expect(fixed.rto_s).toBe(30);
    expect(fixed.conformidade.some((x) => x.codigo === "rto-acima-da-politica")).toBe(false);
  });

  it("an RPO of zero with asynchronous replication: replicate synchronously", () => {
    const bp = { ...clone(GLOBAL_SAAS), politica: { rpo_s: 0 } };
    const a = run(bp);
    expect(a.conformidade.find((x) => x.codigo === "rpo-acima-da-politica")).toMatchObject({
      ponteiro: "/recursos/1/config/replicacao",
      correcao: { ponteiro: "/recursos/1/config/replicacao", valor: "sincrona" },
    });
    expect(
      run(applyFix(bp, a, "rpo-acima-da-politica")).conformidade.map((x) => x.codigo),
    ).not.toContain("rpo-acima-da-politica");
  });

  it("an availability target no change of zones or regions reaches names the ceiling and what sets it", () => {
    const bp = { ...clone(GLOBAL_SAAS), politica: { disponibilidade_pct: 99.995 } };
    const a = run(bp);
    const f = a.conformidade.find((x) => x.codigo === "disponibilidade-abaixo-da-politica");
    // 3, 4, … 7 regions with everything in two zones all estimate 99.9900 %: the gateway's
    // 0.9999 caps every request. No fix is offered, and no region is advised.
    expect(f?.ponteiro).toBe("/politica/disponibilidade_pct");
    expect(f?.mensagem).toBe(
      "The design is estimated at 99.9900 % < 99.995 %. No change of zones or regions reaches 99.995 %: the ceiling is 99.9900 %, set by global-dns (gateway) (99.99 % each), which every request passes through whatever the regions. Relax the policy to 99.9900 % or less.",
    );
    expect(f?.correcao).toBeUndefined();
  });

  it("offers the fewest zone changes that reach the target, raising replicas_max along", () => {
    // Two regions, one replica in each: 0.9999 × (1 − 0.005²) = 99.9875 %.
    const bp: Blueprint = {
      nome: "Two",
      resiliencia: "multi-regiao",
      regioes: ["sa-east-1", "us-east-1"],
      recursos: [gw, web("api", 2, { replicas_max: 3 })],
      politica: { disponibilidade_pct: 99.99 },
    };
    const a = run(bp);
    expect(a.disponibilidade_estimada_pct).toBe(99.9875);
    const f = a.conformidade.find((x) => x.codigo === "disponibilidade-abaixo-da-politica");
    // Two zones a region: 0.9999 × (1 − 0.0005²) = 99.9900 %, which meets 99.99.
    expect(f?.mensagem).toBe(
      "The design is estimated at 99.9875 % < 99.99 %. Set Minimum replicas (`replicas_min`) of api to 4 (2 per region) and Maximum replicas (`replicas_max`) to 4 (estimate 99.9900 %).",
    );
    expect(f?.correcao?.mudancas).toEqual([
      { ponteiro: "/recursos/1/config/replicas_min", valor: 4 },
      { ponteiro: "/recursos/1/config/replicas_max", valor: 4 },
    ]);
    const fixed = run(applyFix(bp, a, "disponibilidade-abaixo-da-politica"));
    expect(fixed.disponibilidade_estimada_pct).toBe(99.99);
    expect(fixed.conformidade).toEqual([]);
  });

  it("advises regions when zones alone cannot reach the target, and names what the design lacks", () => {
    const bp: Blueprint = {
      nome: "One",
      resiliencia: "zona-unica",
      recursos: [gw, web("api", 2), db("db", true)],
      politica: { disponibilidade_pct: 99.9 },
    };
    const f = run(bp).conformidade.find((x) => x.codigo === "disponibilidade-abaixo-da-politica");
    // Multi-zone at best: 0.9999 × 0.9995² = 99.89 %; two regions: 0.9999 × (1 − (1 − 0.9995²)²).
    expect(f?.mensagem).toBe(
      "The design is estimated at 98.9926 % < 99.9 %. Choose multi-region (`multi-regiao`) with 2 regions, with every compute and datastore in two zones of each region (estimate 99.9899 %).",
    );
    expect(f?.correcao).toBeUndefined();
    // Without a gateway, 0.9995² = 99.90 % in one region; two regions need one to fail over.
    const noGateway = run({
      ...bp,
      recursos: [web("api", 2), db("db", true)],
      politica: { disponibilidade_pct: 99.95 },
    });
    expect(
      noGateway.conformidade.find((x) => x.codigo === "disponibilidade-abaixo-da-politica")
        ?.mensagem,
    ).toContain("with 2 regions and a gateway,");
  });

  it("a policy the design meets gives no conformance finding of its own", () => {
    const bp = {
      ...clone(GLOBAL_SAAS),
      politica: { rto_s: 40, rpo_s: 3, disponibilidade_pct: 99.9 },
    };
    const codes = run(bp).conformidade.map((f) => f.codigo);
    expect(codes).toEqual(["zona-unica-em-regiao"]);
  });
});

describe("single points of failure", () => {
  it("are the on-path computes and datastores that live in one zone", () => {
    expect([...singlePointsOfFailure(normalizeBlueprint(GLOBAL_SAAS))]).toEqual([0]);
  });
});

const multiRegionArb = validBlueprintArb.filter(
  (b) => b.resiliencia === "multi-regiao" && (b.regioes?.length ?? 3) < REGIONS.length,
);

describe("properties", () => {
  it("an offered fix never adds an error and removes the finding it was offered for", () => {
    const policyArb = fc.record(
      {
        rto_s: fc.integer({ min: 1, max: 120 }),
        rpo_s: fc.constantFrom(0, 1, 2.5, 5),
        disponibilidade_pct: fc.constantFrom(99, 99.5, 99.9, 99.95, 99.99, 99.995),
      },
      { requiredKeys: [] },
    );
    let offered = 0;
    fc.assert(
      fc.property(
        validBlueprintArb,
        policyArb,
        fc.option(fc.constantFrom(...PLANS), { nil: undefined }),
        (bp, politica, plano) => {
          const input = { ...clone(bp), politica };
          const errors = (b: Blueprint) =>
            validateBlueprint(b, { plano })
              .problemas.filter((f) => f.severidade === "erro")
              .map((f) => `${f.codigo} ${f.ponteiro}`);
          const before = new Set(errors(input));
          const a = assess(normalizeBlueprint(input), { plano });
          for (const f of a.conformidade) {
            if (!f.correcao) continue;
            offered++;
            const fixed = clone(input);
            for (const c of f.correcao.mudancas) setAt(fixed, c.ponteiro, c.valor);
            expect(
              errors(fixed).filter((e) => !before.has(e)),
              f.mensagem,
            ).toEqual([]);
            const after = assess(normalizeBlueprint(fixed), { plano }).conformidade;
            const still =
              f.codigo === "zona-unica-em-regiao"
                ? after.some((g) => g.codigo === f.codigo && g.ponteiro === f.ponteiro)
                : after.some((g) => g.codigo === f.codigo);
            expect(still, f.mensagem).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
    // The property was exercised, not passed vacuously.
    expect(offered).toBeGreaterThan(100);
  });

  it("adding a region (replicas per region kept) never lowers the estimate", () => {
    fc.assert(
      fc.property(multiRegionArb, (bp) => {
        const n = normalizeBlueprint(bp);
        const R = n.regioes.length;
        const added = REGIONS.find((r) => !n.regioes.includes(r.id));
        fc.pre(added !== undefined);
        const next = clone(bp);
        next.regioes = [...n.regioes, added?.id ?? ""];
        let fits = true;
        for (const r of next.recursos)
          if (r.tipo === "compute") {
            const perRegion = Math.max(1, Math.floor(r.config.replicas_min / R));
            r.config.replicas_min = perRegion * (R + 1);
            r.config.replicas_max = Math.max(r.config.replicas_max, r.config.replicas_min);
            if (r.config.replicas_max > 100) fits = false;
          }
        fc.pre(fits);
        expect(run(next).disponibilidade_estimada_pct).toBeGreaterThanOrEqual(
          run(bp).disponibilidade_estimada_pct,
        );
      }),
    );
  });

  it("raising replicas_min never lowers the estimate, and costs more", () => {
    fc.assert(
      fc.property(validBlueprintArb, fc.nat(), (bp, pick) => {
        const computes = bp.recursos.flatMap((r, i) => (r.tipo === "compute" ? [i] : []));
        fc.pre(computes.length > 0);
        const i = computes[pick % computes.length];
        const next = clone(bp);
        const c = next.recursos[i];
        if (c.tipo !== "compute") return;
        fc.pre(c.config.replicas_min < 100);
        c.config.replicas_min += 1;
        c.config.replicas_max = Math.max(c.config.replicas_max, c.config.replicas_min);
        const before = run(bp);
        const after = run(next);
        expect(after.disponibilidade_estimada_pct).toBeGreaterThanOrEqual(
          before.disponibilidade_estimada_pct,
        );
        expect(after.custo_mensal_usd.min).toBeGreaterThan(before.custo_mensal_usd.min);
      }),
    );
  });

  it("a shorter health-check interval never raises the RTO", () => {
    fc.assert(
      fc.property(
        validBlueprintArb,
        fc.integer({ min: 5, max: 300 }),
        fc.integer({ min: 5, max: 300 }),
        (bp, x, y) => {
          const gateway = bp.recursos.findIndex((r) => r.tipo === "gateway");
          fc.pre(gateway >= 0);
          const withInterval = (s: number) => {
            const next = clone(bp);
            setAt(next, `/recursos/${gateway}/config/health_check/intervalo_s`, s);
            return run(next);
          };
          const [short, long] = [Math.min(x, y), Math.max(x, y)];
          const a = withInterval(short);
          const b = withInterval(long);
          // The interval moves how fast a loss is caught, never whether it is survived.
          expect(a.cenarios.map((c) => c.sobrevive)).toEqual(b.cenarios.map((c) => c.sobrevive));
          expect(a.rto_s === null).toBe(b.rto_s === null);
          // Designs that survive nothing have no RTO to compare: drawn again, not passed.
          fc.pre(a.rto_s !== null && b.rto_s !== null);
          expect(a.rto_s).toBeLessThanOrEqual(b.rto_s as number);
          a.cenarios.forEach((c, i) => {
            if (c.rto_s !== null)
              expect(c.rto_s).toBeLessThanOrEqual(b.cenarios[i].rto_s as number);
          });
        },
      ),
    );
  });

  it("every replica of replicas_max costs more at the top of the range", () => {
    fc.assert(
      fc.property(validBlueprintArb, (bp) => {
        const i = bp.recursos.findIndex((r) => r.tipo === "compute");
        fc.pre(i >= 0);
        const next = clone(bp);
        const c = next.recursos[i];
        if (c.tipo !== "compute") return;
        fc.pre(c.config.replicas_max < 100);
        c.config.replicas_max += 1;
        expect(run(next).custo_mensal_usd.max).toBeGreaterThan(run(bp).custo_mensal_usd.max);
      }),
    );
  });
});
