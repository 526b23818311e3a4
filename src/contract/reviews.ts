/**
 * Engineering review before production cutover (contract §7, v1.2): the wire shapes the
 * emulator answers with and the console parses with.
 */
import * as z from "zod";
import { AvaliacaoSchema } from "../blueprint/avaliacao";
import { SCENARIO_STATUSES } from "../blueprint/runbook/shape";

export const REVIEW_STATUSES = [
  "pendente",
  "aprovada",
  "mudancas-solicitadas",
  "retirada",
  "desatualizada",
] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const VERIFICATION_CODES = [
  "politica-atendida",
  "runbook-testado",
  "sem-avisos",
  "alertas-slo",
  "continentes",
] as const;
export type VerificationCode = (typeof VERIFICATION_CODES)[number];

export const VerificacaoSchema = z.object({
  codigo: z.enum(VERIFICATION_CODES),
  severidade: z.enum(["alta", "media"]),
  ok: z.boolean(),
  detalhe: z.string(),
});
export type Verificacao = z.infer<typeof VerificacaoSchema>;

export const EvidenciasSchema = z.object({
  avaliacao: AvaliacaoSchema,
  runbook: z.object({
    testado: z.boolean(),
    cenarios: z.array(z.object({ id: z.string(), status: z.enum(SCENARIO_STATUSES) })),
  }),
  verificacoes: z.array(VerificacaoSchema),
});
export type Evidencias = z.infer<typeof EvidenciasSchema>;

export const ComentarioSchema = z.object({
  id: z.string(),
  autor: z.string(),
  papel: z.enum(["cliente", "revisor"]),
  ponteiro: z.string().nullable(),
  texto: z.string(),
  em: z.string(),
});
export type Comentario = z.infer<typeof ComentarioSchema>;

export const DecisaoSchema = z.object({
  por: z.string(),
  em: z.string(),
  resultado: z.enum(["aprovada", "mudancas-solicitadas"]),
  nota: z.string(),
  /** The unmet `alta` verifications an approval overrode (empty otherwise). */
  sobrepoe: z.array(z.enum(VERIFICATION_CODES)),
});
export type Decisao = z.infer<typeof DecisaoSchema>;

export const RevisaoSchema = z.object({
  id: z.string(),
  projeto: z.string(),
  /** The owner's organization (reviewers see many). */
  organizacao: z.string(),
  nome: z.string(),
  versao: z.int().min(1),
  assinatura: z.string(),
  blueprint: z.record(z.string(), z.unknown()),
  status: z.enum(REVIEW_STATUSES),
  solicitada_por: z.string(),
  solicitada_em: z.string(),
  nota: z.string(),
  evidencias: EvidenciasSchema,
  comentarios: z.array(ComentarioSchema),
  decisao: DecisaoSchema.nullable(),
});
export type Revisao = z.infer<typeof RevisaoSchema>;
export const RevisoesSchema = z.array(RevisaoSchema);

export const NovaRevisaoSchema = z.strictObject({ nota: z.string().max(2000).optional() });
export const NovoComentarioSchema = z.strictObject({
  texto: z.string().min(1).max(2000),
  ponteiro: z
    .string()
    .regex(/^(\/([^~/]|~[01])*)*$/, "a JSON Pointer (RFC 6901), like /recursos/1")
    .optional(),
});
export const NovaDecisaoSchema = z.strictObject({
  resultado: z.enum(["aprovada", "mudancas-solicitadas"]),
  nota: z.string().max(2000).optional(),
});

/** An approval over an unmet `alta` verification needs a note at least this long. */
export const OVERRIDE_NOTE_MIN = 20;
