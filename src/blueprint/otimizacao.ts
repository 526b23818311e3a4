/**
 * The optimiser's wire shape (contract §8), apart from the engine in optimize.ts: the API's
 * schemas and the console's worker messages name it without loading the search.
 */
import * as z from "zod";
import { AvaliacaoSchema } from "./avaliacao";

export const OBJETIVOS = ["menor-custo", "menos-mudancas", "maior-disponibilidade"] as const;
export type Objetivo = (typeof OBJETIVOS)[number];

/** One field that differs between the normalized input and a candidate. */
export const MudancaOtimizacaoSchema = z.object({
  ponteiro: z.string(),
  de: z.unknown(),
  para: z.unknown(),
});
export type MudancaOtimizacao = z.infer<typeof MudancaOtimizacaoSchema>;

export const OpcaoSchema = z.object({
  objetivo: z.enum(OBJETIVOS),
  mudancas: z.array(MudancaOtimizacaoSchema),
  /** The input as written with `mudancas` applied (nothing else touched, `diagrama` kept). */
  blueprint: z.record(z.string(), z.unknown()),
  avaliacao: AvaliacaoSchema,
});
export type Opcao = z.infer<typeof OpcaoSchema>;

export const PontoFronteiraSchema = z.object({
  custo_max: z.number(),
  disponibilidade_estimada_pct: z.number(),
  atende: z.boolean(),
});
export type PontoFronteira = z.infer<typeof PontoFronteiraSchema>;

/**
 * Why nothing qualifies (an addition to the contract's shape, present only when `opcoes` is
 * empty): the first constraint, in this order, that no candidate meets even on its own.
 * `melhor` is the best any valid candidate reaches on it (the highest estimate, the lowest RTO,
 * the lowest RPO); `combinacao` means each is met by some candidate but never all at once.
 */
export const SEM_OPCAO = [
  "invalido",
  "zona-unica-em-regiao",
  "rto-acima-da-politica",
  "rpo-acima-da-politica",
  "disponibilidade-abaixo-da-politica",
  "combinacao",
] as const;
export const SemOpcaoSchema = z.object({
  codigo: z.enum(SEM_OPCAO),
  melhor: z.number().nullable(),
});
export type SemOpcao = z.infer<typeof SemOpcaoSchema>;

export const OtimizacaoSchema = z.object({
  atual: z.object({
    custo_max: z.number(),
    disponibilidade_estimada_pct: z.number(),
    atende: z.boolean(),
  }),
  opcoes: z.array(OpcaoSchema),
  fronteira: z.array(PontoFronteiraSchema),
  sem_opcao: SemOpcaoSchema.optional(),
});
export type Otimizacao = z.infer<typeof OtimizacaoSchema>;
