import { describe, expect, it } from "vitest";
import { assess, GLOBAL_SAAS, normalizeBlueprint } from "../blueprint";
import { loadLocale, translator } from "../i18n";
import { panelMessages } from "./panels/i18n";
import { fixLabel, regionLossSentence, usd } from "./resilience";

describe("the Resilience view's words", () => {
  const a = assess(normalizeBlueprint(GLOBAL_SAAS));
  const t = translator(panelMessages, "en");

  it("says what losing a region does, with the figures of the assessment", () => {
    expect(regionLossSentence(a, "sa-east-1", t, "en")).toBe(
      "If São Paulo goes down: traffic moves to Ashburn in 36 s; up to 2.5 s of writes are lost.",
    );
    expect(regionLossSentence(a, "eu-central-1", t, "en")).toBe(
      "If Frankfurt goes down: traffic moves to Ashburn in 32 s; no write is lost.",
    );
  });

  it("names one-click fixes by every field they set", () => {
    const one = (ponteiro: string, valor: unknown) => fixLabel([{ ponteiro, valor }], t, "en");
    expect(one("/recursos/0/config/replicas_min", 6)).toBe("Set Minimum replicas to 6");
    expect(
      one("/recursos/2/config/health_check", { intervalo_s: 8, falhas_para_failover: 3 }),
    ).toBe("Check every 8 s × 3");
    expect(one("/recursos/1/config/replicacao", "sincrona")).toBe(
      "Set Replication to Synchronous (quorum)",
    );
    const both = [
      { ponteiro: "/recursos/0/config/replicas_min", valor: 6 },
      { ponteiro: "/recursos/0/config/replicas_max", valor: 6 },
    ];
    expect(fixLabel(both, t, "en")).toBe("Set Minimum replicas to 6 and Maximum replicas to 6");
    const names = ["app", "db"];
    expect(
      fixLabel(
        [...both, { ponteiro: "/recursos/1/config/ha", valor: true }],
        t,
        "en",
        (i) => names[i],
      ),
    ).toBe(
      "app: Set Minimum replicas to 6 and Maximum replicas to 6; db: Set High availability to true",
    );
  });

  it("names only what a design lacks to survive a region loss", () => {
    const one = assess(
      normalizeBlueprint({ ...GLOBAL_SAAS, resiliencia: "multi-zona", regioes: ["sa-east-1"] }),
    );
    expect(regionLossSentence(one, "sa-east-1", t, "en", true)).toMatch(/Add a region\.$/);
    expect(regionLossSentence(one, "sa-east-1", t, "en", false)).toMatch(
      /Add a region and a gateway\.$/,
    );
  });

  it("speaks Portuguese, with the locale's decimals and money", async () => {
    await loadLocale("pt-BR");
    const pt = translator(panelMessages, "pt-BR");
    expect(regionLossSentence(a, "sa-east-1", pt, "pt-BR")).toBe(
      "Se São Paulo cair: o tráfego vai para Ashburn em 36 s; até 2,5 s de escritas são perdidos.",
    );
    expect(usd(1089.2, "pt-BR")).toBe("US$\u00a01.089,20");
    expect(usd(1089.2, "en")).toBe("$1,089.20");
  });
});
