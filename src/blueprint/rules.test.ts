import { describe, expect, it } from "vitest";
import { FINDING_CODES, type Finding, type FindingCode } from "./findings";
import type { Blueprint } from "./schema";
import { GLOBAL_SAAS } from "./templates";
import { type ValidateOptions, validateBlueprint } from "./validate";

/** A fresh copy of the seed blueprint, edited by `edit`. */
function seedWith(edit: (b: Blueprint & Record<string, unknown>) => void): unknown {
  const b = structuredClone(GLOBAL_SAAS) as Blueprint & Record<string, unknown>;
  edit(b);
  return b;
}
const cfg = (b: Blueprint, i: number) => b.recursos[i].config as Record<string, unknown>;

function findings(input: unknown, code: FindingCode, options?: ValidateOptions): Finding[] {
  return validateBlueprint(input, options).problemas.filter((f) => f.codigo === code);
}

interface RuleCase {
  code: FindingCode;
  severity: "erro" | "aviso";
  pointer: string;
  failing: unknown;
  passing: unknown;
  options?: ValidateOptions;
}

const cases: RuleCase[] = [
  {
    code: "esquema",
    severity: "erro",
    pointer: "/recursos/0/config/replicas_min",
    failing: seedWith((b) => {
      cfg(b, 0).replicas_min = "three";
    }),
    passing: seedWith((b) => {
      cfg(b, 0).replicas_min = 3;
    }),
  },
  {
    code: "campo-desconhecido",
    severity: "erro",
    pointer: "/recursos/0/config/replicas",
    failing: seedWith((b) => {
      cfg(b, 0).replicas = 3;
    }),
    passing: seedWith((b) => {
      cfg(b, 0).replicas_max = 12;
    }),
  },
  {
    code: "nome-duplicado",
    severity: "erro",
    pointer: "/recursos/1/nome",
    failing: seedWith((b) => {
      b.recursos[1].nome = "app-global";
    }),
    passing: seedWith((b) => {
      b.recursos[1].nome = "db-other";
    }),
  },
  {
    code: "replicas-invalidas",
    severity: "erro",
    pointer: "/recursos/0/config/replicas_min",
    failing: seedWith((b) => {
      cfg(b, 0).replicas_min = 13;
    }),
    passing: seedWith((b) => {
      cfg(b, 0).replicas_min = 12;
    }),
  },
  {
    code: "replicas-por-regiao",
    severity: "erro",
    pointer: "/recursos/0/config/replicas_min",
    // default multi-regiao regions are three
    failing: seedWith((b) => {
      cfg(b, 0).replicas_min = 2;
    }),
    passing: seedWith((b) => {
      cfg(b, 0).replicas_min = 2;
      b.regioes = ["sa-east-1", "us-east-1"];
    }),
  },
  {
    code: "replicas-multi-zona",
    severity: "erro",
    pointer: "/recursos/0/config/replicas_min",
    failing: seedWith((b) => {
      b.resiliencia = "multi-zona";
      cfg(b, 0).replicas_min = 1;
    }),
    passing: seedWith((b) => {
      b.resiliencia = "multi-zona";
      cfg(b, 0).replicas_min = 2;
    }),
  },
  {
    code: "multi-regiao-sem-gateway",
    severity: "erro",
    pointer: "/resiliencia",
    failing: seedWith((b) => {
      b.recursos.splice(2, 1);
    }),
    passing: seedWith((b) => {
      b.resiliencia = "multi-zona";
      b.recursos.splice(2, 1);
    }),
  },
  {
    code: "datastore-sem-ha",
    severity: "erro",
    pointer: "/recursos/1/config/ha",
    failing: seedWith((b) => {
      cfg(b, 1).ha = false;
    }),
    passing: seedWith((b) => {
      b.resiliencia = "zona-unica";
      cfg(b, 1).ha = false;
    }),
  },
  {
    code: "regioes-insuficientes",
    severity: "erro",
    pointer: "/regioes",
    failing: seedWith((b) => {
      b.regioes = ["us-east-1"];
    }),
    passing: seedWith((b) => {
      b.regioes = ["us-east-1", "eu-central-1", "ap-northeast-1"];
    }),
  },
  {
    code: "regioes-insuficientes",
    severity: "erro",
    pointer: "/regioes",
    failing: seedWith((b) => {
      b.resiliencia = "multi-zona";
      b.regioes = ["us-east-1", "eu-central-1"];
    }),
    passing: seedWith((b) => {
      b.resiliencia = "multi-zona";
      b.regioes = ["eu-central-1"];
    }),
  },
  {
    code: "regiao-desconhecida",
    severity: "erro",
    pointer: "/regioes/1",
    failing: seedWith((b) => {
      b.regioes = ["sa-east-1", "mars-north-1", "eu-central-1"];
    }),
    passing: seedWith((b) => {
      b.regioes = ["sa-east-1", "ap-southeast-1", "eu-central-1"];
    }),
  },
  {
    code: "regioes-mesmo-continente",
    severity: "aviso",
    pointer: "/regioes",
    failing: seedWith((b) => {
      b.regioes = ["eu-central-1", "eu-south-1"];
      cfg(b, 0).replicas_min = 2;
    }),
    passing: seedWith((b) => {
      b.regioes = ["eu-central-1", "us-east-1"];
      cfg(b, 0).replicas_min = 2;
    }),
  },
  {
    code: "referencia-inexistente",
    severity: "erro",
    pointer: "/recursos/0/conexoes/0",
    failing: seedWith((b) => {
      b.recursos[0].conexoes = ["db-glboal"];
    }),
    passing: seedWith((b) => {
      b.recursos[0].conexoes = ["db-global"];
    }),
  },
  {
    code: "referencia-inexistente",
    severity: "erro",
    pointer: "/recursos/4/config/alvo",
    failing: seedWith((b) => {
      b.recursos.push({ tipo: "autoscale", nome: "scale", config: { alvo: "db-global" } });
    }),
    passing: seedWith((b) => {
      b.recursos.push({ tipo: "autoscale", nome: "scale", config: { alvo: "app-global" } });
    }),
  },
  {
    code: "referencia-inexistente",
    severity: "erro",
    pointer: "/recursos/1/config/fabric",
    failing: seedWith((b) => {
      cfg(b, 1).fabric = "private-net";
    }),
    passing: seedWith((b) => {
      cfg(b, 1).fabric = "private-net";
      b.recursos.push({ tipo: "fabric", nome: "private-net", config: {} });
    }),
  },
  {
    code: "conexao-invalida",
    severity: "erro",
    pointer: "/recursos/1/conexoes/0",
    failing: seedWith((b) => {
      b.recursos[1].conexoes = ["app-global"];
    }),
    passing: seedWith((b) => {
      b.recursos[0].conexoes = ["db-global"];
    }),
  },
  {
    code: "conexao-invalida",
    severity: "erro",
    pointer: "/recursos/4/conexoes/0",
    // autoscale → compute must name the same compute as alvo
    failing: seedWith((b) => {
      b.recursos.push({
        tipo: "compute",
        nome: "worker",
        config: { subtipo: "worker", replicas_min: 3, replicas_max: 3 },
      });
      b.recursos.splice(4, 0, {
        tipo: "autoscale",
        nome: "scale",
        config: { alvo: "app-global" },
        conexoes: ["worker"],
      });
    }),
    passing: seedWith((b) => {
      b.recursos.push({
        tipo: "compute",
        nome: "worker",
        config: { subtipo: "worker", replicas_min: 3, replicas_max: 3 },
      });
      b.recursos.splice(4, 0, {
        tipo: "autoscale",
        nome: "scale",
        config: { alvo: "worker" },
        conexoes: ["worker"],
      });
    }),
  },
  {
    code: "plano-insuficiente",
    severity: "erro",
    pointer: "/resiliencia",
    options: { plano: "starter" },
    failing: GLOBAL_SAAS,
    passing: seedWith((b) => {
      b.resiliencia = "multi-zona";
    }),
  },
  {
    code: "plano-insuficiente",
    severity: "erro",
    pointer: "/recursos/1/config/replicacao",
    options: { plano: "business" },
    failing: seedWith((b) => {
      cfg(b, 1).replicacao = "sincrona";
    }),
    passing: seedWith((b) => {
      cfg(b, 1).replicacao = "assincrona";
    }),
  },
  {
    code: "gateway-sem-tls",
    severity: "aviso",
    pointer: "/recursos/2/config/tls",
    failing: seedWith((b) => {
      cfg(b, 2).tls = false;
    }),
    passing: GLOBAL_SAAS,
  },
  {
    code: "sem-insight",
    severity: "aviso",
    pointer: "/recursos",
    failing: seedWith((b) => {
      b.recursos.splice(3, 1);
    }),
    passing: seedWith((b) => {
      b.resiliencia = "multi-zona";
      b.recursos.splice(3, 1);
    }),
  },
  {
    code: "limiar-obrigatorio",
    severity: "erro",
    pointer: "/recursos/3/config/slos/0/limiar_ms",
    failing: seedWith((b) => {
      cfg(b, 3).slos = [{ nome: "p99", sli: "latencia", objetivo: 99, janela_dias: 28 }];
    }),
    passing: seedWith((b) => {
      cfg(b, 3).slos = [
        { nome: "p99", sli: "latencia", objetivo: 99, janela_dias: 28, limiar_ms: 250 },
      ];
    }),
  },
];

