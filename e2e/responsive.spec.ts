/** Every page from a 360 px phone to a 1440 px desktop: no horizontal scrolling, nothing hidden. */
import { expect, type Page, test } from "@playwright/test";
import { GLOBAL_SAAS } from "../src/blueprint";

const DEV = { Authorization: "Bearer dev" };

async function noHorizontalScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${what}: page wider than the window`).toBeLessThanOrEqual(innerWidth);
}

for (const width of [360, 1440])
  test(`every page fits ${width} px without horizontal scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    const created = await page.request.post("/v1/projetos", { data: GLOBAL_SAAS, headers: DEV });
    const { id } = await created.json();

    await page.goto("/designer");
    await expect(page.getByRole("heading", { level: 1, name: "Designer" })).toBeVisible();
    await noHorizontalScroll(page, "designer start");

    await page.getByRole("button", { name: "New from template: Global SaaS" }).click();
    await expect(page.getByTestId("node-app-global")).toBeVisible();
    await noHorizontalScroll(page, "editor");

    await page.goto("/projects");
    await expect(page.getByRole("link", { name: "Global SaaS" }).first()).toBeVisible();
    await noHorizontalScroll(page, "projects");

    await page.goto(`/projects/${id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Global SaaS" })).toBeVisible();
    await noHorizontalScroll(page, "project");

    await expect(page.getByTestId("project-status")).toHaveText("Active", { timeout: 30_000 });
    // The architecture is readable at this width: every resource at least 200 px wide (stacked
    // in one column on a phone), all of it inside the diagram.
    const diagram = await page.getByRole("region", { name: /diagram/i }).boundingBox();
    const boxes = await page
      .locator(".react-flow__node")
      .evaluateAll((ns) => ns.map((n) => n.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(GLOBAL_SAAS.recursos.length);
    for (const b of boxes) {
      if (width === 360) expect(b.width).toBeGreaterThanOrEqual(200);
      expect(b.bottom).toBeLessThanOrEqual((diagram?.y ?? 0) + (diagram?.height ?? 0) + 1);
    }
    await page.goto(`/projects/${id}/monitor`);
    await expect(page.getByTestId("monitor-charts").locator(".uplot")).not.toHaveCount(0);
    await noHorizontalScroll(page, "monitor");
    // The document itself scrolls (so printing gives the whole page), not a box inside it.
    const scroll = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      window: window.innerHeight,
    }));
    expect(scroll.height).toBeGreaterThan(scroll.window);

    const drill = await (
      await page.request.post(`/v1/projetos/${id}/testes-failover`, {
        data: { regiao: "sa-east-1", duracao_s: 60 },
        headers: DEV,
      })
    ).json();
    await page.goto(`/projects/${id}/drills/${drill.id}`);
    await expect(page.getByText("Completed")).toBeVisible({ timeout: 30_000 });
    await noHorizontalScroll(page, "drill report");

    await page.goto(`/projects/${id}/runbook`);
    await expect(page.getByTestId("runbook-verdict")).toHaveText(/^Not BCDR-ready: 1 of 6/);
    await noHorizontalScroll(page, "runbook");
    // Each scenario's actions stay on screen, and its steps read without sideways scrolling.
    const run = page.getByRole("button", { name: "Run this drill: Ashburn region loss" });
    await run.scrollIntoViewIfNeeded();
    const box = await run.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width).toBe(true);

    const review = await (
      await page.request.post(`/v1/projetos/${id}/revisoes`, { data: {}, headers: DEV })
    ).json();
    await page.goto(`/projects/${id}/reviews/${review.id}`);
    await expect(page.getByTestId("review-status")).toHaveText("Pending");
    await noHorizontalScroll(page, "review");
    await page.evaluate(() => sessionStorage.setItem("tesserra.apiToken", "eng"));
    await page.goto("/reviews");
    await expect(page.getByRole("region", { name: "Pending" })).toContainText("Global SaaS");
    await noHorizontalScroll(page, "review inbox");
    await page.evaluate(() => sessionStorage.removeItem("tesserra.apiToken"));

    await page.goto("/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await noHorizontalScroll(page, "settings");
  });

test("on a phone, the navigation is a menu and the designer's panels are sheets", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/designer");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await nav.getByRole("link", { name: "Projects" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(nav).toBeHidden();

  await page.goto("/designer");
  await page.getByRole("button", { name: "New from template: Global SaaS" }).click();
  const canvas = page.locator(".react-flow");
  await expect(canvas).toBeVisible();
  const box = await canvas.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(350);
  await expect(page.getByRole("complementary", { name: "Inspector" })).toBeHidden();

  // Products open as a sheet; adding one with Enter puts it on the canvas.
  await page.getByRole("button", { name: "Products" }).click();
  await page
    .getByRole("navigation", { name: "Products" })
    .getByRole("button", { name: /^Archive/ })
    .press("Enter");
  await expect(page.getByTestId("node-archive-1")).toBeAttached();
  await page.getByRole("button", { name: "Products" }).click();

  // The inspector opens over the canvas, for the selected resource.
  await page.getByRole("button", { name: /^Inspector/ }).click();
  await expect(page.getByRole("form", { name: "Inspector: archive-1" })).toBeVisible();
  await noHorizontalScroll(page, "designer with the inspector open");
});
