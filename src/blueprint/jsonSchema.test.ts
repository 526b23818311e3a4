import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { blueprintJsonSchema } from "./jsonSchema";
import { TEMPLATES } from "./templates";

const published = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../public/schema/blueprint.v1.json",
);

describe("the published JSON Schema", () => {
  it("is the one the zod schemas generate (run `npm run schema:write` when this fails)", () => {
    const committed = readFileSync(published, "utf8");
    expect(committed).toBe(`${JSON.stringify(blueprintJsonSchema(), null, 2)}\n`);
  });

  it("is draft 2020-12, compiles under ajv's strict mode and accepts every template", () => {
    const schema = blueprintJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    for (const t of TEMPLATES) expect(validate(t.blueprint), t.title).toBe(true);
  });

  it("describes defaults so editors can show them", () => {
    const text = JSON.stringify(blueprintJsonSchema());
    expect(text).toContain('"default":"/healthz"');
    expect(text).toContain('"default":8080');
  });
});
