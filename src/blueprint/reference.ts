/**
 * The blueprint reference (docs/blueprint-reference.md), generated: types, ranges, defaults and
 * enums come from the zod schemas, each rule's example finding from running the validator on
 * its example. Only the sentences that explain a field or a rule are written by hand here, and
 * a test fails when a field or a rule code has none, or when the committed page is stale.
 */
import * as z from "zod";
import { assess, CONFORMANCE_CODES, type ConformanceCode } from "./assess";
import { FINDING_CODES, type FindingCode } from "./findings";
import { normalizeBlueprint } from "./normalize";
import type { Plano } from "./plans";
import {
  type Blueprint,
  BlueprintSchema,
  CIDR_8_28,
  CONFIG_SCHEMAS,
  DNS_LABEL,
  HealthCheckSchema,
  HOSTNAME,
  IMAGE_REF,
  PoliticaSchema,
  RESOURCE_TYPES,
  SloSchema,
  type TipoRecurso,
} from "./schema";
import { GLOBAL_SAAS } from "./templates";
import { validateBlueprint } from "./validate";

type Json = Record<string, unknown>;

/** What a field means and a value a user might write, by `owner.field`. */
export const FIELD_DOCS: Record<string, { about: string; example: unknown }> = {
  "blueprint.nome": { about: "The project's name, free text.", example: "Global SaaS" },
  "blueprint.resiliencia": {
    about: "How much failure the design survives: one zone, zones of one region, or regions.",
    example: "multi-regiao",
  },
  "blueprint.regioes": {
    about:
      "Where replicated resources run; the first is the datastores' primary. Default: `sa-east-1` for one region, `sa-east-1`, `us-east-1`, `eu-central-1` for `multi-regiao`.",
    example: ["sa-east-1", "us-east-1"],
  },
  "blueprint.recursos": {
    about: "The resources, 1 to 500, each with a unique `nome`.",
    example: [],
  },
  "blueprint.diagrama": {
    about:
      "The editor's layout (`posicoes` by resource name). Provisioning ignores it; other keys under it are kept.",
    example: { posicoes: { "app-global": { x: 120, y: 80 } } },
  },
  "blueprint.politica": {
    about: "The resilience policy the assessment checks the design against (v1.1).",
    example: { rto_s: 60, rpo_s: 5 },
  },
  "resource.tipo": { about: "Which Tesserra product the resource is.", example: "compute" },
  "resource.nome": {
    about: "The resource's name, a DNS label unique in the blueprint.",
    example: "app-global",
  },
  "resource.config": { about: "The product's settings, below.", example: {} },
  "resource.conexoes": {
    about: "Names of the resources this one sends traffic to (see Connections).",
    example: ["db-global"],
  },
  "politica.rto_s": {
    about: "The longest acceptable recovery after a region or zone loss, in seconds. Default 60.",
    example: 45,
  },
  "politica.rpo_s": {
    about:
      "The most writes, in seconds, a loss may cost. Default 5 with an asynchronous datastore, else 0.",
    example: 5,
  },
  "politica.disponibilidade_pct": {
    about:
      "The availability the design must reach, in percent. Default: the highest availability SLO (99.95 by default), or 99.9 without an insight.",
    example: 99.99,
  },
  "politica.validade_teste_dias": {
    about:
      "How many days a finished drill keeps proving its runbook scenario (simulated time). Default 90.",
    example: 30,
  },
  "compute.subtipo": {
    about:
      "`web` serves requests (on the request path); `worker` and `cron` run in the background.",
    example: "web",
  },
  "compute.replicas_min": {
    about: "Replicas always running, spread over the regions.",
    example: 3,
  },
  "compute.replicas_max": { about: "The most replicas autoscaling may run.", example: 12 },
  "compute.imagem": { about: "The container image to run.", example: "ghcr.io/acme/app:1.4" },
  "compute.porta": { about: "The port the container listens on.", example: 8080 },
  "compute.cpu": { about: "vCPUs per replica.", example: 1 },
  "compute.memoria_mb": { about: "Memory per replica, in MB.", example: 512 },
  "compute.fabric": {
    about: "The fabric (private network) the replicas join.",
    example: "private-net",
  },
  "datastore.engine": { about: "The database engine.", example: "postgres" },
  "datastore.ha": { about: "A standby in a second zone of every region.", example: true },
  "datastore.tamanho_gb": { about: "Storage per copy, in GB.", example: 200 },
  "datastore.replicacao": {
    about:
      "How replicas in other regions follow the primary: `assincrona` lags seconds (RPO seconds), `sincrona` waits for a quorum (RPO zero, Enterprise plan).",
    example: "assincrona",
  },
  "datastore.fabric": {
    about: "The fabric (private network) the datastore joins.",
    example: "private-net",
  },
  "archive.classe": {
    about: "`padrao` for hot objects, `fria` for cheaper, slower storage.",
    example: "padrao",
  },
  "archive.versionamento": { about: "Keep every version of each object.", example: false },
  "archive.publico": { about: "Objects readable without credentials.", example: false },
  "gateway.dominio": { about: "The public hostname the gateway answers.", example: "app.acme.com" },
  "gateway.tls": { about: "Terminate HTTPS at the gateway.", example: true },
  "gateway.health_check": {
    about: "How the gateway decides a region is down, which drives failover.",
    example: { intervalo_s: 10, falhas_para_failover: 3 },
  },
  "health_check.caminho": { about: "The path probed in every zone.", example: "/healthz" },
  "health_check.intervalo_s": { about: "Seconds between probes.", example: 10 },
  "health_check.falhas_para_failover": {
    about:
      "Failed probes in a row before a zone counts as down. Detection takes intervalo_s × this.",
    example: 3,
  },
  "autoscale.alvo": { about: "The compute resource it scales (required).", example: "app-global" },
  "autoscale.metrica": { about: "What it scales on.", example: "cpu" },
  "autoscale.limiar": { about: "The metric's target value (70 = 70 % CPU).", example: 70 },
  "insight.retencao_dias": { about: "Days of metrics and logs kept.", example: 90 },
  "insight.alertas": {
    about: "Page and ticket on fast and slow error-budget burns.",
    example: true,
  },
  "insight.slos": {
    about:
      "Service level objectives. Default: availability 99.95 % and latency 99 % under 300 ms, over 28 days.",
    example: [
      { nome: "disponibilidade", sli: "disponibilidade", objetivo: 99.95, janela_dias: 28 },
    ],
  },
  "slo.nome": { about: "The SLO's name, a DNS label.", example: "disponibilidade" },
  "slo.sli": {
    about: "What is measured: good requests, or requests under a latency threshold.",
    example: "latencia",
  },
  "slo.objetivo": { about: "The target, in percent.", example: 99.9 },
  "slo.janela_dias": { about: "The rolling window, in days.", example: 28 },
  "slo.limiar_ms": { about: "The latency threshold; required for `latencia`.", example: 300 },
  "fabric.cidr": { about: "The private network's IPv4 block.", example: "10.0.0.0/16" },
  "fabric.isolada": { about: "No traffic from outside the fabric.", example: true },
  "sentinel.modo": { about: "`deteccao` only reports; `bloqueio` blocks.", example: "bloqueio" },
  "sentinel.regras": { about: "Which protections run.", example: ["owasp-top10", "bots"] },
};

