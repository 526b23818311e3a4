import { describe, expect, it } from "vitest";
import { type Finding, GLOBAL_SAAS } from "../blueprint";
import type { Doc } from "./doc";
import { findingsOf } from "./store";

describe("findingsOf", () => {
  it("validates a document once, however many panels ask", () => {
    const doc = structuredClone(GLOBAL_SAAS) as unknown as Doc;
    const none: Finding[] = [];
    expect(findingsOf(doc, "enterprise", none)).toBe(findingsOf(doc, "enterprise", none));
    expect(findingsOf(doc, "starter", none).map((f) => f.codigo)).toEqual(["plano-insuficiente"]);
  });

  it("adds the server's findings without repeating local ones", () => {
    const doc = structuredClone(GLOBAL_SAAS) as unknown as Doc;
    const local = findingsOf(doc, "starter", [])[0];
    const server: Finding[] = [
      local,
      {
        ponteiro: "/recursos/1/config/replicacao",
        codigo: "plano-insuficiente",
        severidade: "erro",
        mensagem: "x",
      },
    ];
    expect(findingsOf(doc, "starter", server)).toEqual([local, server[1]]);
  });
});