describe("the rules table", () => {
  it.each(cases.map((c, i) => [`${c.code} #${i}`, c] as const))("%s", (_name, c) => {
    const failing = findings(c.failing, c.code, c.options);
    expect(failing.map((f) => f.ponteiro)).toEqual([c.pointer]);
    expect(failing[0].severidade).toBe(c.severity);
    expect(failing[0].mensagem.length).toBeGreaterThan(20);
    expect(findings(c.passing, c.code, c.options)).toEqual([]);
  });

  it("covers every finding code the model exports", () => {
    const covered = new Set(cases.map((c) => c.code));
    for (const code of FINDING_CODES) expect(covered, code).toContain(code);
  });

  it("a warning alone leaves the blueprint valid; an error does not", () => {
    const warned = validateBlueprint(
      seedWith((b) => {
        cfg(b, 2).tls = false;
      }),
    );
    expect(warned.valido).toBe(true);
    expect(warned.problemas).toHaveLength(1);
    const broken = validateBlueprint(
      seedWith((b) => {
        cfg(b, 1).ha = false;
      }),
    );
    expect(broken.valido).toBe(false);
  });

  it("every allowed connection pair passes and the rest are refused", () => {
    const b = seedWith((x) => {
      x.resiliencia = "multi-zona";
      x.recursos = [
        { tipo: "sentinel", nome: "waf", config: {}, conexoes: ["gw"] },
        {
          tipo: "gateway",
          nome: "gw",
          config: { dominio: "a.example.com", tls: true },
          conexoes: ["web"],
        },
        {
          tipo: "compute",
          nome: "web",
          config: { subtipo: "web", replicas_min: 2, replicas_max: 4 },
          conexoes: ["api", "db", "files"],
        },
        {
          tipo: "compute",
          nome: "api",
          config: { subtipo: "web", replicas_min: 2, replicas_max: 4 },
        },
        { tipo: "datastore", nome: "db", config: { engine: "redis", ha: true, tamanho_gb: 1 } },
        { tipo: "archive", nome: "files", config: {} },
        { tipo: "autoscale", nome: "scale", config: { alvo: "web" }, conexoes: ["web"] },
        {
          tipo: "insight",
          nome: "obs",
          config: { retencao_dias: 7, alertas: false },
          conexoes: ["web"],
        },
      ];
    });
    const invalid = findings(b, "conexao-invalida");
    expect(invalid.map((f) => f.ponteiro)).toEqual(["/recursos/7/conexoes/0"]);
    expect(invalid[0].mensagem).toMatch(/Insight observes every resource/);
  });
});
