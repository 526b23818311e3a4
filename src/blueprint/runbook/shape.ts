/**
 * The runbook's wire shape (contract §6, v1.2), apart from the engine in runbook.ts: the API's
 * schemas and the console's client name it without loading the engine and its messages.
 */
import * as z from "zod";

/** Decided in this order (contract §6): the first that applies is the scenario's status. */
export const SCENARIO_STATUSES = [
  "sem-failover",
  "nunca-testado",
  "desatualizado",
  "reprovado",
  "vencido",
  "testado",
] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

export const STEP_ACTIONS = [
  "detectar",
  "desviar-trafego",
  "promover-replica",
  "verificar",
  "retornar",
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

const seconds = z.object({ rto_s: z.number().nullable(), rpo_s: z.number().nullable() });

export const PassoSchema = z.object({
  ordem: z.int().min(1),
  acao: z.enum(STEP_ACTIONS),
  automatico: z.boolean(),
  apos_s: z.number().nullable(),
  recurso: z.string().optional(),
  regiao: z.string().optional(),
  descricao: z.string(),
});
export type Passo = z.infer<typeof PassoSchema>;

export const EvidenciaSchema = z.object({
  id: z.string(),
  terminado_em: z.string(),
  versao: z.int().nullable(),
  rto_s: z.number().nullable(),
  rpo_s: z.number().nullable(),
  estimado: seconds,
});
export type Evidencia = z.infer<typeof EvidenciaSchema>;

export const CenarioRunbookSchema = z.object({
  id: z.string(),
  tipo: z.enum(["perda-regiao", "perda-zona"]),
  regiao: z.string(),
  zona: z.string().nullable(),
  sobrevive: z.boolean(),
  estimado: seconds,
  status: z.enum(SCENARIO_STATUSES),
  passos: z.array(PassoSchema),
  teste: EvidenciaSchema.nullable(),
});
export type CenarioRunbook = z.infer<typeof CenarioRunbookSchema>;

export const RunbookSchema = z.object({
  /** The project's id; null for a runbook made from a blueprint file (the CLI). */
  projeto: z.string().nullable(),
  nome: z.string(),
  versao: z.int().nullable(),
  gerado_em: z.string(),
  validade_teste_dias: z.int(),
  testado: z.boolean(),
  politica: z.object({ rto_s: z.number(), rpo_s: z.number(), disponibilidade_pct: z.number() }),
  cenarios: z.array(CenarioRunbookSchema),
});
export type Runbook = z.infer<typeof RunbookSchema>;

/** `POST …/runbook/praticar` → 202: the scenarios queued, in the order they will run. */
export const PraticaSchema = z.object({ cenarios: z.array(z.string()) });
export type Pratica = z.infer<typeof PraticaSchema>;
