/**
 * Wire schemas of contract §2 beyond monitoring: account, regions, validation, projects,
 * deployments, events and errors. The emulator answers with them, the console parses every
 * response with them, and the OpenAPI document is generated from them.
 */
import * as z from "zod";
// From the modules themselves, not the blueprint's index: that would build the blueprint's
// schema and load its rules on every page that talks to the API (the Monitor among them).
import { AvaliacaoSchema } from "../blueprint/avaliacao";
import { FINDING_CODES } from "../blueprint/findings";
import { PLANS } from "../blueprint/plans";
import { RESOURCE_TYPES } from "../blueprint/resourceTypes";

const isoTime = z.iso.datetime({ offset: true });

export type { Finding } from "../blueprint/findings";
/** The largest request body the API accepts (contract §2): above it, 413. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

export const FindingSchema = z.object({
  ponteiro: z.string(),
  codigo: z.enum(FINDING_CODES),
  severidade: z.enum(["erro", "aviso"]),
  mensagem: z.string(),
});

/** RFC 9457 problem details, with the contract's `problemas` extension. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  problemas: z.array(FindingSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** A customer's token carries its plan; a Tesserra engineer's (`papel: "revisor"`, §7) none. */
export const ContaSchema = z.object({
  organizacao: z.string(),
  papel: z.enum(["cliente", "revisor"]),
  plano: z.enum(PLANS).optional(),
});
export type Conta = z.infer<typeof ContaSchema>;

export const RegiaoCatalogoSchema = z.object({
  id: z.string(),
  cidade: z.string(),
  continente: z.string(),
  lat: z.number(),
  lon: z.number(),
  zonas: z.array(z.string()),
});
export const RegioesSchema = z.array(RegiaoCatalogoSchema);

export const ValidacaoSchema = z.object({
  valido: z.boolean(),
  problemas: z.array(FindingSchema),
});
export type Validacao = z.infer<typeof ValidacaoSchema>;

export const PlanoMudancaSchema = z.object({
  criar: z.array(z.string()),
  alterar: z.array(z.object({ nome: z.string(), campos: z.array(z.string()) })),
  remover: z.array(z.string()),
});

/**
 * `POST /v1/projetos/{id}/plano`: the diff, the version it was computed against, the warnings,
 * and what the change does to the assessment (contract §5; `antes` is null when the stored
 * blueprint no longer passes today's rules).
 */
export const PlanoRespostaSchema = PlanoMudancaSchema.extend({
  versao_atual: z.int().min(1),
  problemas: z.array(FindingSchema),
  avaliacao: z.object({ antes: AvaliacaoSchema.nullable(), depois: AvaliacaoSchema }),
});
export type PlanoResposta = z.infer<typeof PlanoRespostaSchema>;

export const PROJECT_STATUSES = ["implantando", "ativo", "falhou"] as const;
export const STEP_STATUSES = ["pendente", "provisionando", "pronto", "falhou"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/**
 * The stored blueprint is passed through as the user submitted it (already validated on the
 * way in), so the response schema does not re-judge it: a record keeps the client tolerant
 * of the extensions under `diagrama`.
 */
export const ProjetoSchema = z.object({
  id: z.string(),
  nome: z.string(),
  blueprint: z.record(z.string(), z.unknown()),
  versao: z.int().min(1),
  status: z.enum(PROJECT_STATUSES),
  /** Pre-production until a cutover (v1.2, §7). */
  fase: z.enum(["pre-producao", "producao"]),
  implantacao_atual: z.string(),
  criado_em: isoTime,
  atualizado_em: isoTime,
});
export type Projeto = z.infer<typeof ProjetoSchema>;
export const ProjetosSchema = z.array(ProjetoSchema);

export const PassoSchema = z.object({
  recurso: z.string(),
  tipo: z.enum(RESOURCE_TYPES),
  regiao: z.string(),
  status: z.enum(STEP_STATUSES),
  atualizado_em: isoTime,
});
export type Passo = z.infer<typeof PassoSchema>;

export const ImplantacaoSchema = z.object({
  id: z.string(),
  projeto: z.string(),
  versao: z.int().min(1),
  status: z.enum(STEP_STATUSES),
  criada_em: isoTime,
  concluida_em: isoTime.nullable(),
  passos: z.array(PassoSchema),
});
export type Implantacao = z.infer<typeof ImplantacaoSchema>;

export const EVENT_TYPES = [
  "implantacao",
  "saude",
  "failover-inicio",
  "failover-fim",
  "alerta",
  "teste-failover",
  "revisao",
] as const;

export const EventoSchema = z.object({
  id: z.string(),
  em: isoTime,
  tipo: z.enum(EVENT_TYPES),
  dados: z.record(z.string(), z.unknown()),
});
export type Evento = z.infer<typeof EventoSchema>;
export const EventosSchema = z.array(EventoSchema);
