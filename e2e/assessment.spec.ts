import { expect, type Page, test } from "@playwright/test";

/**
 * Know before you deploy: the Resilience view changes with every edit, one-click fixes apply,
 * the plan shows what a change does, and a drill's measurement sits beside its estimate.
 */

const panel = (page: Page) =>
  page.getByRole("complementary", {
    name: /Submit blueprint|Update project|Project created|Project updated/,
  });

test("estimate while designing, fix against the policy, submit, and drill against the promise", async ({
  page,
}) => {
  await page.goto("/designer");
  await page.getByRole("button", { name: "New from template: Global SaaS" }).click();
  await expect(page.locator(".react-flow__node").first()).toBeVisible();

  // The seed page's figures, computed in the browser.
  await page.getByRole("tab", { name: /Resilience/ }).click();
  const view = page.getByRole("region", { name: "Resilience" });
  await expect(view.getByTestId("resilience-availability")).toHaveText("99.9900 %");
  await expect(view.getByTestId("resilience-rto")).toHaveText("36 s");
  await expect(view.getByTestId("resilience-rpo")).toHaveText("2.5 s");
  await expect(view.getByTestId("resilience-cost")).toHaveText("$597.90 – $858.00");
  await expect(view.getByTestId("region-loss")).toHaveText(
    "If São Paulo goes down: traffic moves to Ashburn in 36 s; up to 2.5 s of writes are lost.",
  );
  await view.getByRole("button", { name: "Frankfurt", exact: true }).click();
  await expect(view.getByTestId("region-loss")).toContainText("If Frankfurt goes down");
  await expect(page.getByTestId("node-app-global")).toContainText("SPOF");

  // Raise replicas with the one-click fix: no single zone left, the zone losses shrink.
  await view.getByRole("button", { name: "Set Minimum replicas to 6" }).click();
  await expect(page.getByTestId("node-app-global")).not.toContainText("SPOF");
  await expect(view).toContainText("meets its resilience policy in every scenario");
  await expect(view.getByTestId("resilience-cost")).toHaveText("$684.60 – $858.00");

  // Add a region: one more row per scenario kind, more datastore copies to pay for, and six
  // replicas over four regions are one zone each again.
  await page.getByRole("checkbox", { name: /Portland/ }).check();
  await expect(view.getByRole("row", { name: /Region Portland us-west-1/ })).toBeVisible();
  await expect(view.getByTestId("resilience-cost")).not.toHaveText("$684.60 – $858.00");
  await expect(page.getByTestId("node-app-global")).toContainText("SPOF");
  await view.getByRole("button", { name: "Set Minimum replicas to 8" }).click();
  await expect(page.getByTestId("node-app-global")).not.toContainText("SPOF");

  // Tighten the policy, then apply the suggested health checks.
  await page.getByLabel("Recovery time objective (RTO, s)").fill("30");
  await expect(view).toContainText("so RTO is 36 s > 30 s");
  await view.getByRole("button", { name: "Check every 8 s × 3" }).click();
  await expect(view.getByTestId("resilience-rto")).toHaveText("30 s");
  await expect(view).toContainText("meets its resilience policy in every scenario");

  // Submit: the plan says what the design promises before anything is created.
  await page.getByRole("button", { name: "Submit" }).click();
  const impact = panel(page).getByRole("table", { name: /Resilience and cost/ });
  await expect(impact.getByRole("row", { name: /Worst RTO/ })).toContainText("30 s");
  await panel(page).getByRole("button", { name: "Create project" }).click();
  await expect(panel(page)).toContainText("Project created; deployment started.");
  await panel(page).getByRole("link", { name: "View deployment" }).click();
  await expect(page.getByTestId("project-status")).toHaveText("Active");
  const projectUrl = page.url();

  // A change against the deployed version: before → after, with its direction in words.
  await page.goBack();
  await page.getByTestId("node-app-global").click();
  await page
    .getByRole("form", { name: "Inspector: app-global" })
    .getByLabel("Maximum replicas")
    .fill("24");
  await page.getByRole("button", { name: "Submit" }).click();
  const costRow = panel(page)
    .getByRole("table", { name: /Resilience and cost/ })
    .getByRole("row", { name: /Monthly cost/ });
  await expect(costRow).toContainText("↑ worse");
  await expect(
    panel(page)
      .getByRole("table", { name: /Resilience and cost/ })
      .getByRole("row", { name: /Worst RTO/ }),
  ).toContainText("= same");
  await panel(page).getByRole("button", { name: "Cancel" }).click();

  // The drill keeps the promise: measured next to estimated and the policy.
  await page.goto(`${projectUrl}/monitor`);
  await page.getByRole("button", { name: "Run failover drill" }).click();
  const dialog = page.getByRole("dialog", { name: "Run a failover drill" });
  await dialog.getByRole("button", { name: "Take São Paulo down" }).click();
  const report = page.getByRole("article", { name: /in São Paulo$/ });
  await expect(report.getByText("Completed")).toBeVisible({ timeout: 30_000 });
  const rto = report.getByText("RTO", { exact: true }).locator("..");
  await expect(rto).toContainText("30 s");
  await expect(rto).toContainText("estimated 30 s");
  await expect(rto).toContainText("policy ≤ 30 s");
  await expect(report.getByText("RPO (writes lost)").locator("..")).toContainText(
    "estimated 2.5 s",
  );
});
