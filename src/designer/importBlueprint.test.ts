import { describe, expect, it } from "vitest";
import { GLOBAL_SAAS } from "../blueprint";
import { blueprintFromFile, blueprintFromText } from "./importBlueprint";

describe("import", () => {
  it("accepts a blueprint, even one with errors", () => {
    expect(blueprintFromText(JSON.stringify(GLOBAL_SAAS), "a.json")).toEqual({
      ok: true,
      doc: GLOBAL_SAAS,
    });
    expect(blueprintFromText('{"recursos": [], "nome": 5}', "b.json").ok).toBe(true);
  });

  it("refuses what is not JSON or not a blueprint, saying why", () => {
    const notJson = blueprintFromText("{ nope", "x.json");
    expect(notJson).toEqual({
      ok: false,
      error: expect.stringMatching(/^x\.json: Not valid JSON at line 1, column 3/),
    });
    expect(blueprintFromText("[1,2]", "y.json")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a blueprint/),
    });
    expect(blueprintFromText('{"nome":"x"}', "z.json")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no "recursos"/),
    });
    expect(blueprintFromText(`${"[".repeat(70)}${"]".repeat(70)}`, "deep.json")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/nested deeper than 64/),
    });
  });

  it("refuses a file over 5 MB without reading it", async () => {
    const big = new File(["x".repeat(5 * 1024 * 1024 + 1)], "big.json");
    expect(await blueprintFromFile(big)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 5 MB/),
    });
  });
});
