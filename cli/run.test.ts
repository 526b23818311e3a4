import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assess, GLOBAL_SAAS, normalizeBlueprint } from "../src/blueprint";
import { runCli } from "./run";

let dir: string;
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

function run(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "blueprint-cli-"));
});

describe("blueprint assess", () => {
  it("prints the seed's figures as the contract gives them, and exits 0", () => {
    const seed = file("seed-assess.json", JSON.stringify(GLOBAL_SAAS));
    const r = run(["assess", seed]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("availability  99.9900 %  (policy 99.95 %: meets the policy)");
    expect(r.out).toMatch(/region loss {3}sa-east-1 +yes +36 s +2\.5 s/);
    expect(r.out).toMatch(/region loss {3}us-east-1 +yes +32 s +0 s/);
    expect(r.out).toContain("monthly cost  USD 597.90 to 858.00");
  });

  it("--json prints [{ arquivo, avaliacao, problemas }], the model's own object", () => {
    const seed = file("seed-assess.json", JSON.stringify(GLOBAL_SAAS));
    const bad = file("bad-assess.json", JSON.stringify({ ...GLOBAL_SAAS, regioes: ["sa-east-1"] }));
    const r = run(["assess", "--json", seed, bad]);
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.out);
    expect(reports[0]).toEqual({
      arquivo: seed,
      avaliacao: assess(normalizeBlueprint(GLOBAL_SAAS)),
      problemas: [],
    });
    expect(reports[0].avaliacao.disponibilidade_estimada_pct.toFixed(4)).toBe("99.9900");
    expect(reports[1].avaliacao).toBeNull();
    expect(reports[1].problemas[0].codigo).toBe("regioes-insuficientes");
  });

  it("exits 2 when a file cannot be read, and 1 when the plan forbids the design", () => {
    expect(run(["assess", join(dir, "missing.json")]).code).toBe(2);
    const seed = file("seed-assess.json", JSON.stringify(GLOBAL_SAAS));
    expect(run(["assess", "--plano", "starter", seed]).code).toBe(1);
  });
});

describe("blueprint validate", () => {
  it("exits 0 for the seed blueprint and says ok", () => {
    const seed = file("seed.json", JSON.stringify(GLOBAL_SAAS));
    const r = run(["validate", seed]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${seed}: ok`);
    expect(r.out).toContain("1 file checked: 1 valid, 0 with errors (0 errors, 0 warnings).");
  });

  it("exits 0 with warnings only", () => {
    const bp = structuredClone(GLOBAL_SAAS);
    (bp.recursos[2].config as { tls: boolean }).tls = false;
    const r = run(["validate", file("warn.json", JSON.stringify(bp))]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/warn\.json: \/recursos\/2\/config\/tls gateway-sem-tls aviso /);
  });

  it("exits 1 and lists `file: ponteiro codigo severidade mensagem` for errors", () => {
    const bp = structuredClone(GLOBAL_SAAS);
    (bp.recursos[0].config as { replicas_min: number }).replicas_min = 20;
    const path = file("bad.json", JSON.stringify(bp));
    const r = run(["validate", path]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `${path}: /recursos/0/config/replicas_min replicas-invalidas erro Minimum replicas (\`replicas_min\`) is 20, more than the maximum (\`replicas_max\`) of 12.`,
    );
  });

  it("checks plan rules with --plano", () => {
    const seed = file("seed-plan.json", JSON.stringify(GLOBAL_SAAS));
    expect(run(["validate", "--plano", "business", seed]).code).toBe(0);
    const r = run(["validate", "--plano", "starter", seed]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\/resiliencia plano-insuficiente erro/);
    expect(run(["validate", "--plano", "gold", seed])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/unknown plano "gold"/),
    });
  });

  it("prints one JSON array with --json", () => {
    const ok = file("a.json", JSON.stringify(GLOBAL_SAAS));
    const bad = file("b.json", JSON.stringify({ ...GLOBAL_SAAS, nome: "" }));
    const r = run(["validate", "--json", ok, bad]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report).toEqual([
      { arquivo: ok, valido: true, problemas: [] },
      {
        arquivo: bad,
        valido: false,
        problemas: [expect.objectContaining({ ponteiro: "/nome", codigo: "esquema" })],
      },
    ]);
  });

  it("exits 2 with a one-line reason for a missing file, bad JSON, too big or too deep", () => {
    const cases: [string, RegExp][] = [
      [join(dir, "missing.json"), /missing\.json: no such file\.$/],
      [
        file("broken.json", '{"nome": '),
        /broken\.json: Not valid JSON at line 1, column \d+: .+\.$/,
      ],
      [
        file("deep.json", `${"[".repeat(65)}${"]".repeat(65)}`),
        /deep\.json: The JSON is nested deeper than 64 levels/,
      ],
      [
        file("big.json", `"${"x".repeat(5 * 1024 * 1024 + 10)}"`),
        /big\.json: is 5\.0 MB; a blueprint is at most 5 MB\.$/,
      ],
      [dir, /is a directory, not a blueprint file/],
    ];
    for (const [path, message] of cases) {
      const r = run(["validate", path]);
      expect(r.code, path).toBe(2);
      expect(r.err.split("\n")).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
  });

  it("exits 2 when any file is unreadable, even if another has errors", () => {
    const bad = file("bad2.json", JSON.stringify({ ...GLOBAL_SAAS, nome: "" }));
    expect(run(["validate", bad, join(dir, "nope.json")]).code).toBe(2);
  });

  it("refuses a command line without files or with an unknown command", () => {
    expect(run(["validate"]).code).toBe(2);
    expect(run(["frobnicate"]).code).toBe(2);
    expect(run(["validate", "--nope", "x.json"]).code).toBe(2);
  });
});

