import { describe, expect, it } from "vitest";
import type { Evento } from "../../contract/schemas";
import { practiceUnderWay, timeAxis } from "./runbookView";

const ev = (dados: Record<string, unknown>, tipo: Evento["tipo"] = "teste-failover"): Evento => ({
  id: "1",
  em: "2026-12-01T00:00:00.000Z",
  tipo,
  dados,
});

describe("practiceUnderWay", () => {
  const start = ev({ fase: "pratica-inicio", pratica: "p1", cenarios: ["a", "b", "c"] });

  it("follows a practice from its start, through its drills and refusals, to its end", () => {
    const events = [
      start,
      ev({ fase: "inicio", pratica: "p1", cenario: "a" }),
      ev({ fase: "falha-detectada" }, "saude"),
      ev({ fase: "fim", pratica: "p1", cenario: "a" }),
      ev({ fase: "pratica-recusado", pratica: "p1", cenario: "b", codigo: "teste-inseguro" }),
    ];
    expect(practiceUnderWay(events)).toEqual({
      pratica: "p1",
      cenarios: ["a", "b", "c"],
      done: ["a", "b"],
      refused: [{ cenario: "b", codigo: "teste-inseguro" }],
    });
    expect(practiceUnderWay([...events, ev({ fase: "pratica-fim", pratica: "p1" })])).toBe(
      undefined,
    );
  });

  it("ignores drills run by hand and the ends of other practices", () => {
    expect(practiceUnderWay([ev({ fase: "inicio", cenario: "a" })])).toBeUndefined();
    expect(practiceUnderWay([start, ev({ fase: "pratica-fim", pratica: "p0" })])?.pratica).toBe(
      "p1",
    );
  });
});

describe("timeAxis", () => {
  const passos = [
    { ordem: 1, acao: "detectar", automatico: true, apos_s: 30, descricao: "" },
    { ordem: 2, acao: "desviar-trafego", automatico: true, apos_s: 32, descricao: "" },
    { ordem: 3, acao: "verificar", automatico: false, apos_s: null, descricao: "" },
  ] as const;

  it("places the automatic steps and the policy on one axis that holds both", () => {
    const axis = timeAxis({ passos: [...passos] }, 60);
    expect(axis.end).toBe(70);
    expect(axis.marks.map((m) => [m.acao, m.at])).toEqual([
      ["detectar", 30 / 70],
      ["desviar-trafego", 32 / 70],
    ]);
    expect(axis.policyAt).toBeCloseTo(60 / 70);
    expect(timeAxis({ passos: [...passos] }, 10).end).toBe(40);
  });
});
