import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "./jsonSyntax";

describe("findJsonSyntaxError", () => {
  it.each([
    ['{"a": 1,}', 8, "a trailing comma before }"],
    ["[1, 2,]", 6, "a trailing comma before ]"],
    ['{"a" 1}', 5, 'expected ":" after the property name, found "1"'],
    ["{a: 1}", 1, 'expected a property name in double quotes, found "a"'],
    ['{"a": 1 "b": 2}', 8, 'expected "," or "}" after a property value, found "\\""'],
    ["{'a': 1}", 1, 'expected a property name in double quotes, found "\'"'],
    ['{"a": "x', 6, "a string that is never closed"],
    ['{"a": tru}', 6, 'expected a value, found "t"'],
    ['{"a": 01}', 7, 'expected "," or "}" after a property value, found "1"'],
    ["{} {}", 3, "unexpected text after the end of the JSON value"],
    ['{"a": ', 6, "expected a value, found the end of the text"],
  ])("%s → offset %i: %s", (text, offset, message) => {
    expect(findJsonSyntaxError(text)).toEqual({ offset, message });
  });

  it("finds nothing wrong in any JSON that JSON.parse accepts", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
        expect(
          findJsonSyntaxError(JSON.stringify(v, null, pretty ? 2 : undefined)),
        ).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it("finds an error in every text JSON.parse refuses", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(findJsonSyntaxError(text) === undefined).toBe(parses);
      }),
      { numRuns: 2000 },
    );
  });
});
