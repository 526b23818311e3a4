import { expect, test } from "@playwright/test";

test("the shell opens on the designer and navigates between pages", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/designer$/);
  await expect(page).toHaveTitle("Tesserra Console");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Designer" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "Projects" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(nav.getByRole("link", { name: "Projects" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
});

test("an unknown address shows a page that leads back", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Open the designer" }).click();
  await expect(page).toHaveURL(/\/designer$/);
});

test("dark mode follows the system", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/settings");
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(light).not.toEqual(dark);
});

test("clearing the token in Settings returns to the embedded emulator's default", async ({
  page,
}) => {
  await page.goto("/settings");
  await page.getByLabel("Token").fill("not-a-token");
  await page.getByRole("button", { name: "Save and test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: /token|401/i })).toBeVisible();
  await page.getByLabel("Token").fill("");
  await page.getByRole("button", { name: "Save and test connection" }).click();
  await expect(
    page.getByRole("region", { name: "Tesserra API" }).getByRole("status"),
  ).toContainText("organization demo");
  await page.goto("/projects");
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("the page names each of its first modules once, the small first script ahead of the app", async ({
  page,
}) => {
  const html = await (await page.request.get("/")).text();
  const urls = [
    ...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/assets\/[^"]+\.js)"/g),
  ].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(1);
  expect(urls).toEqual([...new Set(urls)]);
  const boot = urls.findIndex((u) => /\/boot-[\w-]+\.js$/.test(u));
  const app = urls.findIndex((u) => /\/index-[\w-]+\.js$/.test(u));
  expect(boot).toBeGreaterThanOrEqual(0);
  expect(boot).toBeLessThan(app);
});
