import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFORMANCE_CODES } from "./assess";
import { FINDING_CODES } from "./findings";
import {
  blueprintReference,
  conformanceExample,
  FIELD_DOCS,
  RULE_DOCS,
  ruleExample,
} from "./reference";
import { GLOBAL_SAAS } from "./templates";
import { validateBlueprint } from "./validate";

describe("the blueprint reference", () => {
  it("is the committed docs/blueprint-reference.md (run `npm run docs:write` when this fails)", () => {
    const committed = readFileSync(
      join(import.meta.dirname, "../../docs/blueprint-reference.md"),
      "utf8",
    );
    expect(committed).toBe(blueprintReference());
  });

  it("gives every rule code an example that produces exactly that code", () => {
    for (const codigo of FINDING_CODES) expect(ruleExample(codigo)?.codigo, codigo).toBe(codigo);
    expect(Object.keys(RULE_DOCS).sort()).toEqual([...FINDING_CODES].sort());
  });

  it("gives every conformance code an example that produces it", () => {
    for (const codigo of CONFORMANCE_CODES)
      expect(conformanceExample(codigo)?.codigo, codigo).toBe(codigo);
  });

  it("ships the README's sample blueprint as the Global SaaS template, valid", () => {
    const text = readFileSync(
      join(import.meta.dirname, "../../docs/examples/global-saas.blueprint.json"),
      "utf8",
    );
    expect(JSON.parse(text)).toEqual(GLOBAL_SAAS);
    expect(validateBlueprint(JSON.parse(text)).valido).toBe(true);
  });

  it("documents no field the schemas do not have", () => {
    const page = blueprintReference();
    for (const key of Object.keys(FIELD_DOCS)) {
      const field = key.split(".")[1];
      expect(page, key).toContain(`| \`${field}\` |`);
    }
  });
});
