/**
 * The accessibility gate's one scan: axe-core with the WCAG 2.0/2.1/2.2 A and AA rules, and
 * label-content-name-mismatch (WCAG 2.5.3, label in name), which axe ships as experimental and
 * so outside its WCAG tags: a control's accessible name must contain the text it shows.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Every violation, as "rule on element: summary". */
export async function axeViolations(page: Page): Promise<string[]> {
  // One options object: AxeBuilder's options() replaces what withTags() set.
  const result = await new AxeBuilder({ page })
    .options({
      runOnly: { type: "tag", values: TAGS },
      rules: { "label-content-name-mismatch": { enabled: true } },
    })
    .analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} on ${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
  );
}
