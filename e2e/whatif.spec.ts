/**
 * What-if on the canvas and the optimiser (contract §8), driven as a user does: a region loss
 * played on Global SaaS, then the cheapest design that meets its policy applied and undone; the
 * same by keyboard alone; axe in light and dark; a 360 px phone.
 */
import { expect, type Page, test } from "@playwright/test";
import { TEMPLATES } from "../src/blueprint";
import type { Otimizacao } from "../src/blueprint/otimizacao";
import { axeViolations } from "./axe";
import { fromTemplate } from "./designerSteps";

const simulation = (page: Page) => page.getByRole("region", { name: "Failure simulation" });
const resilience = (page: Page) => page.getByRole("region", { name: /Resilience/ });

async function openResilience(page: Page) {
  await page.getByRole("tab", { name: /Resilience/ }).click();
  await expect(page.getByTestId("resilience-availability")).toBeVisible();
}

test("simulate losing São Paulo, then meet the policy for less, then undo", async ({ page }) => {
  await fromTemplate(page, "Global SaaS");
  const undo = page.getByRole("button", { name: "Undo", exact: true });
  await expect(undo).toBeDisabled();

  await page.getByRole("button", { name: "Simulate failure" }).click();
  const sim = simulation(page);
  await expect(sim).toBeVisible();
  await expect(sim.getByRole("combobox", { name: "Scenario" })).toHaveValue(
    "perda-regiao:sa-east-1",
  );
  await expect(page.getByTestId("node-sim-app-global")).toContainText("sa-east-1 lost");
  // Played to its end: detection at 30 s, traffic moved at 32 s, the replica promoted at 36 s.
  await sim.getByRole("button", { name: "Play" }).click();
  await expect(page.getByTestId("simulation-time")).toHaveText("36 s of 36 s", {
    timeout: 15_000,
  });
  await expect(page.getByTestId("node-sim-global-dns")).toContainText("traffic → Ashburn +115 ms");
  await expect(page.locator(".react-flow__edge-text").first()).toHaveText("→ Ashburn +115 ms");
  await expect(page.getByTestId("node-sim-db-global")).toContainText("primary → us-east-1");
  await expect(page.getByTestId("simulation-writes")).toHaveText("2.5 s");
  await expect(page.getByTestId("simulation-budget")).toContainText("0.99 % of 99.95 %");
  await expect(page.getByTestId("simulation-policy")).toContainText("holds");
  // Scrubbing back before the promotion: no write lost yet.
  const slider = sim.getByRole("slider", { name: "Time since the loss" });
  await slider.fill("33");
  await expect(page.getByTestId("simulation-writes")).toHaveText("0 s");
  await expect(page.getByTestId("node-sim-db-global")).not.toContainText("primary");

  await sim.getByRole("button", { name: "End simulation" }).click();
  await expect(sim).toBeHidden();
  await expect(page.getByTestId("node-sim-app-global")).toHaveCount(0);
  // Nothing was written: there is nothing to undo.
  await expect(undo).toBeDisabled();

  await openResilience(page);
  await expect(page.getByTestId("resilience-cost")).toHaveText("$597.90 – $858.00");
  await page.getByRole("button", { name: "Meet my policy for less" }).click();
  const dialog = page.getByRole("dialog", { name: "Meet my policy for less" });
  await expect(dialog.getByTestId("optimizer-current")).toContainText(
    "$858.00 · 99.9900 % · ! does not meet its policy",
  );
  const cheapest = dialog.getByTestId("option-menor-custo");
  await expect(cheapest.getByTestId("option-cost")).toHaveText("$709.10");
  await expect(cheapest).toContainText(
    "Regions: São Paulo, Ashburn, Frankfurt → São Paulo, Ashburn",
  );
  await expect(cheapest).toContainText("app-global minimum replicas 3 → 4");
  await expect(dialog.getByRole("img", { name: /Cost against availability/ })).toBeVisible();
  await cheapest.getByRole("button", { name: "Apply the option “Cheapest”" }).click();
  await expect(dialog).toBeHidden();

  await expect(resilience(page)).toContainText(
    "The design meets its resilience policy in every scenario.",
  );
  await expect(page.getByTestId("resilience-cost")).toHaveText("$474.50 – $709.10");
  await expect(page.getByTestId("staged")).toContainText("app-global minimum replicas 3 → 4");
  await expect(page.getByTestId("node-app-global")).toHaveAttribute("data-overlay", "alterar");

  // One undo step takes all of it back, the highlight with it.
  await undo.click();
  await expect(page.getByTestId("resilience-cost")).toHaveText("$597.90 – $858.00");
  await expect(undo).toBeDisabled();
  await expect(page.getByTestId("node-app-global")).not.toHaveAttribute("data-overlay", /./);
  await expect(resilience(page)).toContainText("zona-unica-em-regiao");
});