type Edit = (bp: Json & { recursos: Json[] }) => void;
const configOf = (bp: { recursos: Json[] }, i: number) => bp.recursos[i].config as Json;

/** For each rule code, when it fires and a change to the Global SaaS blueprint that fires it. */
export const RULE_DOCS: Record<
  FindingCode,
  { change: string; when: string; example: Edit; plano?: Plano }
> = {
  esquema: {
    change: "recursos[0].config.replicas_min = 0",
    when: "The shape is wrong: a type, an enum value, a range, a missing field. One finding per field.",
    example: (bp) => {
      configOf(bp, 0).replicas_min = 0;
    },
  },
  "campo-desconhecido": {
    change: `recursos[0].config.colour = "blue"`,
    when: "A key the contract does not define (anywhere but under `diagrama`), or `__proto__`, `constructor`, `prototype`.",
    example: (bp) => {
      configOf(bp, 0).colour = "blue";
    },
  },
  "nome-duplicado": {
    change: `recursos[1].nome = "app-global"`,
    when: "Two resources share a `nome`.",
    example: (bp) => {
      bp.recursos[1].nome = "app-global";
    },
  },
  "replicas-invalidas": {
    change: "recursos[0].config.replicas_max = 2",
    when: "`replicas_min` is above `replicas_max`.",
    example: (bp) => {
      configOf(bp, 0).replicas_max = 2;
    },
  },
  "replicas-por-regiao": {
    change: "recursos[0].config.replicas_min = 2",
    when: "`multi-regiao` and a compute's `replicas_min` is below the number of regions.",
    example: (bp) => {
      configOf(bp, 0).replicas_min = 2;
    },
  },
  "replicas-multi-zona": {
    change: `resiliencia = "multi-zona"; recursos[0].config.replicas_min = 1`,
    when: "`multi-zona` and a compute's `replicas_min` is below 2.",
    example: (bp) => {
      bp.resiliencia = "multi-zona";
      configOf(bp, 0).replicas_min = 1;
    },
  },
  "multi-regiao-sem-gateway": {
    change: "remove the gateway",
    when: "`multi-regiao` without a gateway: nothing routes between regions.",
    example: (bp) => {
      bp.recursos.splice(2, 1);
    },
  },
  "datastore-sem-ha": {
    change: "recursos[1].config.ha = false",
    when: "`multi-zona` or `multi-regiao` and a datastore with `ha: false`.",
    example: (bp) => {
      configOf(bp, 1).ha = false;
    },
  },
  "regioes-insuficientes": {
    change: `regioes = ["sa-east-1"]`,
    when: "`multi-regiao` with fewer than 2 regions, or one region's level with more than 1.",
    example: (bp) => {
      bp.regioes = ["sa-east-1"];
    },
  },
  "regiao-desconhecida": {
    change: `regioes = ["sa-east-1", "mars-1"]`,
    when: "A region id not in the catalog.",
    example: (bp) => {
      bp.regioes = ["sa-east-1", "mars-1"];
    },
  },
  "regioes-mesmo-continente": {
    change: `regioes = ["us-east-1", "us-west-1"]`,
    when: "`multi-regiao` with every region on one continent (a warning).",
    example: (bp) => {
      bp.regioes = ["us-east-1", "us-west-1"];
    },
  },
  "referencia-inexistente": {
    change: `recursos[2].conexoes = ["app-globl"]`,
    when: "`conexoes`, `alvo` or `fabric` names no resource of the right tipo.",
    example: (bp) => {
      bp.recursos[2].conexoes = ["app-globl"];
    },
  },
  "conexao-invalida": {
    change: `recursos[1].conexoes = ["global-dns"]`,
    when: "A connection pair the contract does not allow (see Connections).",
    example: (bp) => {
      bp.recursos[1].conexoes = ["global-dns"];
    },
  },
  "plano-insuficiente": {
    change: "submit on the starter plan",
    when: "The account's plan does not allow the level (`multi-regiao` on starter) or `sincrona` replication (below enterprise).",
    example: () => {},
    plano: "starter",
  },
  "gateway-sem-tls": {
    change: "recursos[2].config.tls = false",
    when: "A gateway with `tls: false` (a warning).",
    example: (bp) => {
      configOf(bp, 2).tls = false;
    },
  },
  "sem-insight": {
    change: "remove the insight",
    when: "`multi-regiao` without an insight: no SLO dashboards (a warning).",
    example: (bp) => {
      bp.recursos.splice(3, 1);
    },
  },
  "limiar-obrigatorio": {
    change: `recursos[3].config.slos = [{ nome: "rapido", sli: "latencia", objetivo: 99, janela_dias: 28 }]`,
    when: "A latency SLO without `limiar_ms`.",
    example: (bp) => {
      configOf(bp, 3).slos = [{ nome: "rapido", sli: "latencia", objetivo: 99, janela_dias: 28 }];
    },
  },
};