describe("blueprint schema", () => {
  it("prints the JSON Schema", () => {
    const r = run(["schema"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).$id).toBe("https://tesserra.cloud/schema/blueprint.v1.json");
  });
});

describe("the real command", () => {
  const tsx = join(process.cwd(), "node_modules/.bin/tsx");
  it("sets the process exit code and streams", () => {
    const seed = file("seed-proc.json", JSON.stringify(GLOBAL_SAAS));
    expect(
      execFileSync(tsx, ["cli/blueprint.ts", "validate", seed], { encoding: "utf8" }),
    ).toContain(": ok");
    const broken = file("broken-proc.json", "nope");
    const r = spawnSync(tsx, ["cli/blueprint.ts", "validate", broken], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken-proc\.json: Not valid JSON/);
  });
});

describe("the CLI's language", () => {
  const broken = () =>
    file(
      "lang.json",
      JSON.stringify({
        ...GLOBAL_SAAS,
        recursos: [...GLOBAL_SAAS.recursos, GLOBAL_SAAS.recursos[0]],
      }),
    );

  it("speaks Portuguese with --lang pt-BR: findings and summary, codes unchanged", () => {
    const r = run(["validate", "--lang", "pt-BR", broken()]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("nome-duplicado erro O nome");
    expect(r.out).toContain("1 arquivo verificado: 0 válidos, 1 com erros (1 erro, nenhum aviso).");
  });

  it("falls back to LANG, and --lang wins over it", () => {
    expect(run(["validate", broken()], { LANG: "pt_BR.UTF-8" }).out).toContain(
      "1 arquivo verificado",
    );
    expect(run(["validate", "--lang", "en", broken()], { LANG: "pt_BR.UTF-8" }).out).toContain(
      "1 file checked",
    );
    expect(run(["validate", broken()], { LANG: "C.UTF-8" }).out).toContain("1 file checked");
  });

  it("refuses a language it does not speak", () => {
    const r = run(["validate", "--lang", "fr", broken()]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown language "fr"; use en or pt-BR.');
  });

  it("prints the assessment with Portuguese labels and numbers", () => {
    const seed = file("seed-pt.json", JSON.stringify(GLOBAL_SAAS));
    const r = run(["assess", "--lang", "pt-BR", seed]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/disponibilidade\s+\d+\.\d{4} %/);
    expect(r.out).toContain("custo mensal");
    expect(r.out).toMatch(/perda de região\s+sa-east-1\s+sim/);
  });
});

describe("blueprint runbook", () => {
  it("prints the Markdown runbook, every surviving scenario never tested, and exits 0", () => {
    const seed = file("seed-runbook.json", JSON.stringify(GLOBAL_SAAS));
    const r = run(["runbook", seed]);
    expect(r.code).toBe(0);
    expect(r.out.startsWith("# Runbook: Global SaaS\n")).toBe(true);
    expect(r.out).toContain("| São Paulo region loss | never tested | 36 s | 2.5 s | — |");
    expect(r.out).toContain(
      "| 3 | Promote replica | automatic | 36 s | db-global's replica in Ashburn (us-east-1) becomes the primary. |",
    );
    expect(r.out.match(/^## /gm)).toHaveLength(7); // the table, then six scenarios
  });

  it("--json prints the contract's runbooks; --lang pt-BR speaks Portuguese", () => {
    const seed = file("seed-runbook.json", JSON.stringify(GLOBAL_SAAS));
    const json = run(["runbook", "--json", seed]);
    const [runbook] = JSON.parse(json.out);
    expect(runbook.projeto).toBeNull();
    expect(runbook.cenarios.map((c: { status: string }) => c.status)).toEqual(
      Array(6).fill("nunca-testado"),
    );
    const pt = run(["runbook", "--lang", "pt-BR", seed]);
    expect(pt.out).toContain("| Perda da região São Paulo | nunca testado | 36 s | 2,5 s | — |");
  });

  it("exits 1 with the findings for a blueprint with errors, and prints no runbook", () => {
    const bad = file(
      "bad-runbook.json",
      JSON.stringify({ ...GLOBAL_SAAS, regioes: ["sa-east-1"] }),
    );
    const r = run(["runbook", bad]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("regioes-insuficientes");
  });
});

describe("blueprint optimize", () => {
  it("assess --json carries each scenario's impact, as contract §8 gives it for the seed", () => {
    const seed = file("seed-impact.json", JSON.stringify(GLOBAL_SAAS));
    const [report] = JSON.parse(run(["assess", "--json", seed]).out);
    const losses = report.avaliacao.cenarios.filter(
      (c: { tipo: string }) => c.tipo === "perda-regiao",
    );
    expect(
      losses.map((c: Record<string, unknown>) => [
        c.regiao,
        c.destino,
        c.latencia_extra_ms,
        c.orcamento_gasto,
      ]),
    ).toEqual([
      ["sa-east-1", "us-east-1", 115, 0.009921],
      ["us-east-1", "eu-central-1", 98, 0.008818],
      ["eu-central-1", "us-east-1", 98, 0.008818],
    ]);
  });

  it("prints the options as a table with the changes in words, and exits 0", () => {
    const seed = file("seed-optimize.json", JSON.stringify(GLOBAL_SAAS));
    const r = run(["optimize", "--plano", "enterprise", seed]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("current design: USD 858.00, 99.9900 %, does NOT meet its policy");
    expect(r.out).toMatch(
      /cheapest +709\.10 +99\.9899 % +36 s +2\.5 s +Regions: São Paulo, Ashburn, Frankfurt → São Paulo, Ashburn; app-global minimum replicas 3 → 4/,
    );
    expect(r.out).toContain("709.10  99.9899 % *");
  });

  it("--json prints the §8 object, the API's and the model's; nothing qualifying says why", () => {
    const seed = file("seed-optimize.json", JSON.stringify(GLOBAL_SAAS));
    const o = JSON.parse(run(["optimize", "--json", "--plano", "enterprise", seed]).out);
    expect(o.atual).toEqual({ custo_max: 858, disponibilidade_estimada_pct: 99.99, atende: false });
    expect(o.opcoes[0].avaliacao.custo_mensal_usd.max).toBe(709.1);
    const strict = file("strict.json", JSON.stringify({ ...GLOBAL_SAAS, politica: { rto_s: 8 } }));
    const r = run(["optimize", "--lang", "pt-BR", "--plano", "enterprise", strict]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Nenhum candidato se recupera dentro do RTO da política (o mais rápido: 11 s).",
    );
  });

  it("refuses a file whose shape is wrong with its findings, exit 1", () => {
    const bad = file("bad-optimize.json", JSON.stringify({ nome: "x", recursos: [] }));
    const r = run(["optimize", bad]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("not assessed");
  });
});

describe("blueprint slo-export", () => {
  it("prints the rules selecting the blueprint's name, and refuses what it cannot do", () => {
    const seed = file("seed-slo.json", JSON.stringify(GLOBAL_SAAS));
    const r = run(["slo-export", seed]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('tesserra_requests_total{projeto="global-saas",codigo="5xx"}');
    expect(run(["slo-export", "--format", "openslo", "--projeto", "prj_1", seed]).out).toContain(
      "apiVersion: openslo/v1",
    );
    expect(run(["slo-export", "--format", "nagios", seed]).code).toBe(2);
    expect(run(["slo-export", "--lang", "xx", seed]).code).toBe(2);
    expect(run(["slo-export"]).code).toBe(2);
  });
});
