import { expect, test } from "@playwright/test";
import { GLOBAL_SAAS, SINGLE_REGION_WEB } from "../src/blueprint";

const DEV = { Authorization: "Bearer dev" };

test("a deployed project is listed, its page shows every region ready and the event log", async ({
  page,
}) => {
  const created = await page.request.post("/v1/projetos", { data: GLOBAL_SAAS, headers: DEV });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  await page.goto("/projects");
  const row = page.getByRole("row").filter({ hasText: id });
  await expect(row).toContainText("Global SaaS");
  await expect(row).toContainText("sa-east-1, us-east-1, eu-central-1");
  await row.getByRole("link", { name: "Global SaaS", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Global SaaS" })).toBeVisible();
  await expect(page.getByTestId("project-status")).toHaveText("Active");
  const diagram = page.getByRole("region", { name: "Project diagram" });
  for (const nome of ["app-global", "db-global", "global-dns", "global-insight"]) {
    const regions = diagram.getByRole("list", { name: `${nome} deployment by region` });
    await expect(regions.getByRole("listitem")).toHaveCount(3);
    await expect(regions.locator('[data-status="pronto"]')).toHaveCount(3);
  }
  await expect(page.getByRole("progressbar", { name: "Deployment progress" })).toHaveAttribute(
    "aria-valuenow",
    "12",
  );
  await expect(page.getByRole("list", { name: "Event log" })).toContainText("Deployment finished");
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
});

test("an update made elsewhere shows up live on the open project page", async ({ page }) => {
  const single = SINGLE_REGION_WEB;
  const created = await page.request.post("/v1/projetos", { data: single, headers: DEV });
  const { id } = await created.json();
  await page.goto(`/projects/${id}`);
  await expect(page.getByTestId("project-status")).toHaveText("Active");
  await expect(page.getByText("v1", { exact: true })).toBeVisible();

  const current = await page.request.get(`/v1/projetos/${id}`, { headers: DEV });
  const renamed = { ...single, nome: "Renamed elsewhere" };
  const put = await page.request.put(`/v1/projetos/${id}`, {
    data: renamed,
    headers: { ...DEV, "If-Match": current.headers().etag },
  });
  expect(put.status()).toBe(200);
  // No reload: the event stream brings the new version in.
  await expect(page.getByRole("heading", { level: 1, name: "Renamed elsewhere" })).toBeVisible();
  await expect(page.getByText("v2", { exact: true })).toBeVisible();
});

test("deleting a project asks first, then removes it from the list", async ({ page }) => {
  const created = await page.request.post("/v1/projetos", {
    data: { ...SINGLE_REGION_WEB, nome: "Doomed" },
    headers: DEV,
  });
  const { id } = await created.json();
  await page.goto(`/projects/${id}`);
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Doomed?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete project" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("row").filter({ hasText: id })).toHaveCount(0);
  expect((await page.request.get(`/v1/projetos/${id}`, { headers: DEV })).status()).toBe(404);
});

test("settings keep the token for the tab only and test the connection", async ({ page }) => {
  await page.goto("/settings");
  const token = page.getByLabel("Token");
  await expect(token).toHaveValue("dev");
  await token.fill("business");
  await page.getByRole("button", { name: "Save and test connection" }).click();
  await expect(page.getByRole("status")).toContainText("organization acme, plan Business");
  const stored = await page.evaluate(() => ({
    local: JSON.stringify(localStorage),
    session: sessionStorage.getItem("tesserra.apiToken"),
  }));
  expect(stored.session).toBe("business");
  expect(stored.local).not.toContain("business");

  await page.reload();
  await expect(page.getByLabel("Token")).toHaveValue("business");
  // Another organization's projects are not shown.
  const created = await page.request.post("/v1/projetos", {
    data: { ...SINGLE_REGION_WEB, nome: "Demo only" },
    headers: DEV,
  });
  const { id } = await created.json();
  await page.goto("/projects");
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: id })).toHaveCount(0);

  await page.goto("/settings");
  await page.getByLabel("Token").fill("wrong");
  await page.getByRole("button", { name: "Save and test connection" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Not saved: The API did not accept your token",
  );
  await expect(page.getByRole("status")).toContainText("The token is not known to this API");
  // A token that failed its test is not kept: the one that worked still is.
  await page.reload();
  await expect(page.getByLabel("Token")).toHaveValue("business");
});

test("an unreachable API gives a clear error and a retry, not a blank page", async ({ page }) => {
  await page.goto("/settings");
  await page.getByLabel("API address").fill("not a url");
  await page.getByRole("button", { name: "Save and test connection" }).click();
  await expect(page.getByText('"not a url" is not a URL')).toBeVisible();

  await page.getByLabel("API address").fill("http://127.0.0.1:9");
  await page.getByRole("button", { name: "Save and test connection" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Not saved: The console cannot reach the API",
  );
  await expect(page.getByRole("status")).toContainText("Could not reach the Tesserra API");
  // An API that is down right now can still be chosen, knowingly.
  await page.getByRole("button", { name: "Save anyway" }).click();
  await expect(page.getByRole("status")).toContainText("Saved without a working connection");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Projects" })
    .click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Could not load projects", { timeout: 20_000 });
  await expect(alert).toContainText("Could not reach the Tesserra API at http://127.0.0.1:9");
  await expect(alert.getByRole("button", { name: "Try again" })).toBeVisible();
  // The message says to check the address in Settings, and links there.
  await alert.getByRole("link", { name: "Open Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
});
