/**
 * The assessment's wire shape (contract §5), apart from the engine in assess.ts: the API's
 * schemas name it without loading the assessment and its messages.
 */
import * as z from "zod";

export const CONFORMANCE_CODES = [
  "rto-acima-da-politica",
  "rpo-acima-da-politica",
  "disponibilidade-abaixo-da-politica",
  "zona-unica-em-regiao",
] as const;
export type ConformanceCode = (typeof CONFORMANCE_CODES)[number];

const cost = z.object({ min: z.number(), max: z.number() });

/** One field change: set `ponteiro` to `valor`. */
export const MudancaSchema = z.object({ ponteiro: z.string(), valor: z.unknown() });
export type Mudanca = z.infer<typeof MudancaSchema>;

/**
 * What resolves a conformance finding: `mudancas`, every field change it takes, applied
 * together (raising `replicas_min` raises `replicas_max` along where it must). `ponteiro` and
 * `valor` repeat the first, the field the finding is about. Offered only when applying all of
 * them adds no error and removes the finding.
 */
export const CorrecaoSchema = MudancaSchema.extend({ mudancas: z.array(MudancaSchema).min(1) });
export type Correcao = z.infer<typeof CorrecaoSchema>;

export const ConformanceFindingSchema = z.object({
  ponteiro: z.string(),
  codigo: z.enum(CONFORMANCE_CODES),
  severidade: z.enum(["erro", "aviso"]),
  mensagem: z.string(),
  correcao: CorrecaoSchema.optional(),
});
export type ConformanceFinding = z.infer<typeof ConformanceFindingSchema>;

export const CenarioSchema = z.object({
  tipo: z.enum(["perda-regiao", "perda-zona"]),
  regiao: z.string(),
  sobrevive: z.boolean(),
  rto_s: z.number().nullable(),
  rpo_s: z.number().nullable(),
  /** Where the lost traffic goes (contract §8); null when the scenario does not survive. */
  destino: z.string().nullable(),
  /** round(0.015 × km between `regiao` and `destino`); 0 when the region stays in rotation. */
  latencia_extra_ms: z.number().nullable(),
  /** The share of the availability SLO's error budget the scenario spends (6 decimals). */
  orcamento_gasto: z.number().nullable(),
});
export type Cenario = z.infer<typeof CenarioSchema>;

/** The assessment's wire shape (contract §5 `Avaliacao`). */
export const AvaliacaoSchema = z.object({
  disponibilidade_estimada_pct: z.number(),
  cenarios: z.array(CenarioSchema),
  rto_s: z.number().nullable(),
  rpo_s: z.number().nullable(),
  politica: z.object({ rto_s: z.number(), rpo_s: z.number(), disponibilidade_pct: z.number() }),
  conformidade: z.array(ConformanceFindingSchema),
  custo_mensal_usd: cost.extend({
    por_regiao: z.array(cost.extend({ regiao: z.string() })),
    por_recurso: z.array(cost.extend({ nome: z.string() })),
  }),
});
export type Avaliacao = z.infer<typeof AvaliacaoSchema>;
