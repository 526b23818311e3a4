/**
 * `npm run docs:write`: regenerates docs/blueprint-reference.md from the blueprint model
 * (a test fails while the committed page is stale).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { blueprintReference } from "../src/blueprint/reference";

const target = join(import.meta.dirname, "..", "docs", "blueprint-reference.md");
writeFileSync(target, blueprintReference());
console.log(`wrote ${target}`);