/** For each conformance code (assessment, contract §5), when and an example change. */
export const CONFORMANCE_DOCS: Record<
  ConformanceCode,
  { when: string; change: string; example: Edit }
> = {
  "rto-acima-da-politica": {
    when: "The worst surviving scenario's RTO is above `politica.rto_s`.",
    change: "politica = { rto_s: 30 }",
    example: (bp) => {
      bp.politica = { rto_s: 30 };
    },
  },
  "rpo-acima-da-politica": {
    when: "The worst surviving scenario's RPO is above `politica.rpo_s`.",
    change: "politica = { rpo_s: 0 }",
    example: (bp) => {
      bp.politica = { rpo_s: 0 };
    },
  },
  "disponibilidade-abaixo-da-politica": {
    when: "The estimated availability is below `politica.disponibilidade_pct`.",
    change: "politica = { disponibilidade_pct: 99.995 }",
    example: (bp) => {
      bp.politica = { disponibilidade_pct: 99.995 };
    },
  },
  "zona-unica-em-regiao": {
    when: "Not `zona-unica`, and an on-path compute or datastore lives in one zone of a region.",
    change: "the Global SaaS template as it is",
    example: () => {},
  },
};

/** The conformance finding a code's example produces, as the assessment reports it. */
export function conformanceExample(codigo: ConformanceCode) {
  const bp = JSON.parse(GLOBAL_SAAS_TEXT) as Json & { recursos: Json[] };
  CONFORMANCE_DOCS[codigo].example(bp);
  return assess(normalizeBlueprint(bp as unknown as Blueprint)).conformidade.find(
    (f) => f.codigo === codigo,
  );
}

