/**
 * Reading a blueprint someone hands the designer (file, drop, paste). Anything that is not a
 * blueprint is refused with a message that says why, before the current design is touched; a
 * blueprint with errors is accepted, and its findings show once it is open.
 */
import { MAX_BLUEPRINT_BYTES, parseBlueprintText } from "../blueprint";
import { currentLocale, translator } from "../i18n";
import { formatFixed } from "../i18n/format";
import { type Doc, isObject } from "./doc";
import { designerMessages } from "./i18n";

export type ImportResult = { ok: true; doc: Doc } | { ok: false; error: string };

export function blueprintFromText(text: string, source: string): ImportResult {
  const t = translator(designerMessages, currentLocale());
  const parsed = parseBlueprintText(text, { locale: currentLocale() });
  if (!parsed.ok) return { ok: false, error: `${source}: ${parsed.error}` };
  const value = parsed.value;
  if (!isObject(value))
    return {
      ok: false,
      error: t("import.notBlueprint", { source }),
    };
  if (!Array.isArray(value.recursos))
    return {
      ok: false,
      error: t("import.noRecursos", { source }),
    };
  return { ok: true, doc: value as Doc };
}

export async function blueprintFromFile(file: File): Promise<ImportResult> {
  const t = translator(designerMessages, currentLocale());
  // Checked before reading: a huge file is refused without loading it into memory.
  if (file.size > MAX_BLUEPRINT_BYTES)
    return {
      ok: false,
      error: t("import.tooLarge", {
        name: file.name,
        mb: formatFixed(currentLocale(), file.size / 1024 / 1024, 1),
      }),
    };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: t("import.unreadable", { name: file.name }) };
  }
  return blueprintFromText(text, file.name);
}
