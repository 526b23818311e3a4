/**
 * Finds where JSON text first breaks, for error messages: JSON.parse in current engines no
 * longer says where. Also refuses a key repeated in one object, which JSON.parse accepts with
 * the last value silently winning. Runs on text whose nesting is already capped, so plain
 * recursion is safe.
 */
import type { Locale, MessageValues } from "../i18n";
import { type BlueprintMessageKey, blueprintT } from "./i18n";

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

class SyntaxStop extends Error {
  constructor(
    readonly offset: number,
    readonly key: BlueprintMessageKey,
    readonly values: MessageValues,
  ) {
    super(key);
  }
}

export function findJsonSyntaxError(text: string, locale?: Locale): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (key: BlueprintMessageKey, values: MessageValues = {}, at = i): never => {
    throw new SyntaxStop(at, key, values);
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const describeHere = () =>
    i >= text.length ? blueprintT(locale)("json.endOfText") : JSON.stringify(text[i]);
  /** Scans a string; returns its raw text, quotes included. */
  const string = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return text.slice(start, i);
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("json.unicodeEscape");
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail("json.escape");
      } else if (c < " ") fail("json.controlChar");
      else i++;
    }
    return fail("json.unclosedString", {}, start);
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === "" || m[0] === "-") fail("json.number");
    else i += m[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") object();
    else if (c === "[") array();
    else if (c === '"') string();
    else if (c === "-" || (c >= "0" && c <= "9")) number();
    else literal(c);
  };
  const literal = (c: string | undefined) => {
    for (const word of ["true", "false", "null"])
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    if (c === "'") fail("json.singleQuotes");
    fail("json.expectedValue", { found: describeHere() });
  };
  const object = () => {
    i++;
    ws();
    if (text[i] === "}") {
      i++;
      return;
    }
    const keys = new Set<string>();
    for (;;) {
      ws();
      if (text[i] !== '"')
        text[i] === "}"
          ? fail("json.trailingCommaObject")
          : fail("json.expectedName", { found: describeHere() });
      const keyStart = i;
      const raw = string();
      const key = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      if (keys.has(key)) fail("json.duplicateKey", { key: JSON.stringify(key) }, keyStart);
      keys.add(key);
      ws();
      if (text[i] !== ":") fail("json.expectedColon", { found: describeHere() });
      i++;
      value();
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return;
      }
      fail("json.expectedObjectEnd", { found: describeHere() });
    }
  };
  const array = () => {
    i++;
    ws();
    if (text[i] === "]") {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === "]") fail("json.trailingComma");
      value();
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return;
      }
      fail("json.expectedArrayEnd", { found: describeHere() });
    }
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value();
    ws();
    if (i < text.length) fail("json.trailingText");
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxStop)
      return { offset: e.offset, message: blueprintT(locale)(e.key, e.values) };
    throw e;
  }
}
