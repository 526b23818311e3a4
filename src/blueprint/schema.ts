/**
 * The blueprint's shape, contract §1, as zod schemas. Field order follows the contract, and
 * export writes keys in this order. Defaults are declared here but only `normalizeBlueprint`
 * applies them: validation judges what the user wrote and never rewrites it.
 */
import * as z from "zod";
import { PLANS, REPLICATION_MODES, RESILIENCE_LEVELS } from "./plans";
import type { TipoRecurso } from "./resourceTypes";

export { RESOURCE_TYPES, type TipoRecurso } from "./resourceTypes";

/** RFC 1123 DNS label, lowercase, as the contract writes it. */
export const DNS_LABEL = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** RFC 1123 hostname with at least one dot, 253 characters at most. */
export const HOSTNAME =
  /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
/** IPv4 CIDR with a prefix from /8 to /28. */
export const CIDR_8_28 =
  /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\/(8|9|1[0-9]|2[0-8])$/;
/** A container image reference: no whitespace, 1..512 characters. */
export const IMAGE_REF = /^\S{1,512}$/;

const resourceName = z.string().regex(DNS_LABEL, {
  error:
    "Must be a DNS label: lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen, 63 characters at most.",
});
/** A reference to another resource by its `nome`; whether it exists is a rule, not shape. */
const resourceRef = z.string().min(1);

export const SloSchema = z.strictObject({
  nome: resourceName,
  sli: z.enum(["disponibilidade", "latencia"]),
  objetivo: z.number().gt(50).lt(100),
  janela_dias: z.int().min(1).max(90),
  // Required when sli is "latencia": the rule limiar-obrigatorio says so, with its own code.
  limiar_ms: z.int().min(1).max(600_000).optional(),
});

export const DEFAULT_SLOS: z.output<typeof SloSchema>[] = [
  { nome: "disponibilidade", sli: "disponibilidade", objetivo: 99.95, janela_dias: 28 },
  { nome: "latencia", sli: "latencia", objetivo: 99, janela_dias: 28, limiar_ms: 300 },
];

export const HealthCheckSchema = z.strictObject({
  caminho: z
    .string()
    .regex(/^\/\S*$/, { error: 'Must be a path starting with "/", without spaces.' })
    .default("/healthz"),
  intervalo_s: z.int().min(5).max(300).default(10),
  falhas_para_failover: z.int().min(1).max(10).default(3),
});

export const ComputeConfigSchema = z.strictObject({
  subtipo: z.enum(["web", "worker", "cron"]),
  replicas_min: z.int().min(1).max(100),
  replicas_max: z.int().min(1).max(100),
  imagem: z
    .string()
    .regex(IMAGE_REF, {
      error: "Must be a container image reference without spaces, e.g. ghcr.io/acme/app:1.4.",
    })
    .optional(),
  porta: z.int().min(1).max(65535).default(8080),
  cpu: z.number().min(0.25).max(16).default(1),
  memoria_mb: z.int().min(128).max(65536).default(512),
  fabric: resourceRef.optional(),
});

export const DatastoreConfigSchema = z.strictObject({
  engine: z.enum(["postgres", "mysql", "redis"]),
  ha: z.boolean(),
  tamanho_gb: z.int().min(1).max(16384),
  replicacao: z.enum(REPLICATION_MODES).default("assincrona"),
  fabric: resourceRef.optional(),
});

export const GatewayConfigSchema = z.strictObject({
  dominio: z.string().regex(HOSTNAME, {
    error: "Must be a hostname with at least one dot, e.g. app.example.com.",
  }),
  tls: z.boolean(),
  health_check: HealthCheckSchema.prefault({}),
});

export const InsightConfigSchema = z.strictObject({
  retencao_dias: z.int().min(1).max(400),
  alertas: z.boolean(),
  slos: z.array(SloSchema).max(50).default(DEFAULT_SLOS),
});

export const ArchiveConfigSchema = z.strictObject({
  classe: z.enum(["padrao", "fria"]).default("padrao"),
  versionamento: z.boolean().default(false),
  publico: z.boolean().default(false),
});

export const AutoscaleConfigSchema = z.strictObject({
  alvo: resourceRef,
  metrica: z.enum(["cpu", "rps", "latencia"]).default("cpu"),
  limiar: z.number().gt(0).default(70),
});

export const FabricConfigSchema = z.strictObject({
  cidr: z
    .string()
    .regex(CIDR_8_28, {
      error: "Must be an IPv4 CIDR block with a prefix from /8 to /28, e.g. 10.0.0.0/16.",
    })
    .default("10.0.0.0/16"),
  isolada: z.boolean().default(true),
});

