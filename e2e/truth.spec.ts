import { expect, type Page, test } from "@playwright/test";
import { TEMPLATES } from "../src/blueprint";

/**
 * What the console shows must be true: a one-click fix never breaks the design, the database
 * primary never moves behind the user's back, and advice never goes round in circles.
 */

const panel = (page: Page) =>
  page.getByRole("complementary", {
    name: /Submit blueprint|Update project|Project created|Project updated/,
  });

async function globalSaas(page: Page) {
  await page.goto("/designer");
  await page.getByRole("button", { name: "New from template: Global SaaS" }).click();
  await expect(page.getByTestId("node-app-global")).toBeVisible();
}

const TEMPLATE_TITLES = TEMPLATES.map((t) => t.title);

const settings = (page: Page) => page.getByRole("form", { name: "Blueprint settings" });
const resilience = (page: Page) => page.getByRole("region", { name: "Resilience" });

test("a fix that must raise the maximum raises it too, in one step of undo", async ({ page }) => {
  await globalSaas(page);
  await page.getByTestId("node-app-global").click();
  const inspector = page.getByRole("form", { name: "Inspector: app-global" });
  await inspector.getByLabel("Maximum replicas").fill("4");
  await expect(inspector.getByLabel("Minimum replicas")).toHaveValue("3");

  await page.getByRole("tab", { name: /Resilience/ }).click();
  const view = resilience(page);
  // Six replicas (two zones in each of three regions) do not fit under a maximum of 4.
  await view
    .getByRole("button", { name: "Set Minimum replicas to 6 and Maximum replicas to 6" })
    .click();
  await expect(inspector.getByLabel("Minimum replicas")).toHaveValue("6");
  await expect(inspector.getByLabel("Maximum replicas")).toHaveValue("6");
  await expect(view).toContainText("meets its resilience policy in every scenario");
  await expect(view.getByTestId("resilience-availability")).toHaveText("99.9900 %");
  await expect(page.getByRole("button", { name: "Submit" })).toBeEnabled();
  await page.getByRole("tab", { name: /Problems/ }).click();
  await expect(page.getByRole("region", { name: "Problems" })).not.toContainText(
    "replicas-invalidas",
  );

  // Both fields were one change: one undo restores both.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(inspector.getByLabel("Minimum replicas")).toHaveValue("3");
  await expect(inspector.getByLabel("Maximum replicas")).toHaveValue("4");
});

test("ticking a region keeps the primary; choosing one moves it, and the plan says so", async ({
  page,
}) => {
  await globalSaas(page);
  const primary = settings(page).getByLabel("Primary region");
  await expect(primary).toHaveValue("sa-east-1");
  await primary.selectOption("eu-central-1");
  await expect(page.getByTestId("node-db-global")).toContainText(
    "primary eu-central-1 · replicas sa-east-1 · us-east-1",
  );

  // A new region goes last: Frankfurt stays the primary (catalog order would put São Paulo first).
  await settings(page).getByRole("checkbox", { name: /Tokyo/ }).check();
  await expect(primary).toHaveValue("eu-central-1");
  await expect(page.getByTestId("node-db-global")).toContainText(
    "primary eu-central-1 · replicas sa-east-1 · us-east-1 · ap-northeast-1",
  );
  await settings(page).getByRole("checkbox", { name: /Tokyo/ }).uncheck();
  await expect(primary).toHaveValue("eu-central-1");

  await page.getByRole("tab", { name: /Resilience/ }).click();
  await expect(resilience(page).getByTestId("resilience-primary")).toHaveText(
    "Datastore primaries: Frankfurt (eu-central-1), the first region; losing it promotes a replica.",
  );
  // The datastore's inspector shows and sets the same primary.
  await page.getByTestId("node-db-global").click();
  await expect(
    page.getByRole("form", { name: "Inspector: db-global" }).getByLabel("Primary region"),
  ).toHaveValue("eu-central-1");

  await page.getByRole("button", { name: "Submit" }).click();
  await panel(page).getByRole("button", { name: "Create project" }).click();
  await expect(panel(page)).toContainText("Project created");
  await panel(page).getByRole("button", { name: "Close" }).click();

  // Moving the primary is a change the plan says in words, with the regions once.
  await page
    .getByRole("form", { name: "Inspector: db-global" })
    .getByLabel("Primary region")
    .selectOption("sa-east-1");
  await page.getByRole("button", { name: "Submit" }).click();
  const plan = panel(page).getByRole("list", { name: "Plan" });
  await expect(plan).toContainText("Primary region: Frankfurt → São Paulo");
  await expect(plan).toContainText(
    "Regions: Frankfurt, São Paulo, Ashburn → São Paulo, Frankfurt, Ashburn",
  );
  await expect(plan.getByText("/regioes")).toHaveCount(0);
  await expect(plan).toContainText("placed again in the new regions");
});

test("a target no change reaches says so, with the ceiling and what sets it", async ({ page }) => {
  await globalSaas(page);
  await settings(page).getByLabel("Availability target (%)").fill("99.995");
  await page.getByRole("tab", { name: /Resilience/ }).click();
  const view = resilience(page);
  await expect(view).toContainText(
    "No change of zones or regions reaches 99.995 %: the ceiling is 99.9900 %, set by global-dns (gateway)",
  );
  await expect(view).not.toContainText("Add a region");
  // The fixes still offered are the zone ones, and none claims to reach the target.
  await expect(view.getByRole("button", { name: /replicas to 8/ })).toHaveCount(0);

  const why = view.getByTestId("availability-why");
  await expect(why.getByRole("heading")).toHaveText("Why 99.9900 %");
  await expect(why.getByRole("row", { name: /global-dns/ })).toContainText("99.99 %");
  await expect(why.getByRole("row", { name: /app-global/ })).toContainText("one zone");
  await expect(why.getByTestId("availability-ceiling")).toContainText(
    "The policy (99.995 %) is out of reach",
  );

  // The cost by region adds up to the total, with the global resources on a row of their own.
  const byRegion = view.getByTestId("cost-by-region");
  await expect(byRegion.getByRole("row", { name: /Global, in no region/ })).toContainText(
    "global-dns, global-insight",
  );
  await expect(byRegion.getByRole("row", { name: /Total/ })).toContainText("$597.90 – $858.00");
});

