/**
 * Reading a blueprint someone hands the designer (file, drop, paste). Anything that is not a
 * blueprint is refused with a message that says why, before the current design is touched; a
 * blueprint with errors is accepted, and its findings show once it is open.
 */
import { MAX_BLUEPRINT_BYTES, parseBlueprintText } from "../blueprint";
import { type Doc, isObject } from "./doc";

export type ImportResult = { ok: true; doc: Doc } | { ok: false; error: string };

export function blueprintFromText(text: string, source: string): ImportResult {
  const parsed = parseBlueprintText(text);
  if (!parsed.ok) return { ok: false, error: `${source}: ${parsed.error}` };
  const value = parsed.value;
  if (!isObject(value))
    return {
      ok: false,
      error: `${source} is JSON but not a blueprint: a blueprint is an object with "nome", "resiliencia" and "recursos".`,
    };
  if (!Array.isArray(value.recursos))
    return {
      ok: false,
      error: `${source} is JSON but not a blueprint: it has no "recursos" list. Export a blueprint from the designer or write one by the contract.`,
    };
  return { ok: true, doc: value as Doc };
}

export async function blueprintFromFile(file: File): Promise<ImportResult> {
  // Checked before reading: a huge file is refused without loading it into memory.
  if (file.size > MAX_BLUEPRINT_BYTES)
    return {
      ok: false,
      error: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a blueprint is at most 5 MB.`,
    };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: `${file.name} could not be read.` };
  }
  return blueprintFromText(text, file.name);
}
