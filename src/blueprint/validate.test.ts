import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { assess } from "./assess";
import { normalizeBlueprint } from "./normalize";
import { findRegion } from "./regions";
import { GLOBAL_SAAS, TEMPLATES } from "./templates";
import { validateBlueprint } from "./validate";

const here = dirname(fileURLToPath(import.meta.url));

/** The JSON block of the seed page, as the page prints it. */
function seedPageJson(text: string): string {
  const start = text.indexOf("json\n{") + "json\n".length;
  const end = text.indexOf("}Related");
  return text.slice(start, end + 1);
}

describe("the seed page's Global SaaS blueprint", () => {
  const pageText = readFileSync(join(here, "fixtures/multi-region-active-active.txt"), "utf8");
  const pageJson = seedPageJson(pageText);

  it("is valid with no finding at all, on every plan that allows multi-regiao", () => {
    const doc = JSON.parse(pageJson);
    expect(validateBlueprint(doc)).toEqual({ valido: true, problemas: [], blueprint: doc });
    expect(validateBlueprint(doc, { plano: "business" }).problemas).toEqual([]);
    expect(validateBlueprint(doc, { plano: "enterprise" }).problemas).toEqual([]);
  });

  it("is the Global SaaS template, key for key and in the same order", () => {
    expect(JSON.stringify(GLOBAL_SAAS)).toBe(JSON.stringify(JSON.parse(pageJson)));
  });

  it("reads the reference page exactly as it was published, byte for byte", () => {
    // The page's SHA-256 when it was copied in: any edit to the fixture fails here.
    const digest = createHash("sha256").update(pageText).digest("hex");
    expect(digest).toBe("e0b4584f16abce953f73c79857c03624ddfdc9845a33c113dc142f48a62fd824");
    expect(pageJson).toContain('"nome": "Global SaaS"');
  });
});

describe("templates", () => {
  it.each(TEMPLATES.map((t) => [t.title, t] as const))(
    "%s validates with no finding at all on its plan",
    (_t, t) => {
      const result = validateBlueprint(t.blueprint, { plano: t.plano });
      expect(result.problemas).toEqual([]);
      expect(result.valido).toBe(true);
    },
  );

  it("Fintech with BCDR needs the enterprise plan (synchronous replication)", () => {
    const fintech = TEMPLATES.find((t) => t.id === "fintech-bcdr");
    if (!fintech) throw new Error("no Fintech template");
    expect(
      validateBlueprint(fintech.blueprint, { plano: "business" }).problemas.map((f) => f.codigo),
    ).toEqual(["plano-insuficiente"]);
  });

  it("the seed's other use cases promise what the page sells them for", () => {
    const [fintech, media] = ["fintech-bcdr", "media-streaming"].map((id) => {
      const t = TEMPLATES.find((x) => x.id === id);
      if (!t) throw new Error(id);
      return { bp: normalizeBlueprint(t.blueprint), a: assess(normalizeBlueprint(t.blueprint)) };
    });
    // Fintech: no write lost anywhere, every loss recovered within its 30 s policy.
    expect([fintech.a.rpo_s, fintech.a.rto_s]).toEqual([0, 21]);
    expect(fintech.bp.recursos.find((r) => r.tipo === "sentinel")?.config).toMatchObject({
      modo: "bloqueio",
    });
    // Media: four regions on at least three continents, a latency SLO, request autoscale.
    const continents = new Set(media.bp.regioes.map((r) => findRegion(r)?.continent));
    expect(media.bp.regioes).toHaveLength(4);
    expect(continents.size).toBeGreaterThanOrEqual(3);
    const insight = media.bp.recursos.find((r) => r.tipo === "insight");
    expect(
      insight?.tipo === "insight" && insight.config.slos.some((s) => s.sli === "latencia"),
    ).toBe(true);
    expect(
      media.bp.recursos.filter((r) => r.tipo === "autoscale" && r.config.metrica === "rps"),
    ).toHaveLength(2);
  });

  it.each(TEMPLATES.filter((t) => t.blueprint !== GLOBAL_SAAS).map((t) => [t.title, t] as const))(
    "%s meets its own resilience policy",
    (_t, t) => {
      expect(assess(normalizeBlueprint(t.blueprint)).conformidade).toEqual([]);
    },
  );

  it("Global SaaS, the seed page's byte for byte, says the one way it misses its policy", () => {
    expect(assess(normalizeBlueprint(GLOBAL_SAAS)).conformidade.map((f) => f.codigo)).toEqual([
      "zona-unica-em-regiao",
    ]);
  });

  it("are the reference architectures and use cases of the seed page", () => {
    expect(TEMPLATES.map((t) => t.title)).toEqual([
      "Global SaaS",
      "Fintech with BCDR",
      "Media streaming platform",
      "Single-region web application",
      "Microservices on private Fabric",
      "Secure edge ingress",
    ]);
  });
});