test("one list of what to do: Problems carries the policy's findings; templates meet their own", async ({
  page,
}) => {
  await globalSaas(page);
  const problems = page.getByRole("region", { name: "Problems" });
  await expect(problems).toContainText("0 errors, 1 warning (1 against the resilience policy)");
  const finding = problems.getByRole("listitem").filter({ hasText: "zona-unica-em-regiao" });
  await expect(finding).toContainText("Policy");
  await expect(page.getByRole("tab", { name: /Problems \(1\)/ })).toBeVisible();
  // Choosing it opens the field it points at.
  await finding.getByRole("button").click();
  await expect(
    page.getByRole("form", { name: "Inspector: app-global" }).getByLabel("Minimum replicas"),
  ).toBeFocused();

  for (const name of ["Microservices on private Fabric", "Single-region web application"]) {
    await page.goto("/designer");
    await page.getByRole("button", { name: `New from template: ${name}` }).click();
    await expect(page.locator(".react-flow__node").first()).toBeVisible();
    await expect(problems).toContainText(
      "No problems: this blueprint is valid and meets its resilience policy.",
    );
    await page.getByRole("tab", { name: /Resilience/ }).click();
    await expect(resilience(page)).toContainText("meets its resilience policy in every scenario");
    // The advice names only what the design lacks: it has a gateway.
    await expect(resilience(page)).toContainText("nothing takes its traffic. Add a region.");
    await expect(resilience(page)).not.toContainText("and a gateway");
    await page.getByRole("tab", { name: /Problems/ }).click();
  }

  // A blank design is where one starts, not an error.
  await page.goto("/designer");
  await page.getByRole("button", { name: "New blank design" }).click();
  await expect(problems).toContainText(
    "No problems: this blueprint is valid once it has a resource.",
  );
  await expect(problems).not.toContainText("esquema");
  await expect(page.getByRole("button", { name: "Submit" })).toBeDisabled();
});

test("framed designs are clear of what the canvas draws over them", async ({ page }) => {
  for (const name of TEMPLATE_TITLES) {
    await page.goto("/designer");
    await page.getByRole("button", { name: `New from template: ${name}` }).click();
    await expect(page.locator(".react-flow__node").first()).toBeVisible();
    const clear = async () => {
      // The whole design is in view: no minimap; the banner and the controls cover no node.
      await expect(page.locator(".react-flow__minimap")).toHaveCount(0);
      const overlays = [
        await page.locator(".react-flow__controls").boundingBox(),
        ...((await page.getByText(/connections the contract implies/).count())
          ? [
              await page
                .getByText(/connections the contract implies/)
                .locator("..")
                .boundingBox(),
            ]
          : []),
      ];
      const pane = await page.locator(".react-flow").boundingBox();
      for (const n of await page.locator(".react-flow__node").all()) {
        const b = await n.boundingBox();
        if (!b || !pane) throw new Error("on screen");
        expect(b.x >= pane.x && b.y >= pane.y, name).toBe(true);
        expect(b.x + b.width <= pane.x + pane.width + 1, name).toBe(true);
        for (const o of overlays)
          if (o)
            expect(
              b.x < o.x + o.width &&
                o.x < b.x + b.width &&
                b.y < o.y + o.height &&
                o.y < b.y + b.height,
              `${name}: ${await n.getAttribute("data-id")} under an overlay`,
            ).toBe(false);
      }
    };
    await clear();
    // Zoomed in, part of the design is out of view: the minimap shows it; Fit view frames it again.
    await page.getByRole("button", { name: "Zoom in" }).click();
    await page.getByRole("button", { name: "Zoom in" }).click();
    await page.getByRole("button", { name: "Zoom in" }).click();
    await expect(page.locator(".react-flow__minimap")).toHaveCount(1);
    await page.getByRole("button", { name: "Fit view" }).click();
    await clear();
  }
});

test("at the opening zoom no text on a node is smaller than 11 px on screen", async ({ page }) => {
  for (const name of TEMPLATE_TITLES) {
    await page.goto("/designer");
    await page.getByRole("button", { name: `New from template: ${name}` }).click();
    await expect(page.locator(".react-flow__node").first()).toBeVisible();
    const smallest = await page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
      const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 1;
      let min = Number.POSITIVE_INFINITY;
      let what = "";
      for (const el of document.querySelectorAll<HTMLElement>(".react-flow__node *")) {
        const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
        if (!text || el.getClientRects().length === 0) continue;
        const style = getComputedStyle(el);
        if (style.visibility === "hidden") continue;
        const px = Number.parseFloat(style.fontSize) * zoom;
        if (px < min) [min, what] = [px, el.textContent ?? ""];
      }
      return { min, what, zoom };
    });
    expect(
      smallest.min,
      `${name} at zoom ${smallest.zoom}: "${smallest.what}"`,
    ).toBeGreaterThanOrEqual(11);
  }
});
