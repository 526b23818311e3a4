/**
 * The inspector's form, generated from the zod config schemas: enums become selects, ranges
 * number inputs with min/max, booleans switches; defaults show as placeholders. A schema
 * change reaches the form without touching it.
 */
import type * as z from "zod";
import { CONFIG_SCHEMAS, type TipoRecurso } from "../blueprint";
import { currentLocale, formatMessage, type Locale } from "../i18n";
import { type DesignerMessageKey, designerMessages } from "./i18n";

interface Base {
  key: string;
  label: string;
  required: boolean;
  defaultValue?: unknown;
}
export type FieldSpec =
  | (Base & { kind: "enum"; options: string[] })
  | (Base & { kind: "number"; int: boolean; min?: number; max?: number })
  | (Base & { kind: "boolean" })
  | (Base & { kind: "string"; ref?: "fabric" | "compute" })
  | (Base & { kind: "multi"; options: string[] })
  | (Base & { kind: "object"; fields: FieldSpec[] })
  | (Base & { kind: "json" });

/** A config field's label in the reader's language (the key when it has none). */
export function fieldLabel(key: string, locale: Locale = currentLocale()): string {
  const id = `field.${key}` as DesignerMessageKey;
  return id in designerMessages.en ? formatMessage(designerMessages, locale, id) : key;
}

type Def = { type: string; innerType?: z.ZodType; defaultValue?: unknown; element?: z.ZodType };

function def(s: z.ZodType): Def {
  return (s as unknown as { def: Def }).def;
}

export function fieldOf(key: string, schema: z.ZodType): FieldSpec {
  let s = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    const d = def(s);
    if (d.type === "optional" && d.innerType) {
      required = false;
      s = d.innerType;
    } else if ((d.type === "default" || d.type === "prefault") && d.innerType) {
      required = false;
      defaultValue = d.defaultValue;
      s = d.innerType;
    } else break;
  }
  const base = { key, label: fieldLabel(key), required, defaultValue };
  const d = def(s);
  switch (d.type) {
    case "enum":
      return { ...base, kind: "enum", options: (s as unknown as { options: string[] }).options };
    case "number": {
      const n = s as unknown as {
        minValue: number | null;
        maxValue: number | null;
        isInt: boolean;
      };
      return {
        ...base,
        kind: "number",
        int: n.isInt,
        min: n.minValue ?? undefined,
        max: n.maxValue ?? undefined,
      };
    }
    case "boolean":
      return { ...base, kind: "boolean" };
    case "string":
      return {
        ...base,
        kind: "string",
        ref: key === "fabric" ? "fabric" : key === "alvo" ? "compute" : undefined,
      };
    case "array": {
      const el = d.element ? def(d.element) : undefined;
      if (el?.type === "enum" && d.element)
        return {
          ...base,
          kind: "multi",
          options: (d.element as unknown as { options: string[] }).options,
        };
      return { ...base, kind: "json" };
    }
    case "object":
      return {
        ...base,
        kind: "object",
        fields: Object.entries((s as unknown as z.ZodObject).shape).map(([k, v]) =>
          fieldOf(k, v as z.ZodType),
        ),
      };
    default:
      return { ...base, kind: "json" };
  }
}

export function configFields(tipo: TipoRecurso): FieldSpec[] {
  return Object.entries(CONFIG_SCHEMAS[tipo].shape).map(([k, v]) => fieldOf(k, v as z.ZodType));
}
