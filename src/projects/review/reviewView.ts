/**
 * What the review screens derive from the API's answers: whether a project may cut over and
 * why not, what changed since the last approved review, and where each comment points.
 */
import { type ChangePlan, diffBlueprints } from "../../blueprint/diff";
import { resourceIndexOf } from "../../blueprint/findings";
import type { Revisao } from "../../contract/reviews";
import type { Projeto } from "../../contract/schemas";
import type { ReviewPageMessageKey } from "./i18n";

export type CutoverReason = Extract<
  ReviewPageMessageKey,
  | "why.needsReview"
  | "why.pending"
  | "why.changesRequested"
  | "why.approvedOtherVersion"
  | "why.notActive"
  | "why.ok"
  | "why.noReviewNeeded"
>;

/**
 * Whether the Cut over button may act, mirroring the API's rules (contract §7): a multi-region
 * design needs an approved review of its current design (the API marks an approval of another
 * design `desatualizada`, so an `aprovada` review is of this one).
 */
export function cutoverState(
  project: Pick<Projeto, "fase" | "status" | "blueprint">,
  reviews: readonly Pick<Revisao, "status" | "decisao" | "solicitada_em">[],
): { allowed: boolean; reason: CutoverReason | undefined } {
  if (project.fase === "producao") return { allowed: false, reason: undefined };
  if (project.status !== "ativo") return { allowed: false, reason: "why.notActive" };
  if (project.blueprint.resiliencia !== "multi-regiao")
    return { allowed: true, reason: "why.noReviewNeeded" };
  if (reviews.some((r) => r.status === "aprovada")) return { allowed: true, reason: "why.ok" };
  if (reviews.some((r) => r.status === "pendente"))
    return { allowed: false, reason: "why.pending" };
  const latest = [...reviews].sort((a, b) => b.solicitada_em.localeCompare(a.solicitada_em))[0];
  if (latest?.status === "mudancas-solicitadas")
    return { allowed: false, reason: "why.changesRequested" };
  if (reviews.some((r) => r.status === "desatualizada" && r.decisao?.resultado === "aprovada"))
    return { allowed: false, reason: "why.approvedOtherVersion" };
  return { allowed: false, reason: "why.needsReview" };
}

/**
 * The design changes since the project's last approved review before this one, or, when none
 * was approved, since the last one engineering asked changes on (what those changes were).
 */
export function changesSinceApproved(
  review: Pick<Revisao, "id" | "blueprint" | "solicitada_em">,
  reviews: readonly Revisao[],
): { versao: number; plan: ChangePlan; approved: boolean } | undefined {
  const before = reviews
    .filter((r) => r.id !== review.id && r.solicitada_em < review.solicitada_em && r.decisao)
    .sort((a, b) => b.solicitada_em.localeCompare(a.solicitada_em));
  const approved = before.find((r) => r.decisao?.resultado === "aprovada");
  const base = approved ?? before.find((r) => r.decisao?.resultado === "mudancas-solicitadas");
  if (!base) return undefined;
  return {
    versao: base.versao,
    plan: diffBlueprints(base.blueprint, review.blueprint),
    approved: approved !== undefined,
  };
}

/** The resource a comment's pointer names (`/recursos/1/config/ha` → that resource's name). */
export function resourceOfPointer(
  blueprint: Record<string, unknown>,
  ponteiro: string | null,
): string | undefined {
  const index = resourceIndexOf(ponteiro ?? "");
  if (index === undefined) return undefined;
  const recursos = Array.isArray(blueprint.recursos) ? blueprint.recursos : [];
  const r = recursos[index] as { nome?: unknown } | undefined;
  return typeof r?.nome === "string" ? r.nome : undefined;
}

/** Comments per resource, for the pins on the canvas. */
export function commentCounts(review: Pick<Revisao, "blueprint" | "comentarios">) {
  const counts = new Map<string, number>();
  for (const c of review.comentarios) {
    const nome = resourceOfPointer(review.blueprint, c.ponteiro);
    if (nome) counts.set(nome, (counts.get(nome) ?? 0) + 1);
  }
  return counts;
}
