/**
 * Every page in Português (Brasil), as a browser set to Portuguese opens the console: the
 * language comes from the browser, every control is named in Portuguese, no English phrase of
 * the catalogs shows, numbers and dates are written the Brazilian way, findings and the API's
 * answers come back in Portuguese; axe finds nothing in light and dark, and no page scrolls
 * sideways at 360 px. Runs in the `pt-BR` project (see playwright.config.ts).
 */
import { mkdirSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { GLOBAL_SAAS } from "../src/blueprint";
import { axeViolations } from "./axe";
import { englishOnlyPhrases, wordsFor } from "./words";

const DEV = { Authorization: "Bearer dev" };
const ENGLISH = englishOnlyPhrases("pt-BR").map(
  (phrase) =>
    [phrase, new RegExp(`(^|[^\\p{L}])${escapeRegExp(phrase)}([^\\p{L}]|$)`, "u")] as const,
);
// Screenshots for people to look at (not compared): test-results/pt-BR/<page>-<width>.png.
const SHOTS = "test-results/pt-BR";

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** What a person can read or hear on the page: visible text and accessible names. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what people read
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder]"))
      for (const a of ["aria-label", "title", "placeholder"]) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
    return parts.join("\n");
  });
}

async function check(page: Page, screen: string) {
  const text = await pageText(page);
  const english = ENGLISH.filter(([, re]) => re.test(text)).map(([p]) => p);
  expect(english, `${screen}: English left on a Portuguese page`).toEqual([]);
  expect(await axeViolations(page), `${screen}: axe violations`).toEqual([]);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${screen}: wider than the window`).toBeLessThanOrEqual(innerWidth);
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
}

test("the console opens in the browser's language: Portuguese, remembered, switchable", async ({
  page,
}) => {
  const w = await wordsFor("pt-BR");
  await page.goto("/designer");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(page.getByRole("button", { name: w.designer("start.blank") })).toBeVisible();

  // Settings shows the choice; English, once chosen, stays chosen after a reload.
  await page.getByRole("link", { name: w.app("nav.settings") }).click();
  await expect(page.getByRole("radio", { name: "Português (Brasil)" })).toBeChecked();
  await page.getByRole("radio", { name: "English" }).check();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await page.getByRole("radio", { name: "Português (Brasil)" }).check();
  await expect(
    page.getByRole("heading", { level: 1, name: w.app("settings.title") }),
  ).toBeVisible();
  await expect(
    page.getByText(w.app("settings.languageSaved", { language: "Português (Brasil)" })),
  ).toBeVisible();
});

for (const scheme of ["light", "dark"] as const)
  test(`every page in Portuguese, ${scheme}: words, numbers, findings, axe`, async ({ page }) => {
    // One journey through seventeen pages and states with an axe scan in each: about a minute
    // on a 2-core machine, so it gets two.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    const w = await wordsFor("pt-BR");

    // Designer start, a missing draft, a blank design with its findings in Portuguese.
    await page.goto("/designer");
    await expect(
      page.getByRole("heading", { level: 1, name: w.designer("start.title") }),
    ).toBeVisible();
    await check(page, "designer start");
    if (scheme === "light") await shot(page, "designer-start");

    await page.goto("/designer/d_doesnotexist");
    await expect(page.getByRole("heading", { name: w.designer("editor.missing") })).toBeVisible();
    await check(page, "missing draft");

    await page.goto("/designer");
    await page.getByRole("button", { name: w.designer("start.blank") }).click();
    await expect(page.getByText(w.designer("empty.title"))).toBeVisible();
    const problems = page.getByRole("region", { name: w.designer("problems.title") });
    await expect(problems).not.toContainText("esquema");
    await check(page, "blank design");

    // The flagship template: a node selected, split and JSON views, resilience, the plan.
    await page.goto("/designer");
    await page
      .getByRole("button", {
        name: `${w.designer("start.fromTemplatePrefix")} ${w.designer("template.global-saas.title")}`,
      })
      .click();
    await page.getByTestId("node-app-global").click();
    await expect(
      page.getByRole("form", { name: w.designer("editor.inspectorOf", { name: "app-global" }) }),
    ).toBeVisible();
    const inspector = page.getByRole("form", {
      name: w.designer("editor.inspectorOf", { name: "app-global" }),
    });
    await expect(inspector.getByText(w.designer("field.replicas_min"))).toBeVisible();
    // A finding in Portuguese, built from its code and parameters.
    await inspector.getByLabel(w.designer("field.replicas_min")).fill("1");
    await expect(problems).toContainText(
      w.blueprint("rule.replicasPorRegiao", { min: 1, regions: 3 }).replaceAll("`", ""),
    );
    await check(page, "editor with a node selected and a finding");
    if (scheme === "light") await shot(page, "editor");
    await page.keyboard.press("Control+z");

    await page.getByText(w.designer("editor.viewMode", { mode: "split" }), { exact: true }).click();
    await expect(page.getByRole("textbox", { name: w.panel("json.label") })).toBeVisible();
    await check(page, "split view");
    await page.getByText("JSON", { exact: true }).click();
    await check(page, "JSON view");
    await page
      .getByText(w.designer("editor.viewMode", { mode: "canvas" }), { exact: true })
      .click();

    await page.getByRole("tab", { name: new RegExp(w.panel("tab.resilienceLabel")) }).click();
    const resilience = page.getByRole("tabpanel");
    await expect(resilience).toContainText(w.panel("resilience.availability"));
    // Money and decimals the Brazilian way.
    await expect(page.getByTestId("resilience-cost")).toContainText("US$");
    await expect(page.getByTestId("resilience-cost")).toHaveText(/\d,\d{2}/);
    await check(page, "resilience view");

    await page.getByRole("button", { name: w.designer("submit.button") }).click();
    await expect(page.getByRole("list", { name: w.panel("submit.plan") })).toBeVisible();
    await check(page, "submit plan");

    // Projects, a project while deploying, the monitor idle, the drill dialog, during a drill.
    await page.goto("/projects");
    await expect(
      page.getByRole("heading", { level: 1, name: w.projects("list.title") }),
    ).toBeVisible();
    await check(page, "projects");

    const created = await page.request.post("/v1/projetos", { data: GLOBAL_SAAS, headers: DEV });
    const { id } = await created.json();
    await page.goto(`/projects/${id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Global SaaS" })).toBeVisible();
    await check(page, "project page");
    await expect(page.getByTestId("project-status")).toHaveText(w.projects("status.ativo"), {
      timeout: 30_000,
    });
    if (scheme === "light") await shot(page, "project");

    await page.goto(`/projects/${id}/monitor`);
    await expect(page.getByTestId("monitor-charts").locator(".uplot")).not.toHaveCount(0);
    // SLO figures with a decimal comma.
    await expect(page.getByRole("region", { name: w.monitor("slos.title") })).toContainText(
      /99,\d+ %/,
    );
    await check(page, "monitor");
    if (scheme === "light") await shot(page, "monitor");

    await page.getByRole("button", { name: w.monitor("drill.run") }).click();
    const dialog = page.getByRole("dialog", { name: w.monitor("drill.title") });
    await check(page, "drill dialog");
    await dialog.getByRole("button", { name: /^Derrubar / }).click();
    await expect(page.getByText(w.monitor("failover.title"))).toBeVisible();
    await check(page, "monitor during a drill");

    // The runbook in Portuguese: the verdict, the scenarios and their steps.
    await page.getByRole("link", { name: w.monitor("page.runbook") }).click();
    await expect(
      page.getByRole("heading", {
        level: 1,
        name: w.runbook("page.title", { name: "Global SaaS" }),
      }),
    ).toBeVisible();
    await expect(page.getByTestId("runbook-verdict")).toContainText("Não está pronto para BCDR");
    await expect(page.getByRole("region", { name: "Perda da região Frankfurt" })).toContainText(
      w.runbookText("step.verificar"),
    );
    await check(page, "runbook");

    // An engineering review in Portuguese: the pack's verifications, the decision pending.
    const review = await (
      await page.request.post(`/v1/projetos/${id}/revisoes`, {
        data: {},
        headers: { ...DEV, "Accept-Language": "pt-BR" },
      })
    ).json();
    await page.goto(`/projects/${id}/reviews/${review.id}`);
    await expect(page.getByTestId("review-status")).toHaveText(w.review("status.pendente"));
    await expect(page.getByTestId("check-continentes")).toContainText("continentes");
    await check(page, "review");

    // The API's own answer, in Portuguese (Accept-Language), behind the people's words.
    await page.goto("/projects/prj_doesnotexist");
    const alert = page.getByRole("alert");
    await expect(alert).toContainText(w.api("404.what"));
    await alert.getByText(w.ui("error.technical")).click();
    await expect(alert).toContainText("Projeto não encontrado");
    await check(page, "missing project");

    await page.goto("/settings");
    await expect(
      page.getByRole("heading", { level: 1, name: w.app("settings.title") }),
    ).toBeVisible();
    await check(page, "settings");
    if (scheme === "light") await shot(page, "settings");
  });

test("every page in Portuguese fits a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const w = await wordsFor("pt-BR");
  const created = await page.request.post("/v1/projetos", { data: GLOBAL_SAAS, headers: DEV });
  const { id } = await created.json();
  const h1 = (name: string) => page.getByRole("heading", { level: 1, name });
  /** Once `ready` shows: the checks, then a screenshot to look at. */
  const phone = async (name: string, ready: Locator) => {
    await expect(ready).toBeVisible({ timeout: 30_000 });
    await check(page, `${name} at 360`);
    await shot(page, name);
  };

  await page.goto("/designer");
  await phone("designer-start", h1(w.designer("start.title")));
  await page
    .getByRole("button", {
      name: `${w.designer("start.fromTemplatePrefix")} ${w.designer("template.global-saas.title")}`,
    })
    .click();
  await phone("editor", page.getByTestId("node-app-global"));
  await page.goto("/projects");
  await phone("projects", h1(w.projects("list.title")));
  await page.goto(`/projects/${id}`);
  await phone("project", page.getByTestId("project-status").getByText(w.projects("status.ativo")));
  await page.goto(`/projects/${id}/monitor`);
  await phone("monitor", page.getByTestId("monitor-charts").locator(".uplot").first());
  await page.goto("/settings");
  await phone("settings", h1(w.app("settings.title")));
});

test("what-if and the optimiser in Portuguese: words, numbers, axe", async ({ page }) => {
  const w = await wordsFor("pt-BR");
  await page.goto("/designer");
  await page
    .getByRole("button", {
      name: `${w.designer("start.fromTemplatePrefix")} ${w.designer("template.global-saas.title")}`,
    })
    .click();
  await page.getByRole("button", { name: w.designer("sim.start") }).click();
  const sim = page.getByRole("region", { name: w.whatif("sim.title") });
  await sim.getByRole("slider", { name: w.whatif("sim.time") }).fill("36");
  await expect(sim).toContainText(w.whatif("sim.phase.traffic", { city: "Ashburn", ms: 115 }));
  await expect(page.getByTestId("simulation-writes")).toHaveText("2,5 s");
  await expect(page.getByTestId("simulation-budget")).toContainText("0,99 % de 99,95 %");
  await check(page, "simulation");
  await shot(page, "simulation");
  await sim.getByRole("button", { name: w.whatif("sim.end") }).click();

  await page.getByRole("tab", { name: /Resiliência/ }).click();
  await page.getByRole("button", { name: w.whatif("opt.open") }).click();
  const dialog = page.getByRole("dialog", { name: w.whatif("opt.open") });
  const cheapest = dialog.getByTestId("option-menor-custo");
  await expect(cheapest.getByTestId("option-cost")).toHaveText("US$ 709,10");
  await expect(cheapest).toContainText("app-global réplicas mínimas 3 → 4");
  await check(page, "optimiser");
  await shot(page, "optimiser");
  await cheapest
    .getByRole("button", {
      name: w.whatif("opt.applyLabel", { objective: w.whatif("opt.objective.menor-custo") }),
    })
    .click();
  await expect(page.getByTestId("staged")).toContainText("Regiões: São Paulo, Ashburn, Frankfurt");
});
