/**
 * The BCDR runbook as a user meets it: deploy the seed's Global SaaS from the designer, open
 * its runbook, prove scenarios with drills from the page and a practice, watch a design change
 * make the proof out of date, and take the runbook away as Markdown.
 */
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { fromTemplate, submitPanel } from "./designerSteps";

const panel = submitPanel;

const SCENARIOS = [
  "São Paulo region loss",
  "Ashburn region loss",
  "Frankfurt region loss",
  "São Paulo zone loss (sa-east-1a)",
  "Ashburn zone loss (us-east-1a)",
  "Frankfurt zone loss (eu-central-1a)",
];

/** The status the overview table shows for a scenario. */
const status = (page: Page, scenario: string) =>
  page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: scenario, exact: true }) })
    .getByRole("cell")
    .first();

test("prove a design's runbook with drills and a practice, see a change make it out of date, download it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await fromTemplate(page, "Global SaaS");
  const designer = page.url();
  await page.getByRole("button", { name: "Submit" }).click();
  await panel(page).getByRole("button", { name: "Create project" }).click();
  await panel(page).getByRole("link", { name: "View deployment" }).click();
  await expect(page.getByTestId("project-status")).toHaveText("Active", { timeout: 30_000 });
  const project = page.url();

  await page.getByRole("link", { name: "Runbook", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Global SaaS: BCDR runbook" }),
  ).toBeVisible();
  const verdict = page.getByTestId("runbook-verdict");
  await expect(verdict).toHaveText(/^Not BCDR-ready: 0 of 6 scenarios tested; /);
  for (const s of SCENARIOS) await expect(status(page, s)).toHaveText("never tested");

  // A zone drill and a region drill, each from its own section.
  await page
    .getByRole("button", { name: "Run this drill: São Paulo zone loss (sa-east-1a)" })
    .click();
  await expect(status(page, SCENARIOS[3])).toHaveText("tested", { timeout: 20_000 });
  // (The zone drill took São Paulo out and moved the primary datastore to Ashburn, where it
  // stays; Frankfurt holds no primary, so its drill measures what the design estimates.)
  await page.getByRole("button", { name: "Run this drill: Frankfurt region loss" }).click();
  await expect(status(page, SCENARIOS[2])).toHaveText("tested", { timeout: 20_000 });
  await expect(verdict).toHaveText(/^Not BCDR-ready: 2 of 6 scenarios tested; /);
  const frankfurt = page.getByRole("region", { name: "Frankfurt region loss" });
  await expect(frankfurt).toContainText("The last drill proved it: RTO 32 s, RPO 0 s.");

  // The rest in one practice, one drill at a time; while it runs no drill can be started.
  await page.getByRole("button", { name: "Practise untested scenarios" }).click();
  await expect(page.getByText(/^Practising \d of 4 scenarios/)).toBeVisible();
  await expect(
    page.getByRole("button", { name: "Run this drill: Ashburn region loss" }),
  ).toBeDisabled();
  await expect(verdict).toHaveText("BCDR-ready: all 6 scenarios tested.", { timeout: 60_000 });
  for (const s of SCENARIOS) await expect(status(page, s)).toHaveText("tested");
  await expect(page.getByRole("button", { name: "Practise untested scenarios" })).toBeDisabled();

  // Faster health checks: every scenario's estimate moves, and its proof is out of date.
  await page.goto(designer);
  await page.getByTestId("node-global-dns").click();
  await page
    .getByRole("form", { name: "Inspector: global-dns" })
    .getByLabel("Interval (s)")
    .fill("5");
  await page.getByRole("button", { name: "Submit" }).click();
  await panel(page).getByRole("button", { name: "Apply plan" }).click();
  await expect(panel(page)).toContainText("Update applied");
  await page.goto(project);
  await page.getByRole("link", { name: "Runbook", exact: true }).click();
  for (const s of SCENARIOS) await expect(status(page, s)).toHaveText("out of date");
  await expect(verdict).toHaveText(/^Not BCDR-ready: 0 of 6 scenarios tested; /);
  await expect(page.getByRole("region", { name: "São Paulo region loss" })).toContainText(
    "The design changed what it promises since the last drill (estimated 36 s / 2.5 s then, 21 s / 2.5 s now).",
  );

  // The document to keep beside the blueprint.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download Markdown" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("global-saas-runbook.md");
  const markdown = readFileSync((await file.path()) ?? "", "utf8");
  expect(markdown.startsWith("# Runbook: Global SaaS\n")).toBe(true);
  for (const s of SCENARIOS) expect(markdown).toContain(`| ${s} | out of date |`);

  // Printed: the document alone, each scenario on a page of its own.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Download Markdown" })).toBeHidden();
  const runs = page.getByRole("button", { name: /^Run this drill/, includeHidden: true });
  await expect(runs).toHaveCount(6);
  for (const button of await runs.all()) await expect(button).toBeHidden();
  const breaks = await page
    .getByRole("region", { name: /loss/ })
    .evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
  expect(breaks).toEqual(Array(6).fill("page"));
});
