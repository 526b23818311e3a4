/** Steps many journeys share: open a template in the designer, find the submit panel. */
import { expect, type Page } from "@playwright/test";

export async function fromTemplate(page: Page, title: string) {
  await page.goto("/designer");
  await page.getByRole("button", { name: `New from template: ${title}` }).click();
  await expect(page).toHaveURL(/\/designer\/d_/);
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
}

/** The submit panel, whatever its title says the submission is at. */
export const submitPanel = (page: Page) =>
  page.getByRole("complementary", {
    name: /Submit blueprint|Update project|Project created|Project updated/,
  });
