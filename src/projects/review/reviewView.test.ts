import { describe, expect, it } from "vitest";
import { GLOBAL_SAAS, SINGLE_REGION_WEB } from "../../blueprint/templates";
import type { Revisao } from "../../contract/reviews";
import { changesSinceApproved, commentCounts, cutoverState, resourceOfPointer } from "./reviewView";

const project = (blueprint: object, over = {}) => ({
  fase: "pre-producao" as const,
  status: "ativo" as const,
  blueprint: blueprint as Record<string, unknown>,
  ...over,
});

function review(over: Partial<Revisao>): Revisao {
  return {
    id: "r1",
    projeto: "p",
    organizacao: "demo",
    nome: "Global SaaS",
    versao: 1,
    assinatura: "a",
    blueprint: GLOBAL_SAAS as unknown as Record<string, unknown>,
    status: "pendente",
    solicitada_por: "demo",
    solicitada_em: "2026-12-01T00:00:00.000Z",
    nota: "",
    evidencias: {} as Revisao["evidencias"],
    comentarios: [],
    decisao: null,
    ...over,
  };
}
const approved = { por: "eng", em: "x", resultado: "aprovada" as const, nota: "", sobrepoe: [] };

describe("cutoverState", () => {
  it("lets a one-region design cut over with no review", () => {
    expect(cutoverState(project(SINGLE_REGION_WEB), [])).toEqual({
      allowed: true,
      reason: "why.noReviewNeeded",
    });
  });

  it("says why a multi-region design may not cut over yet", () => {
    const p = project(GLOBAL_SAAS);
    expect(cutoverState(p, []).reason).toBe("why.needsReview");
    expect(cutoverState(p, [review({})]).reason).toBe("why.pending");
    expect(cutoverState(p, [review({ status: "mudancas-solicitadas" })]).reason).toBe(
      "why.changesRequested",
    );
    expect(cutoverState(p, [review({ status: "desatualizada", decisao: approved })]).reason).toBe(
      "why.approvedOtherVersion",
    );
    expect(cutoverState(p, [review({ status: "aprovada", decisao: approved })])).toEqual({
      allowed: true,
      reason: "why.ok",
    });
    expect(cutoverState({ ...p, status: "implantando" }, []).reason).toBe("why.notActive");
    expect(cutoverState({ ...p, fase: "producao" }, []).allowed).toBe(false);
  });
});

describe("changesSinceApproved", () => {
  it("diffs against the last approved review before this one", () => {
    const old = review({ id: "r0", versao: 1, status: "desatualizada", decisao: approved });
    const bigger = {
      ...GLOBAL_SAAS,
      recursos: GLOBAL_SAAS.recursos.map((r) =>
        r.tipo === "compute" ? { ...r, config: { ...r.config, replicas_min: 6 } } : r,
      ),
    };
    const now = review({
      id: "r1",
      versao: 2,
      solicitada_em: "2026-12-02T00:00:00.000Z",
      blueprint: bigger as unknown as Record<string, unknown>,
    });
    expect(changesSinceApproved(now, [now, old])).toEqual({
      versao: 1,
      plan: {
        criar: [],
        alterar: [{ nome: "app-global", campos: ["/config/replicas_min"] }],
        remover: [],
      },
      approved: true,
    });
    expect(changesSinceApproved(old, [now, old])).toBeUndefined();
    // None approved: the changes since engineering asked for them.
    const asked = review({
      id: "r0",
      status: "mudancas-solicitadas",
      decisao: { ...approved, resultado: "mudancas-solicitadas" },
    });
    expect(changesSinceApproved(now, [now, asked])?.approved).toBe(false);
    expect(changesSinceApproved(now, [now, review({ id: "r0" })])).toBeUndefined();
  });
});

describe("comments on the canvas", () => {
  it("pin each comment to the resource its pointer names", () => {
    const bp = GLOBAL_SAAS as unknown as Record<string, unknown>;
    expect(resourceOfPointer(bp, "/recursos/1/config/ha")).toBe("db-global");
    expect(resourceOfPointer(bp, "/recursos/1")).toBe("db-global");
    expect(resourceOfPointer(bp, "/nome")).toBeUndefined();
    expect(resourceOfPointer(bp, null)).toBeUndefined();
    const comment = (ponteiro: string | null) => ({
      id: "c",
      autor: "eng",
      papel: "revisor" as const,
      ponteiro,
      texto: "t",
      em: "x",
    });
    expect(
      commentCounts(
        review({
          comentarios: [comment("/recursos/1"), comment("/recursos/1/config"), comment(null)],
        }),
      ),
    ).toEqual(new Map([["db-global", 2]]));
  });
});
