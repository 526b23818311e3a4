/**
 * Reading blueprint text from outside (a file, a paste, a request body) with the limits every
 * face applies before parsing: a size cap and a nesting cap, so a hostile file cannot exhaust
 * memory or the parser's stack.
 */
import type { Locale } from "../i18n";
import { blueprintT } from "./i18n";
import { findJsonSyntaxError } from "./jsonSyntax";

export const MAX_BLUEPRINT_BYTES = 5 * 1024 * 1024;
export const MAX_BLUEPRINT_DEPTH = 64;

export type ParsedText = { ok: true; value: unknown } | { ok: false; error: string };

export interface ParseLimits {
  maxBytes?: number;
  maxDepth?: number;
  /** What the text is, as messages name it: the file (default), the request body, the JSON. */
  subject?: "file" | "body" | "json";
  /** The language of the error; English when absent. */
  locale?: Locale;
}

/** UTF-8 byte length, computed only when the character count alone cannot decide. */
function exceedsBytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return new TextEncoder().encode(text).length > maxBytes;
}

/** The deepest nesting of arrays and objects, scanning outside strings; stops past `limit`. */
export function nestingDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}

export function parseBlueprintText(text: string, limits: ParseLimits = {}): ParsedText {
  const maxBytes = limits.maxBytes ?? MAX_BLUEPRINT_BYTES;
  const maxDepth = limits.maxDepth ?? MAX_BLUEPRINT_DEPTH;
  const t = blueprintT(limits.locale);
  const subject = limits.subject ?? "file";
  if (exceedsBytes(text, maxBytes))
    return {
      ok: false,
      error: t("parse.tooLarge", { subject, mb: Math.round(maxBytes / (1024 * 1024)) }),
    };
  if (nestingDepth(text, maxDepth) > maxDepth)
    return { ok: false, error: t("parse.tooDeep", { depth: maxDepth }) };
  if (text.trim() === "") return { ok: false, error: t("parse.empty", { subject }) };
  // The scan runs first, not only when JSON.parse fails: JSON.parse accepts a repeated key.
  const found = findJsonSyntaxError(text, limits.locale);
  if (found)
    return {
      ok: false,
      error: t("parse.invalidAt", { ...lineAndColumn(text, found.offset), detail: found.message }),
    };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return {
      ok: false,
      error: t("parse.invalid", { detail: e instanceof Error ? e.message : String(e) }),
    };
  }
}