const NAMED_PATTERNS = new Map<string, string>([
  [DNS_LABEL.source, "a DNS label"],
  [HOSTNAME.source, "a hostname with at least one dot"],
  [CIDR_8_28.source, "an IPv4 CIDR, /8 to /28"],
  [IMAGE_REF.source, "an image reference, no spaces"],
]);

function jsonSchemaOf(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
}

/** The type and bounds of one property, in words. */
export function describeType(p: Json): string {
  if (Array.isArray(p.enum)) return p.enum.map((v) => `\`${JSON.stringify(v)}\``).join(" | ");
  if (p.const !== undefined) return `\`${JSON.stringify(p.const)}\``;
  const bounds = (unit = "") => {
    const lo =
      p.exclusiveMinimum !== undefined
        ? `> ${p.exclusiveMinimum}`
        : p.minimum !== undefined
          ? `≥ ${p.minimum}`
          : "";
    const hi =
      p.exclusiveMaximum !== undefined
        ? `< ${p.exclusiveMaximum}`
        : p.maximum !== undefined
          ? `≤ ${p.maximum}`
          : "";
    return [lo, hi].filter(Boolean).join(", ") + unit;
  };
  switch (p.type) {
    case "integer":
    case "number": {
      const b = bounds();
      return `${p.type}${b ? ` ${b}` : ""}`;
    }
    case "string": {
      if (typeof p.pattern === "string")
        return `string, ${NAMED_PATTERNS.get(p.pattern) ?? `matching \`${p.pattern}\``}`;
      const len = [
        p.minLength !== undefined ? `${p.minLength}` : "",
        p.maxLength !== undefined ? `${p.maxLength}` : "",
      ];
      return p.maxLength !== undefined ? `string, ${len[0] || 0}..${len[1]} characters` : "string";
    }
    case "boolean":
      return "boolean";
    case "array": {
      const items = p.items as Json | undefined;
      const of = items ? describeType(items) : "any";
      const count = [
        p.minItems !== undefined ? `at least ${p.minItems}` : "",
        p.maxItems !== undefined ? `at most ${p.maxItems}` : "",
      ]
        .filter(Boolean)
        .join(", ");
      return `array of ${of}${count ? ` (${count})` : ""}`;
    }
    case "object":
      return "object";
    default:
      return "any";
  }
}

const code = (v: unknown) => `\`${JSON.stringify(v)}\``;
const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");

function fieldTable(owner: string, schema: z.ZodType): string[] {
  const json = jsonSchemaOf(schema);
  const props = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  const rows = Object.entries(props).map(([name, p]) => {
    const doc = FIELD_DOCS[`${owner}.${name}`];
    if (!doc) throw new Error(`FIELD_DOCS has no entry for ${owner}.${name}`);
    const type = name === "recursos" ? "array of resources (1 to 500)" : describeType(p);
    const dflt = p.default !== undefined ? code(p.default) : required.has(name) ? "required" : "—";
    return `| \`${name}\` | ${cell(type)} | ${cell(dflt)} | ${cell(doc.about)} | ${cell(code(doc.example))} |`;
  });
  return [
    "| field | type | default | what it is | example |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ];
}

const GLOBAL_SAAS_TEXT = JSON.stringify(GLOBAL_SAAS);

/** The finding a rule's example produces, as the validator reports it. */
export function ruleExample(codigo: FindingCode) {
  const doc = RULE_DOCS[codigo];
  const bp = JSON.parse(GLOBAL_SAAS_TEXT) as Json & { recursos: Json[] };
  doc.example(bp);
  const finding = validateBlueprint(bp, { plano: doc.plano }).problemas.find(
    (f) => f.codigo === codigo,
  );
  return finding;
}

/** The whole reference page, as Markdown. */
export function blueprintReference(): string {
  const out: string[] = [
    "# Blueprint reference",
    "",
    "<!-- Generated by `npm run docs:write` from src/blueprint; do not edit by hand. -->",
    "",
    "A blueprint is one JSON document: the architecture, its resources and their settings. Keys are Portuguese, as the API speaks them. The same model validates it in the console, the CLI (`npm run blueprint -- validate`) and the API; the JSON Schema is published at `/schema/blueprint.v1.json`.",
    "",
    "## The blueprint",
    "",
    ...fieldTable("blueprint", BlueprintSchema),
    "",
    "### `politica`",
    "",
    ...fieldTable("politica", PoliticaSchema),
    "",
    "## A resource",
    "",
    ...fieldTable(
      "resource",
      z.strictObject({
        tipo: z.enum(RESOURCE_TYPES),
        nome: z.string().regex(DNS_LABEL),
        config: z.object({}),
        conexoes: z.array(z.string()).max(500).optional(),
      }),
    ),
    "",
  ];
  for (const tipo of RESOURCE_TYPES) {
    out.push(`### \`${tipo}\``, "", ...fieldTable(tipo, CONFIG_SCHEMAS[tipo as TipoRecurso]), "");
    if (tipo === "gateway")
      out.push("#### `health_check`", "", ...fieldTable("health_check", HealthCheckSchema), "");
    if (tipo === "insight") out.push("#### An SLO", "", ...fieldTable("slo", SloSchema), "");
  }
  out.push(
    "## Connections",
    "",
    "`conexoes` is directed, source → target. Allowed pairs: gateway → compute; sentinel → gateway; compute → compute, datastore or archive; autoscale → compute (and `alvo` names the same compute). Insight observes every resource without a connection; compute and datastore join a fabric through `config.fabric`.",
    "",
    "## Rule codes",
    "",
    "Each finding is `{ ponteiro, codigo, severidade, mensagem }`: `ponteiro` is a JSON Pointer to the field at fault; `erro` blocks submission, `aviso` does not. The example applies the change to the Global SaaS template and shows the finding the validator gives.",
    "",
    "| code | severity | when | example change → finding |",
    "| --- | --- | --- | --- |",
  );
  for (const codigo of FINDING_CODES) {
    const f = ruleExample(codigo);
    if (!f) throw new Error(`RULE_DOCS example for ${codigo} does not produce it`);
    const { change } = RULE_DOCS[codigo];
    out.push(
      `| \`${codigo}\` | ${f.severidade} | ${cell(RULE_DOCS[codigo].when)} | ${cell(`\`${change}\``)} → \`${f.ponteiro}\`: ${cell(f.mensagem)} |`,
    );
  }
  out.push(
    "",
    "## Conformance codes",
    "",
    "The assessment (`npm run blueprint -- assess`, `POST /v1/blueprints/avaliar`, the designer's Resilience view) compares the design with its `politica`. Its findings are warnings (`aviso`); each points at the field to change, and `correcao` gives the changes that fix it where a fix exists (`mudancas`: every field to set, applied together; offered only when they add no error and remove the finding).",
    "",
    "| code | when | example change → finding |",
    "| --- | --- | --- |",
  );
  for (const codigo of CONFORMANCE_CODES) {
    const f = conformanceExample(codigo);
    if (!f) throw new Error(`CONFORMANCE_DOCS example for ${codigo} does not produce it`);
    out.push(
      `| \`${codigo}\` | ${cell(CONFORMANCE_DOCS[codigo].when)} | ${cell(`\`${CONFORMANCE_DOCS[codigo].change}\``)} → \`${f.ponteiro}\`: ${cell(f.mensagem)} |`,
    );
  }
  out.push("");
  return out.join("\n");
}
