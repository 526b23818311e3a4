import { describe, expect, it } from "vitest";
import { MAX_BLUEPRINT_BYTES, nestingDepth, parseBlueprintText } from "./parse";

describe("parseBlueprintText", () => {
  it("parses a blueprint", () => {
    expect(parseBlueprintText('{"nome":"x"}')).toEqual({ ok: true, value: { nome: "x" } });
  });

  it("says where the JSON is broken", () => {
    const r = parseBlueprintText('{\n  "nome": "x",\n  "recursos": [,]\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Not valid JSON at line 3, column \d+: /);
  });

  it("refuses an empty file", () => {
    expect(parseBlueprintText("  \n")).toEqual({
      ok: false,
      error: "The file is empty: a blueprint is a JSON object.",
    });
    expect(parseBlueprintText("", { subject: "body" })).toEqual({
      ok: false,
      error: "The body is empty: a blueprint is a JSON object.",
    });
  });

  it("refuses more than 5 MB before parsing, counting UTF-8 bytes", () => {
    const big = `{"nome":"${"x".repeat(MAX_BLUEPRINT_BYTES)}"}`;
    const r = parseBlueprintText(big);
    expect(r).toEqual({
      ok: false,
      error: "The file is larger than 5 MB; a blueprint is at most 5 MB.",
    });
    // 2 million 3-byte characters: under 5 M characters but over 5 MB.
    expect(parseBlueprintText(`"${"€".repeat(2_000_000)}"`).ok).toBe(false);
    expect(parseBlueprintText(`"${"€".repeat(1_000_000)}"`).ok).toBe(true);
  });

  it("refuses nesting deeper than 64 levels, and accepts 64", () => {
    const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    expect(parseBlueprintText(deep(64)).ok).toBe(true);
    const r = parseBlueprintText(deep(65));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/nested deeper than 64 levels/);
    // 100,000 levels would overflow a recursive walker; the scan refuses it without recursion.
    expect(parseBlueprintText(deep(100_000)).ok).toBe(false);
  });

  it("counts depth outside strings only", () => {
    expect(nestingDepth('{"a":"[[[[{{{{\\"[[["}')).toBe(1);
    expect(nestingDepth('[{"a":[1,{"b":[]}]}]')).toBe(5);
  });
});
