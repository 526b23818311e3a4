/**
 * Engineering review before production cutover, as two people live it: the customer (`dev`)
 * and Tesserra engineering (`eng`), each in a browser context of their own.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import { fromTemplate, submitPanel } from "./designerSteps";

const panel = submitPanel;

/** Deploys a template from the designer; returns the designer's and the project's addresses. */
async function deploy(page: Page, title: string) {
  await fromTemplate(page, title);
  const designer = page.url();
  await page.getByRole("button", { name: "Submit" }).click();
  await panel(page).getByRole("button", { name: "Create project" }).click();
  await panel(page).getByRole("link", { name: "View deployment" }).click();
  await expect(page.getByTestId("project-status")).toHaveText("Active", { timeout: 30_000 });
  return { designer, project: page.url() };
}

/** A second person: Tesserra engineering, with the `eng` token set in Settings. */
async function engineer(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto("/settings");
  await page.getByLabel("Token").fill("eng");
  await page.getByRole("button", { name: "Save and test connection" }).click();
  await expect(page.getByText("Tesserra engineering, reviews multi-region designs")).toBeVisible();
  return { context, page };
}

/** The inbox's link to this project's pending review (other tests leave reviews of their own). */
function pendingReviewOf(page: Page, project: string) {
  const id = project.split("/").pop() ?? "";
  return page
    .getByRole("region", { name: "Pending" })
    .locator(`a[href^="/projects/${id}/reviews/"]`);
}

async function requestReview(page: Page, project: string, note?: string) {
  await page.goto(project);
  await page.getByRole("button", { name: "Request engineering review" }).click();
  const dialog = page.getByRole("dialog", { name: "Request engineering review" });
  await expect(dialog.getByTestId("check-politica-atendida")).toBeVisible();
  if (note) await dialog.getByLabel("Note for the reviewer (optional)").fill(note);
  await dialog.getByRole("button", { name: "Request review" }).click();
  await expect(page.getByTestId("review-status")).toHaveText("Pending");
}

test("the customer asks, engineering asks for changes, the customer fixes them, engineering approves, the project cuts over", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { designer, project } = await deploy(page, "Global SaaS");
  await expect(page.getByTestId("project-phase")).toHaveText("Pre-production");
  await expect(page.getByRole("button", { name: "Cut over to production" })).toBeDisabled();
  await expect(
    page.getByText("Multi-region designs need Tesserra engineering's approval"),
  ).toBeVisible();

  // The runbook proven first, then the review asked for with a note.
  await page.getByRole("link", { name: "Runbook", exact: true }).click();
  await page.getByRole("button", { name: "Practise untested scenarios" }).click();
  await expect(page.getByTestId("runbook-verdict")).toHaveText(
    "BCDR-ready: all 6 scenarios tested.",
    {
      timeout: 60_000,
    },
  );
  await requestReview(page, project, "First production cutover for Global SaaS.");

  // Engineering finds it in the inbox, comments on the datastore and asks for changes.
  const eng = await engineer(browser, baseURL ?? "");
  await eng.page.getByRole("link", { name: "Reviews" }).click();
  await pendingReviewOf(eng.page, project).click();
  await expect(
    eng.page.getByRole("heading", { level: 1, name: "Engineering review of Global SaaS" }),
  ).toBeVisible();
  await eng.page.getByLabel("About").selectOption("db-global");
  await eng.page
    .getByLabel("Comment", { exact: true })
    .fill("One web replica a region lives in one zone: losing zone a takes the region out.");
  await eng.page.getByRole("button", { name: "Add comment" }).click();
  await expect(eng.page.getByTestId("pin-db-global")).toHaveText("1 comment");
  await eng.page.getByRole("button", { name: "Request changes" }).click();
  await expect(eng.page.getByTestId("review-status")).toHaveText("Changes requested");

  // The customer sees the comment pinned on the datastore, and why it cannot cut over.
  await page.reload();
  await expect(page.getByTestId("review-status")).toHaveText("Changes requested");
  await expect(page.getByTestId("pin-db-global")).toHaveText("1 comment");
  await expect(page.getByRole("list", { name: "Comments" })).toContainText(
    "losing zone a takes the region out",
  );
  await page.goto(project);
  await expect(page.getByText("Engineering asked for changes")).toBeVisible();

  // Two web replicas a region, applied; then a new review of the new version.
  await page.goto(designer);
  await page.getByTestId("node-app-global").click();
  await page
    .getByRole("form", { name: "Inspector: app-global" })
    .getByLabel("Minimum replicas")
    .fill("6");
  await page.getByRole("button", { name: "Submit" }).click();
  await panel(page).getByRole("button", { name: "Apply plan" }).click();
  await expect(panel(page)).toContainText("Update applied");
  await page.goto(project);
  await expect(page.getByTestId("project-status")).toHaveText("Active", { timeout: 30_000 });
  await requestReview(page, project);
  await expect(page.getByTestId("review-changes")).toContainText("app-global");

  // Engineering approves; the zone drills are out of date, so approving overrides the runbook.
  await eng.page.goto("/reviews");
  await pendingReviewOf(eng.page, project).click();
  await expect(eng.page.getByText(/^Not met: /)).toContainText(
    "Every runbook scenario proven by a drill",
  );
  const approve = eng.page.getByRole("button", { name: "Approve" });
  await expect(approve).toBeDisabled();
  await eng.page
    .getByLabel(/Reason for approving over unmet high verifications/)
    .fill("Zone drills to be re-run this week; region failover proven.");
  await approve.click();
  await expect(eng.page.getByTestId("review-status")).toHaveText("Approved");
  await expect(eng.page.getByTestId("review-decision")).toContainText(
    "Approved over unmet high verifications: Every runbook scenario proven by a drill",
  );
  await eng.context.close();

  // The customer cuts over.
  await page.goto(project);
  await expect(page.getByText("Ready to cut over.")).toBeVisible();
  await page.getByRole("button", { name: "Cut over to production" }).click();
  await expect(page.getByTestId("project-phase")).toHaveText("Production");
  await expect(page.getByText("In production.")).toBeVisible();
});

test("an approval holds when only the boxes moved: cut over without a new review", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { designer, project } = await deploy(page, "Global SaaS");
  await requestReview(page, project);
  const eng = await engineer(browser, baseURL ?? "");
  await eng.page.goto("/reviews");
  await pendingReviewOf(eng.page, project).click();
  await eng.page
    .getByLabel(/Reason for approving over unmet high verifications/)
    .fill("Accepted for a staged rollout; drills follow.");
  await eng.page.getByRole("button", { name: "Approve" }).click();
  await expect(eng.page.getByTestId("review-status")).toHaveText("Approved");
  await eng.context.close();

  // Move a box and apply: a new version, the same design.
  await page.goto(designer);
  const node = page.getByTestId("node-db-global");
  const box = await node.boundingBox();
  if (!box) throw new Error("no node");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 80, { steps: 8 });
  await page.mouse.up();
  await page.getByRole("button", { name: "Submit" }).click();
  await panel(page).getByRole("button", { name: "Apply plan" }).click();
  await expect(panel(page)).toContainText("Update applied");
  await page.goto(project);
  await expect(page.getByText("v2", { exact: true })).toBeVisible();
  await expect(page.getByTestId("latest-review")).toHaveText("Latest review: Approved, version 1");
  await page.getByRole("button", { name: "Cut over to production" }).click();
  await expect(page.getByTestId("project-phase")).toHaveText("Production");
});
