import * as z from "zod";
import { BlueprintSchema } from "./schema";
import { FORBIDDEN_KEYS } from "./validate";

export const BLUEPRINT_SCHEMA_ID = "https://tesserra.cloud/schema/blueprint.v1.json";

/** The blueprint's JSON Schema (draft 2020-12), generated from the zod schemas. */
export function blueprintJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(BlueprintSchema, {
    target: "draft-2020-12",
    io: "input",
    override(ctx) {
      const s = ctx.jsonSchema as Record<string, unknown>;
      // Keys that reach a prototype are refused everywhere, including under diagrama.
      if (s.type === "object") s.propertyNames = { not: { enum: [...FORBIDDEN_KEYS] } };
    },
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: BLUEPRINT_SCHEMA_ID,
    title: "Tesserra blueprint",
    description:
      "A Tesserra architecture: resources, their configuration and connections. Rules beyond shape (unique names, references, plan limits) are checked by `npm run blueprint -- validate`.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}
