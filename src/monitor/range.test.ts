import { describe, expect, it } from "vitest";
import { queryWindow } from "./range";

describe("queryWindow", () => {
  it("ends at the current minute and spans the range", () => {
    const now = Date.parse("2026-11-25T10:17:42.500Z");
    expect(queryWindow("1h", now)).toEqual({
      de: "2026-11-25T09:17:00.000Z",
      ate: "2026-11-25T10:17:00.000Z",
    });
    expect(Date.parse(queryWindow("30d", now).ate) - Date.parse(queryWindow("30d", now).de)).toBe(
      30 * 86_400_000,
    );
  });

  it("is the same window for every moment of one minute", () => {
    const a = queryWindow("24h", Date.parse("2026-11-25T10:17:00.001Z"));
    const b = queryWindow("24h", Date.parse("2026-11-25T10:17:59.999Z"));
    expect(a).toEqual(b);
  });
});
