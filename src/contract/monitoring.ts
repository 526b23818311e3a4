/**
 * Wire schemas of the monitoring endpoints (contract §2: estado, slos, metricas,
 * testes-failover). The emulator answers with them and the console parses with them.
 */
import * as z from "zod";
import { BURN_WINDOWS } from "../slo/slo";

const isoTime = z.iso.datetime({ offset: true });

export const ZonaEstadoSchema = z.object({
  id: z.string(),
  saudavel: z.boolean(),
  replicas_saudaveis: z.int().min(0),
  replicas_total: z.int().min(0),
});

export const RegiaoEstadoSchema = z.object({
  id: z.string(),
  saudavel: z.boolean(),
  peso_trafego: z.number().min(0).max(1),
  zonas: z.array(ZonaEstadoSchema),
});

export const DatastoreEstadoSchema = z.object({
  nome: z.string(),
  primario: z.string(),
  replicacao: z.enum(["assincrona", "sincrona"]),
  replicas: z.array(z.object({ regiao: z.string(), atraso_s: z.number().min(0) })),
});

export const EstadoSchema = z.object({
  em: isoTime,
  regioes: z.array(RegiaoEstadoSchema),
  datastores: z.array(DatastoreEstadoSchema),
  failover: z
    .object({
      regiao: z.string(),
      /** The zone, when a zone drill is under way (its region may still serve). */
      zona: z.string().nullable().optional(),
      desde: isoTime,
      teste: z.string().optional(),
    })
    .nullable(),
});
export type Estado = z.infer<typeof EstadoSchema>;

const burnRatesShape = Object.fromEntries(BURN_WINDOWS.map((w) => [w, z.number()])) as Record<
  (typeof BURN_WINDOWS)[number],
  z.ZodNumber
>;
export const TaxasQueimaSchema = z.object(burnRatesShape);

export const SloJanelaSchema = z.object({
  sli_pct: z.number(),
  orcamento_restante: z.number(),
  taxas_queima: TaxasQueimaSchema,
});

export const AlertaSloSchema = z.object({
  severidade: z.enum(["pagina", "ticket"]),
  janela_longa: z.enum(BURN_WINDOWS),
  janela_curta: z.enum(BURN_WINDOWS),
});

export const SloItemSchema = z.object({
  nome: z.string(),
  sli: z.enum(["disponibilidade", "latencia"]),
  objetivo: z.number(),
  janela_dias: z.int(),
  limiar_ms: z.int().optional(),
  global: SloJanelaSchema,
  regioes: z.array(SloJanelaSchema.extend({ regiao: z.string() })),
  alertas: z.array(AlertaSloSchema.extend({ regiao: z.string().optional() })),
  /** Extension: global budget remaining through the window, [epoch_s, fraction], for burn-down charts. */
  orcamento_serie: z.array(z.tuple([z.int(), z.number()])).max(1_000),
});

export const SloStatusSchema = z.object({ em: isoTime, slos: z.array(SloItemSchema) });
export type SloStatus = z.infer<typeof SloStatusSchema>;
export type SloItem = z.infer<typeof SloItemSchema>;

export const SERIES = [
  "disponibilidade",
  "latencia_p50",
  "latencia_p95",
  "latencia_p99",
  "taxa_erro",
  "trafego",
  "atraso_replicacao",
] as const;
export type Serie = (typeof SERIES)[number];

export const MetricasQuerySchema = z.object({
  serie: z.enum(SERIES),
  regiao: z.string().default("global"),
  de: isoTime.optional(),
  ate: isoTime.optional(),
  passo: z.coerce.number().int().min(60).max(86_400).optional(),
});

/** `GET …/metricas/lote` (contract §9): `series=<serie>:<regiao>,...`, one window for all. */
export const LoteQuerySchema = z.object({
  series: z.string().min(1).max(4_096),
  de: isoTime.optional(),
  ate: isoTime.optional(),
  passo: z.coerce.number().int().min(60).max(86_400).optional(),
});

type Ponto = [epochS: number, value: number | null];

const isPonto = (p: unknown): p is Ponto =>
  Array.isArray(p) &&
  p.length === 2 &&
  Number.isInteger(p[0]) &&
  (p[1] === null || (typeof p[1] === "number" && Number.isFinite(p[1])));

/**
 * A series' points, checked in one plain loop: an answer carries up to 10,000 of them, and a
 * schema per point made parsing the Monitor's 28 series its slowest step in the browser. The
 * same shape is declared for the OpenAPI document in `PONTOS_JSON_SCHEMA`.
 */
export const PontosSchema = z.custom<Ponto[]>(
  (v) => Array.isArray(v) && v.length <= 10_000 && v.every(isPonto),
  { error: "Must be at most 10,000 [epoch seconds, value or null] pairs." },
);

export const PONTOS_JSON_SCHEMA = {
  type: "array",
  maxItems: 10_000,
  items: {
    type: "array",
    minItems: 2,
    maxItems: 2,
    prefixItems: [{ type: "integer" }, { type: ["number", "null"] }],
  },
};

export const MetricasSchema = z.object({
  serie: z.enum(SERIES),
  regiao: z.string(),
  passo: z.int(),
  unidade: z.string(),
  pontos: PontosSchema,
});
/** `GET …/metricas/lote` (contract §9): the series in the order asked. */
export const MetricasLoteSchema = z.object({ series: z.array(MetricasSchema) });
export type MetricasLote = z.infer<typeof MetricasLoteSchema>;

export type Metricas = z.infer<typeof MetricasSchema>;

export const NovoTesteFailoverSchema = z.strictObject({
  regiao: z.string().min(1),
  /** v1.2 (§6): one of the region's three zones; only that zone goes down. */
  zona: z.string().min(1).optional(),
  duracao_s: z.int().min(30).max(3_600),
});

export const TesteFailoverSchema = z.object({
  id: z.string(),
  regiao: z.string(),
  /** The zone a zone drill took down; null for a region drill (v1.2). */
  zona: z.string().nullable(),
  /** The runbook scenario the drill exercises: `perda-regiao:<regiao>` or `perda-zona:<zona>`. */
  cenario: z.string(),
  /** The project's version when the drill started (null for drills from before v1.2). */
  versao: z.int().nullable(),
  duracao_s: z.int(),
  status: z.enum(["em-andamento", "concluido"]),
  inicio: isoTime,
  fim: isoTime.nullable(),
  primario_perdido: z.boolean(),
  deteccao_s: z.number().nullable(),
  trafego_realocado_s: z.number().nullable(),
  rto_s: z.number().nullable(),
  rpo_s: z.number().nullable(),
  /**
   * The design's estimate for this loss (contract §5), to compare with rto_s/rpo_s, and the
   * share of the error budget it spends (§8), to compare with orcamento_gasto.
   */
  estimado: z.object({
    rto_s: z.number().nullable(),
    rpo_s: z.number().nullable(),
    orcamento_gasto: z.number().nullable(),
  }),
  /** The resilience policy's targets (the blueprint's `politica`, defaults applied). */
  rto_alvo_s: z.number(),
  rpo_alvo_s: z.number(),
  requisicoes_falhas: z.int().nullable(),
  orcamento_gasto: z.number().nullable(),
  /** Each step, with `apos_s` the simulated seconds since the region went down. */
  linha_do_tempo: z.array(
    z.object({
      em: isoTime,
      apos_s: z.number(),
      evento: z.string(),
      regiao: z.string().optional(),
    }),
  ),
});
export type TesteFailover = z.infer<typeof TesteFailoverSchema>;
