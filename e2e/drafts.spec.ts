import { expect, type Page, test } from "@playwright/test";

const status = (page: Page) => page.getByRole("status", { name: "Draft status" });
const settingsName = (page: Page) =>
  page.getByRole("form", { name: "Blueprint settings" }).getByLabel("Name");
const title = (page: Page) => page.getByRole("heading", { level: 1 });

async function newFromSeed(page: Page) {
  await page.goto("/designer");
  await page.getByRole("button", { name: "New from template: Global SaaS" }).click();
  await expect(page).toHaveURL(/\/designer\/d_/);
  await expect(status(page)).toHaveText("Draft saved");
}

/** Writes a raw record into the drafts store, as an older or newer console would have. */
async function putRecord(page: Page, key: string, value: unknown) {
  await page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("tesserra-console");
        open.onupgradeneeded = () => open.result.createObjectStore("drafts");
        open.onsuccess = () => {
          const tx = open.result.transaction("drafts", "readwrite");
          tx.objectStore("drafts").put(v, k as string);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [key, value] as const,
  );
}

test("an edit survives an immediate reload, with no wait for the autosave", async ({ page }) => {
  await newFromSeed(page);
  await settingsName(page).fill("Renamed just now");
  // No wait: the save is still debounced when the page goes away.
  await page.reload();
  await expect(title(page)).toHaveText("Renamed just now");
  await expect(status(page)).toHaveText("Draft saved");
  await page.goto("/designer");
  await expect(
    page.getByRole("list", { name: "Drafts" }).getByRole("link", { name: "Renamed just now" }),
  ).toBeVisible();
});

test("two tabs on one draft follow each other and keep both edits", async ({ page, context }) => {
  await newFromSeed(page);
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await expect(status(other)).toHaveText("Draft saved");

  // A renames; B follows without reloading (how fast: `npm run bench designer`).
  await settingsName(page).fill("Storefront");
  await expect(title(other)).toHaveText("Storefront");

  // B changes the compute's replicas; A follows.
  await other.getByTestId("node-app-global").click();
  const min = other
    .getByRole("form", { name: "Inspector: app-global" })
    .getByLabel("Minimum replicas");
  await min.fill("9");
  await expect(status(other)).toHaveText("Draft saved");
  await page.getByTestId("node-app-global").click();
  await expect(
    page.getByRole("form", { name: "Inspector: app-global" }).getByLabel("Minimum replicas"),
  ).toHaveValue("9");

  // Both edit at once, different fields: nothing is lost on either side.
  await page
    .getByRole("form", { name: "Inspector: app-global" })
    .getByLabel("Maximum replicas")
    .fill("30");
  await other.locator(".react-flow__pane").click({ position: { x: 10, y: 10 } });
  await settingsName(other).fill("Storefront EU");
  await other.reload();
  await expect(title(other)).toHaveText("Storefront EU");
  await other.getByTestId("node-app-global").click();
  const inspector = other.getByRole("form", { name: "Inspector: app-global" });
  await expect(inspector.getByLabel("Minimum replicas")).toHaveValue("9");
  await expect(inspector.getByLabel("Maximum replicas")).toHaveValue("30");
  await expect(title(page)).toHaveText("Storefront EU");
});

test("a draft from a newer console opens read-only; a broken record is listed with its reason", async ({
  page,
}) => {
  await page.goto("/designer");
  await putRecord(page, "d_future00001", {
    schemaVersion: 99,
    id: "d_future00001",
    doc: { versao: "1", nome: "From the future", resiliencia: "zona-unica", recursos: [] },
    updatedAt: new Date().toISOString(),
  });
  await putRecord(page, "d_garbage0001", "not a draft at all");
  await putRecord(page, "d_legacy00001", {
    id: "d_legacy00001",
    doc: { versao: "1", nome: "Old format", resiliencia: "zona-unica", recursos: [] },
  });
  await page.reload();
  const list = page.getByRole("list", { name: "Drafts" });
  await expect(list.getByRole("link", { name: "Old format" })).toBeVisible();
  await expect(list.getByRole("listitem").filter({ hasText: "From the future" })).toContainText(
    "read-only",
  );
  const broken = page.getByRole("alert").filter({ hasText: "not a draft this console can read" });
  await expect(broken).toContainText("d_garbage0001");
  await expect(broken).toContainText("It is not a draft record.");

  // The old-format draft opens and saves in today's format.
  await list.getByRole("link", { name: "Old format" }).click();
  await settingsName(page).fill("Old format, updated");
  await expect(status(page)).toHaveText("Draft saved");

  await page.goto("/designer/d_future00001");
  await expect(page.getByRole("alert").filter({ hasText: "Open read-only." })).toContainText(
    "newer version of the console",
  );
  await expect(status(page)).toHaveText("Read-only");
  await page.getByRole("button", { name: "Make an editable copy" }).click();
  await expect(page).not.toHaveURL(/d_future00001/);
  await expect(title(page)).toHaveText("From the future (copy)");
  await expect(status(page)).toHaveText("Draft saved");

  await page.goto("/designer");
  await broken.getByRole("button", { name: "Remove it" }).click();
  await expect(broken).toHaveCount(0);
});

test("without IndexedDB the editor still works and says drafts cannot be saved", async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
  });
  await page.goto("/designer");
  await page.getByRole("button", { name: "New blank design" }).click();
  await expect(page).toHaveURL(/\/designer\/d_/);
  const banner = page.getByRole("alert").filter({ hasText: "Drafts cannot be saved" });
  await expect(banner).toBeVisible();
  await expect(status(page)).toHaveText("Not saved in this browser");
  await settingsName(page).fill("Kept in memory");
  await expect(title(page)).toHaveText("Kept in memory");
  const download = page.waitForEvent("download");
  await banner.getByRole("button", { name: "Export blueprint" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.blueprint\.json$/);
});
