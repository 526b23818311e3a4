/**
 * Finds where JSON text first breaks, for error messages: JSON.parse in current engines no
 * longer says where. Also refuses a key repeated in one object, which JSON.parse accepts with
 * the last value silently winning. Runs on text whose nesting is already capped, so plain
 * recursion is safe.
 */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

class SyntaxStop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new SyntaxStop(at, message);
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const describeHere = () => (i >= text.length ? "the end of the text" : JSON.stringify(text[i]));
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
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            fail("a \\u escape needs four hex digits");
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail("an invalid escape in a string");
      } else if (c < " ") fail("a control character inside a string (escape it, e.g. \\n)");
      else i++;
    }
    return fail("a string that is never closed", start);
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === "" || m[0] === "-") fail(`an invalid number`);
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
    if (c === "'") fail("strings must use double quotes");
    fail(`expected a value, found ${describeHere()}`);
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
        fail(
          text[i] === "}"
            ? "a trailing comma before }"
            : `expected a property name in double quotes, found ${describeHere()}`,
        );
      const keyStart = i;
      const raw = string();
      const key = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      if (keys.has(key))
        fail(`the key ${JSON.stringify(key)} appears twice in one object; keep one`, keyStart);
      keys.add(key);
      ws();
      if (text[i] !== ":") fail(`expected ":" after the property name, found ${describeHere()}`);
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
      fail(`expected "," or "}" after a property value, found ${describeHere()}`);
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
      if (text[i] === "]") fail("a trailing comma before ]");
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
      fail(`expected "," or "]" after an array item, found ${describeHere()}`);
    }
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value();
    ws();
    if (i < text.length) fail("unexpected text after the end of the JSON value");
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxStop) return { offset: e.offset, message: e.message };
    throw e;
  }
}