test("a zone loss the region rides out, and a single-region loss with nothing to fail over to", async ({
  page,
}) => {
  await fromTemplate(page, "Fintech with BCDR");
  await page.getByRole("button", { name: "Simulate failure" }).click();
  const sim = simulation(page);
  const scenario = sim.getByRole("combobox", { name: "Scenario" });
  await scenario.selectOption("perda-zona:eu-central-1");
  await sim.getByRole("slider", { name: "Time since the loss" }).fill("100");
  // Health checks every 5 s × 3, then the in-region standby: 21 s, traffic stays.
  await expect(page.getByTestId("simulation-time")).toHaveText("21 s of 21 s");
  await expect(page.getByTestId("simulation-traffic")).toHaveText("stays in Frankfurt");
  await expect(page.getByTestId("simulation-writes")).toHaveText("0 s");
  await expect(page.locator(".react-flow__edge-text")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(sim).toBeHidden();

  await fromTemplate(page, "Single-region web application");
  await openResilience(page);
  await resilience(page)
    .getByRole("button", { name: "Simulate losing the region São Paulo" })
    .click();
  await expect(sim).toBeVisible();
  await expect(page.getByTestId("simulation-policy")).toContainText(
    "the design does not survive this loss",
  );
  await expect(page.getByTestId("simulation-traffic")).toHaveText("nowhere to go");
  await expect(page.getByTestId("node-web")).toHaveAttribute("data-sim", "down");
});

test("both by keyboard alone, announced, with focus returned", async ({ page }) => {
  await fromTemplate(page, "Global SaaS");
  const start = page.getByRole("button", { name: "Simulate failure" });
  await start.focus();
  await page.keyboard.press("Enter");
  const sim = simulation(page);
  await expect(sim.getByRole("heading", { name: "Failure simulation" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(sim.getByRole("combobox", { name: "Scenario" })).toBeFocused();
  // Tab through the scenario, End simulation and the region buttons to the play button.
  const play = sim.getByRole("button", { name: "Play" });
  for (let i = 0; i < 8 && !(await play.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(play).toBeFocused();
  await page.keyboard.press("Tab");
  const slider = sim.getByRole("slider", { name: "Time since the loss" });
  await expect(slider).toBeFocused();
  await page.keyboard.press("End");
  await expect(slider).toHaveAttribute("aria-valuetext", /36 s of 36 s: Replica in Ashburn/);
  await expect(sim.locator("[aria-live=polite]")).toHaveText(
    "36 s: Replica in Ashburn promoted to primary",
  );
  await page.keyboard.press("Escape");
  await expect(sim).toBeHidden();
  await expect(start).toBeFocused();

  const tab = page.getByRole("tab", { name: /Resilience/ });
  await tab.focus();
  await page.keyboard.press("Enter");
  const open = page.getByRole("button", { name: "Meet my policy for less" });
  await open.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Meet my policy for less" });
  const apply = dialog.getByRole("button", { name: "Apply the option “Cheapest”" });
  await expect(apply).toBeEnabled();
  for (let i = 0; i < 10 && !(await apply.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(apply).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("resilience-cost")).toHaveText("$474.50 – $709.10");
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("resilience-cost")).toHaveText("$597.90 – $858.00");
});

for (const scheme of ["light", "dark"] as const)
  test(`simulation and optimiser are axe-clean (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await fromTemplate(page, "Global SaaS");
    await page.getByRole("button", { name: "Simulate failure" }).click();
    await simulation(page).getByRole("slider").fill("36");
    await expect(page.getByTestId("simulation-writes")).toHaveText("2.5 s");
    expect(await axeViolations(page), "simulation").toEqual([]);
    await page.keyboard.press("Escape");
    await openResilience(page);
    expect(await axeViolations(page), "resilience with simulate buttons").toEqual([]);
    await page.getByRole("button", { name: "Meet my policy for less" }).click();
    await expect(page.getByTestId("option-menor-custo")).toBeVisible();
    expect(await axeViolations(page), "optimiser dialog").toEqual([]);
  });

test("on a 360 px phone nothing overflows sideways", async ({ page }) => {
  await fromTemplate(page, "Global SaaS");
  await page.setViewportSize({ width: 360, height: 740 });
  const wide = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("menuitem", { name: "Simulate failure" }).click();
  await expect(simulation(page)).toBeVisible();
  await simulation(page).getByRole("slider").fill("36");
  expect(await wide()).toBe(false);
  await simulation(page).getByRole("button", { name: "End simulation" }).click();
  await openResilience(page);
  await page.getByRole("button", { name: "Meet my policy for less" }).click();
  await expect(page.getByTestId("option-menor-custo")).toBeVisible();
  expect(await wide()).toBe(false);
  const box = await page.getByTestId("option-menor-custo").boundingBox();
  expect(box?.width).toBeGreaterThan(250);
});

test("the Resilience view's options agree with the API's for every template", async ({ page }) => {
  for (const template of TEMPLATES) {
    const api = await page.request.post("/v1/blueprints/otimizar", {
      headers: { Authorization: "Bearer dev" },
      data: { blueprint: template.blueprint, plano: "enterprise" },
    });
    const answer = (await api.json()) as Otimizacao;
    await fromTemplate(page, template.title);
    await openResilience(page);
    await page.getByRole("button", { name: "Meet my policy for less" }).click();
    const dialog = page.getByRole("dialog", { name: "Meet my policy for less" });
    await expect(dialog.getByTestId("optimizer-current"), template.id).toContainText(
      `$${answer.atual.custo_max.toLocaleString("en-US", { minimumFractionDigits: 2 })} · ${answer.atual.disponibilidade_estimada_pct.toFixed(4)} %`,
    );
    for (const o of answer.opcoes)
      await expect(
        dialog.getByTestId(`option-${o.objetivo}`).getByTestId("option-cost"),
        `${template.id} ${o.objetivo}`,
      ).toHaveText(
        `$${o.avaliacao.custo_mensal_usd.max.toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
      );
    await expect(dialog.locator("figure table tbody tr")).toHaveCount(answer.fronteira.length);
    await dialog.getByRole("button", { name: "Close" }).click();
  }
});