export const SENTINEL_RULES = ["owasp-top10", "bots", "rate-limit"] as const;
export const SentinelConfigSchema = z.strictObject({
  modo: z.enum(["deteccao", "bloqueio"]).default("bloqueio"),
  regras: z.array(z.enum(SENTINEL_RULES)).max(3).default(["owasp-top10"]),
});

export const CONFIG_SCHEMAS = {
  compute: ComputeConfigSchema,
  datastore: DatastoreConfigSchema,
  archive: ArchiveConfigSchema,
  gateway: GatewayConfigSchema,
  autoscale: AutoscaleConfigSchema,
  insight: InsightConfigSchema,
  fabric: FabricConfigSchema,
  sentinel: SentinelConfigSchema,
} as const;

function resourceOf<T extends TipoRecurso>(tipo: T) {
  return z.strictObject({
    tipo: z.literal(tipo),
    nome: resourceName,
    config: CONFIG_SCHEMAS[tipo],
    conexoes: z.array(resourceRef).max(500).optional(),
  });
}

export const ComputeSchema = resourceOf("compute");
export const DatastoreSchema = resourceOf("datastore");
export const ArchiveSchema = resourceOf("archive");
export const GatewaySchema = resourceOf("gateway");
export const AutoscaleSchema = resourceOf("autoscale");
export const InsightSchema = resourceOf("insight");
export const FabricSchema = resourceOf("fabric");
export const SentinelSchema = resourceOf("sentinel");

export const RecursoSchema = z.discriminatedUnion("tipo", [
  ComputeSchema,
  DatastoreSchema,
  ArchiveSchema,
  GatewaySchema,
  AutoscaleSchema,
  InsightSchema,
  FabricSchema,
  SentinelSchema,
]);

export const PositionSchema = z.looseObject({ x: z.number(), y: z.number() });

// Unknown keys are allowed under `diagrama` (contract §1): other editors may keep their own data.
export const DiagramaSchema = z.looseObject({
  posicoes: z.record(z.string(), PositionSchema),
});

/**
 * The user's resilience policy (contract §5, v1.1). Every field is optional: the assessment
 * fills the defaults (RTO 60 s; RPO 5 s with an asynchronous datastore, else 0; availability
 * the highest availability SLO, or 99.9 without an insight; a drill proves a runbook scenario
 * for 90 days).
 */
export const PoliticaSchema = z.strictObject({
  rto_s: z.int().min(1).max(86_400).optional(),
  rpo_s: z.number().min(0).max(86_400).optional(),
  disponibilidade_pct: z.number().gt(50).lt(100).optional(),
  // v1.2 (§6): how long a drill stays evidence for a runbook scenario, in simulated days.
  validade_teste_dias: z.int().min(1).max(365).optional(),
});

/** How long a drill proves a scenario when the policy does not say (contract §6). */
export const DEFAULT_TEST_VALIDITY_DAYS = 90;

export const MAX_RESOURCES = 500;
export const RecursosSchema = z.array(RecursoSchema).min(1);

export const BlueprintSchema = z.strictObject({
  nome: z.string().min(1).max(80),
  resiliencia: z.enum(RESILIENCE_LEVELS),
  // Whether an id is in the catalog is the rule regiao-desconhecida, not shape.
  regioes: z.array(z.string().min(1)).min(1).max(20).optional(),
  // The 500 cap is checked by validateBlueprint, not here: zod checks an array's size before
  // its items and would drop every per-resource finding of an oversized blueprint.
  recursos: RecursosSchema,
  diagrama: DiagramaSchema.optional(),
  politica: PoliticaSchema.optional(),
});

/** A blueprint as a user writes it (defaults not applied). */
export type Blueprint = z.input<typeof BlueprintSchema>;
export type Recurso = Blueprint["recursos"][number];
export type Diagrama = NonNullable<Blueprint["diagrama"]>;
export type Slo = z.input<typeof SloSchema>;
/** A blueprint with every contract default filled in, as provisioning sees it. */
export type NormalizedBlueprint = Omit<z.output<typeof BlueprintSchema>, "regioes"> & {
  regioes: string[];
};
export type NormalizedRecurso = NormalizedBlueprint["recursos"][number];
export type ConfigOf<T extends TipoRecurso> = z.input<(typeof CONFIG_SCHEMAS)[T]>;

export const PlanoSchema = z.enum(PLANS);
