/**
 * Plain words: no wire enum value appears as a label on any page. Codes shown as codes (mono
 * `code` elements, the JSON editor, form values) are allowed: people need them to search or to
 * talk to the API.
 */
import { expect, type Page, test } from "@playwright/test";
import { GLOBAL_SAAS, RESOURCE_TYPES } from "../src/blueprint";
import { FINDING_CODES } from "../src/blueprint/findings";
import { SERIES } from "../src/contract/monitoring";
import { EVENT_TYPES, PROJECT_STATUSES, STEP_STATUSES } from "../src/contract/schemas";

const DEV = { Authorization: "Bearer dev" };

const WIRE = [
  "zona-unica",
  "multi-zona",
  "multi-regiao",
  "assincrona",
  "sincrona",
  "padrao",
  "fria",
  "deteccao",
  "bloqueio",
  "disponibilidade",
  "latencia",
  "pagina",
  "em-andamento",
  "concluido",
  "erro",
  "aviso",
  ...PROJECT_STATUSES,
  ...STEP_STATUSES,
  ...EVENT_TYPES,
  ...SERIES,
  ...FINDING_CODES,
].filter((w) => !(RESOURCE_TYPES as readonly string[]).includes(w));

/** The page's visible text outside codes and editors. */
async function labelsText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll(
      "code, kbd, .font-mono, input, textarea, select, .cm-editor, script, style, [hidden], .sr-only",
    ))
      el.remove();
    document.body.append(clone);
    clone.style.position = "absolute";
    clone.style.left = "-99999px";
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text, as laid out
    const text = clone.innerText;
    clone.remove();
    return text;
  });
}

async function expectPlainWords(page: Page, screen: string) {
  const text = await labelsText(page);
  const found = WIRE.filter((w) =>
    new RegExp(`(^|[^\\w-])${w.replace(/[-_]/g, "[-_]")}($|[^\\w-])`, "i").test(text),
  );
  expect(found, `${screen}: wire values shown as labels`).toEqual([]);
}

test("no page shows a wire value as a label", async ({ page }) => {
  await page.goto("/designer");
  await expect(page.getByRole("heading", { level: 1, name: "Designer" })).toBeVisible();
  await expectPlainWords(page, "designer start");

  await page.getByRole("button", { name: "New from template: Global SaaS" }).click();
  await page.getByTestId("node-db-global").click();
  await expect(page.getByRole("form", { name: "Inspector: db-global" })).toBeVisible();
  await expectPlainWords(page, "editor");
  await page.getByRole("tab", { name: /Resilience/ }).click();
  await expectPlainWords(page, "resilience");

  const created = await page.request.post("/v1/projetos", { data: GLOBAL_SAAS, headers: DEV });
  const { id } = await created.json();
  await page.goto("/projects");
  await expect(page.getByRole("link", { name: "Global SaaS" }).first()).toBeVisible();
  await expectPlainWords(page, "projects");
  await page.goto(`/projects/${id}`);
  await expect(page.getByTestId("project-status")).toHaveText("Active", { timeout: 30_000 });
  await expectPlainWords(page, "project");
  await page.goto(`/projects/${id}/monitor`);
  await expect(page.getByTestId("monitor-charts").locator(".uplot")).not.toHaveCount(0);
  await expectPlainWords(page, "monitor");
});