describe("shape findings", () => {
  it("gives one finding per failing field, with exact pointers", () => {
    const input = {
      nome: "",
      resiliencia: "multi-regiao",
      recursos: [
        {
          tipo: "compute",
          nome: "App",
          config: { subtipo: "api", replicas_min: 0, replicas_max: 2.5 },
        },
        { tipo: "gateway", nome: "gw", config: { dominio: "localhost", tls: "yes" } },
        { tipo: "database", nome: "db", config: {} },
        { tipo: "fabric", nome: "net", config: { cidr: "10.0.0.0/30", extra: 1 } },
      ],
    };
    const shape = validateBlueprint(input).problemas.filter(
      (f) => f.codigo === "esquema" || f.codigo === "campo-desconhecido",
    );
    expect(shape.map((f) => [f.ponteiro, f.codigo])).toEqual([
      ["/nome", "esquema"],
      ["/recursos/0/nome", "esquema"],
      ["/recursos/0/config/subtipo", "esquema"],
      ["/recursos/0/config/replicas_min", "esquema"],
      ["/recursos/0/config/replicas_max", "esquema"],
      ["/recursos/1/config/dominio", "esquema"],
      ["/recursos/1/config/tls", "esquema"],
      ["/recursos/2/tipo", "esquema"],
      ["/recursos/3/config/cidr", "esquema"],
      ["/recursos/3/config/extra", "campo-desconhecido"],
    ]);
    for (const f of shape) expect(f.severidade).toBe("erro");
  });

  it("says what is missing and what is allowed", () => {
    const r = validateBlueprint({
      nome: "x",
      resiliencia: "multi-zona",
      recursos: [{ tipo: "compute", nome: "a", config: { subtipo: "web" } }],
    });
    const byPointer = Object.fromEntries(r.problemas.map((f) => [f.ponteiro, f.mensagem]));
    expect(byPointer["/recursos/0/config/replicas_min"]).toBe(
      'Required field "replicas_min" is missing.',
    );
    const bad = validateBlueprint({ nome: "x", resiliencia: "global", recursos: [] }).problemas;
    expect(bad.find((f) => f.ponteiro === "/resiliencia")?.mensagem).toBe(
      'Must be one of "zona-unica", "multi-zona", "multi-regiao"; got "global".',
    );
    expect(bad.find((f) => f.ponteiro === "/recursos")?.mensagem).toBe(
      "Must have at least 1 item.",
    );
  });

  it("refuses a document that is not an object, with the root pointer", () => {
    for (const input of [null, 42, "blueprint", [], true])
      expect(validateBlueprint(input).problemas).toEqual([
        expect.objectContaining({ ponteiro: "", codigo: "esquema", severidade: "erro" }),
      ]);
  });

  it("refuses unknown keys anywhere but under diagrama", () => {
    const input = structuredClone(GLOBAL_SAAS) as Record<string, unknown>;
    input.owner = "me";
    input.diagrama = { posicoes: { "app-global": { x: 1, y: 2, cor: "red" } }, zoom: 1.5 };
    const found = validateBlueprint(input).problemas;
    expect(found).toEqual([
      expect.objectContaining({ ponteiro: "/owner", codigo: "campo-desconhecido" }),
    ]);
  });

  it("refuses __proto__, constructor and prototype keys anywhere, once each", () => {
    const input = JSON.parse(
      '{"nome":"x","resiliencia":"zona-unica","__proto__":{"polluted":1},"recursos":[{"tipo":"archive","nome":"a","config":{"constructor":1}}],"diagrama":{"posicoes":{"prototype":{"x":1,"y":1}}}}',
    );
    const found = validateBlueprint(input).problemas.filter(
      (f) => f.codigo === "campo-desconhecido",
    );
    expect(found.map((f) => f.ponteiro).sort()).toEqual(
      ["/__proto__", "/diagrama/posicoes/prototype", "/recursos/0/config/constructor"].sort(),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("caps a blueprint at 500 resources and still judges each one", () => {
    const recursos = Array.from({ length: 501 }, (_, i) => ({
      tipo: "archive",
      nome: `a${i}`,
      config: i === 500 ? { classe: "quente" } : {},
    }));
    const found = validateBlueprint({ nome: "big", resiliencia: "zona-unica", recursos }).problemas;
    expect(found.map((f) => [f.ponteiro, f.codigo])).toEqual([
      ["/recursos/500/config/classe", "esquema"],
      ["/recursos", "esquema"],
    ]);
    expect(found[1].mensagem).toBe(
      "A blueprint has at most 500 resources; this one has 501. Split it into several projects.",
    );
    expect(
      validateBlueprint({ nome: "ok", resiliencia: "zona-unica", recursos: recursos.slice(0, 500) })
        .valido,
    ).toBe(true);
  });

  it("escapes pointer segments per RFC 6901", () => {
    const input = structuredClone(GLOBAL_SAAS) as Record<string, unknown>;
    input["a/b~c"] = 1;
    expect(validateBlueprint(input).problemas[0].ponteiro).toBe("/a~1b~0c");
  });

  it("never mutates its input", () => {
    const input = structuredClone(GLOBAL_SAAS);
    const before = JSON.stringify(input);
    validateBlueprint(input, { plano: "starter" });
    normalizeBlueprint(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it("still runs the rules when the shape is wrong elsewhere", () => {
    const input = structuredClone(GLOBAL_SAAS) as unknown as {
      recursos: { nome: string; config: Record<string, unknown> }[];
    };
    input.recursos[0].config.replicas_max = "twelve";
    input.recursos[1].nome = "app-global";
    const codes = validateBlueprint(input).problemas.map((f) => f.codigo);
    expect(codes).toEqual(expect.arrayContaining(["esquema", "nome-duplicado"]));
  });
});

describe("normalizeBlueprint", () => {
  it("fills every default of the contract without touching what was written", () => {
    const n = normalizeBlueprint(GLOBAL_SAAS);
    expect(n.regioes).toEqual(["sa-east-1", "us-east-1", "eu-central-1"]);
    expect(n.recursos[0].config).toEqual({
      subtipo: "web",
      replicas_min: 3,
      replicas_max: 12,
      porta: 8080,
      cpu: 1,
      memoria_mb: 512,
    });
    expect(n.recursos[1].config).toMatchObject({ replicacao: "assincrona" });
    expect(n.recursos[2].config).toMatchObject({
      health_check: { caminho: "/healthz", intervalo_s: 10, falhas_para_failover: 3 },
    });
    expect(n.recursos[3].config).toMatchObject({
      slos: [
        { sli: "disponibilidade", objetivo: 99.95, janela_dias: 28 },
        { sli: "latencia", objetivo: 99, janela_dias: 28, limiar_ms: 300 },
      ],
    });
    const single = normalizeBlueprint({ ...GLOBAL_SAAS, resiliencia: "multi-zona" });
    expect(single.regioes).toEqual(["sa-east-1"]);
  });
});
