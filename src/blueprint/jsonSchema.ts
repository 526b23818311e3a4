import * as z from "zod";
import { BlueprintSchema, MAX_RESOURCES, RecursosSchema } from "./schema";
import { FORBIDDEN_KEYS } from "./validate";

export const BLUEPRINT_SCHEMA_ID = "https://tesserra.cloud/schema/blueprint.v1.json";

type JsonSchema = Record<string, unknown>;

const noForbiddenKeys = () => ({ not: { enum: [...FORBIDDEN_KEYS] } });

/**
 * Any JSON value whose objects, at any depth, have no prototype keys: the contract refuses
 * `__proto__`, `constructor` and `prototype` anywhere, even inside free-form `diagrama` data.
 */
const SAFE_JSON: JsonSchema = {
  description: "Any JSON value without __proto__, constructor or prototype keys.",
  anyOf: [
    { type: ["string", "number", "boolean", "null"] },
    { type: "array", items: { $ref: "#/$defs/SafeJson" } },
    {
      type: "object",
      propertyNames: noForbiddenKeys(),
      additionalProperties: { $ref: "#/$defs/SafeJson" },
    },
  ],
};

/** Open objects (`additionalProperties: {}`) accept only safe JSON in their extra keys. */
function closeOpenObjects(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) closeOpenObjects(item);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const schema = node as JsonSchema;
  const extra = schema.additionalProperties;
  if (typeof extra === "object" && extra !== null && Object.keys(extra).length === 0)
    schema.additionalProperties = { $ref: "#/$defs/SafeJson" };
  for (const value of Object.values(schema)) closeOpenObjects(value);
}

/** The blueprint's JSON Schema (draft 2020-12), generated from the zod schemas. */
export function blueprintJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(BlueprintSchema, {
    target: "draft-2020-12",
    io: "input",
    override(ctx) {
      const s = ctx.jsonSchema as JsonSchema;
      if (s.type === "object") s.propertyNames = noForbiddenKeys();
      if (ctx.zodSchema === RecursosSchema) s.maxItems = MAX_RESOURCES;
    },
  }) as JsonSchema;
  closeOpenObjects(schema);
  const { $schema, $defs, ...rest } = schema;
  return {
    $schema,
    $id: BLUEPRINT_SCHEMA_ID,
    title: "Tesserra blueprint",
    description:
      "A Tesserra architecture: resources, their configuration and connections. Rules beyond shape (unique names, references, plan limits) are checked by `npm run blueprint -- validate`.",
    ...rest,
    $defs: { ...(($defs as JsonSchema | undefined) ?? {}), SafeJson: SAFE_JSON },
  };
}
