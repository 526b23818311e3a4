/**
 * The accessibility gate: axe-core (WCAG 2.0/2.1/2.2 A and AA, and 2.5.3 label in name) on every screen and state, in
 * light and dark. Zero violations; each failure lists the rule, the element and axe's summary.
 */
import { expect, type Page, test } from "@playwright/test";
import { GLOBAL_SAAS } from "../src/blueprint";
import { axeViolations } from "./axe";

const DEV = { Authorization: "Bearer dev" };

async function expectAccessible(page: Page, screen: string) {
  expect(await axeViolations(page), `${screen}: axe violations`).toEqual([]);
}

for (const scheme of ["light", "dark"] as const)
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test("designer: start, editor, selection, split, JSON, problems, resilience, submit plan", async ({
      page,
    }) => {
      await page.goto("/designer");
      await expect(page.getByRole("heading", { level: 1, name: "Designer" })).toBeVisible();
      await expectAccessible(page, "designer start");

      await page.goto("/designer/d_doesnotexist");
      await expect(page.getByRole("heading", { name: "This draft does not exist" })).toBeVisible();
      await expectAccessible(page, "missing draft");

      await page.goto("/designer");
      await page.getByRole("button", { name: "New blank design" }).click();
      await expect(page.getByText("An empty design")).toBeVisible();
      await expect(page.getByRole("region", { name: "Problems" })).toContainText(
        "valid once it has a resource",
      );
      await expectAccessible(page, "blank design");

      await page.goto("/designer");
      await page.getByRole("button", { name: "New from template: Global SaaS" }).click();
      await page.getByTestId("node-app-global").click();
      await page
        .getByRole("form", { name: "Inspector: app-global" })
        .getByLabel("Minimum replicas")
        .fill("0");
      await expect(page.getByRole("region", { name: "Problems" })).toContainText("esquema");
      await expectAccessible(page, "design with problems");

      await page.goto("/designer");
      await page.getByRole("button", { name: "New from template: Global SaaS" }).click();
      await page.getByTestId("node-app-global").click();
      await expect(page.getByRole("form", { name: "Inspector: app-global" })).toBeVisible();
      await expectAccessible(page, "editor with a node selected");

      await page.getByText("Split", { exact: true }).click();
      await expect(page.getByRole("textbox", { name: "Blueprint JSON" })).toBeVisible();
      await expectAccessible(page, "split view");
      await page.getByText("JSON", { exact: true }).click();
      await expectAccessible(page, "JSON view");
      await page.getByText("Canvas", { exact: true }).click();

      await page.getByRole("tab", { name: /Resilience/ }).click();
      await expect(page.getByRole("tabpanel")).toContainText("availability", { ignoreCase: true });
      await expectAccessible(page, "resilience view");

      await page.getByRole("button", { name: "Submit" }).click();
      await expect(page.getByRole("list", { name: "Plan" })).toBeVisible();
      await expectAccessible(page, "submit plan");
    });

    test("projects, project while deploying, monitor idle and during a drill, settings", async ({
      page,
    }) => {
      await page.goto("/projects");
      await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
      await expectAccessible(page, "projects list");

      const created = await page.request.post("/v1/projetos", { data: GLOBAL_SAAS, headers: DEV });
      const { id } = await created.json();
      await page.goto(`/projects/${id}`);
      await expect(page.getByRole("heading", { level: 1, name: "Global SaaS" })).toBeVisible();
      await expectAccessible(page, "project page");

      await expect(page.getByTestId("project-status")).toHaveText("Active", { timeout: 30_000 });
      await page.goto(`/projects/${id}/monitor`);
      await expect(page.getByTestId("monitor-charts").locator(".uplot")).not.toHaveCount(0);
      await expectAccessible(page, "monitor");

      await page.getByRole("button", { name: "Run failover drill" }).click();
      const dialog = page.getByRole("dialog", { name: "Run a failover drill" });
      await expectAccessible(page, "drill dialog");
      await dialog.getByRole("button", { name: /down$/ }).click();
      await expect(page.getByText("Failover in progress:")).toBeVisible();
      await expectAccessible(page, "monitor during a drill");

      // The drill's own page, once the drill is over.
      await page.getByRole("link", { name: "Report page" }).click();
      await expect(
        page.getByRole("heading", { level: 1, name: /^Failover drill in/ }),
      ).toBeVisible();
      await expect(page.getByText("Completed")).toBeVisible({ timeout: 30_000 });
      await expectAccessible(page, "drill report page");

      // The runbook, one scenario proven by that drill, the others not yet.
      await page.goto(`/projects/${id}/runbook`);
      await expect(page.getByTestId("runbook-verdict")).toHaveText(/^Not BCDR-ready: 1 of 6/);
      await expectAccessible(page, "runbook");
      await page.getByRole("button", { name: "Practise untested scenarios" }).click();
      await expect(page.getByText(/^Practising \d+ of/)).toBeVisible();
      await expectAccessible(page, "runbook during a practice");

      await page.goto("/projects/prj_doesnotexist");
      await expect(
        page.getByRole("alert").or(page.getByRole("heading", { level: 1 })),
      ).toBeVisible();
      await expectAccessible(page, "missing project");

      await page.goto("/settings");
      await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
      await expectAccessible(page, "settings");
    });

    test("engineering review: the request with its pack, the review page, the inbox and the decision", async ({
      page,
      browser,
      baseURL,
    }) => {
      const created = await page.request.post("/v1/projetos", { data: GLOBAL_SAAS, headers: DEV });
      const { id } = await created.json();
      await page.goto(`/projects/${id}`);
      await expect(page.getByTestId("project-status")).toHaveText("Active", { timeout: 30_000 });
      await page.getByRole("button", { name: "Request engineering review" }).click();
      const dialog = page.getByRole("dialog", { name: "Request engineering review" });
      await expect(dialog.getByTestId("check-runbook-testado")).toBeVisible();
      await expectAccessible(page, "review request with its pack");
      await dialog.getByRole("button", { name: "Request review" }).click();
      await expect(page.getByTestId("review-status")).toHaveText("Pending");
      await expectAccessible(page, "review page (customer)");

      const eng = await browser.newContext({ baseURL, colorScheme: scheme });
      await eng.addInitScript(() => sessionStorage.setItem("tesserra.apiToken", "eng"));
      const reviewer = await eng.newPage();
      await reviewer.goto("/reviews");
      await expect(reviewer.getByRole("region", { name: "Pending" })).toContainText("Global SaaS");
      await expectAccessible(reviewer, "review inbox");
      await reviewer
        .getByRole("region", { name: "Pending" })
        .getByRole("link", { name: "Global SaaS" })
        .first()
        .click();
      await expect(reviewer.getByRole("button", { name: "Request changes" })).toBeVisible();
      await expectAccessible(reviewer, "review page (reviewer, deciding)");
      await eng.close();
    });
  });
