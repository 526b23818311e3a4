import { expect, type Locator, type Page, test } from "@playwright/test";

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, backwards = false, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

const nodeEl = (page: Page, name: string) => page.locator(`.react-flow__node[data-id="${name}"]`);

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const scheme of ["light", "dark"] as const)
  test(`a focused node shows a ring with at least 3:1 contrast (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/designer");
    await page.getByRole("button", { name: "New from template: Global SaaS" }).click();
    const node = nodeEl(page, "app-global");
    await expect(node).toBeVisible();
    await tabTo(page, node);
    const ring = await node.evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        style: s.outlineStyle,
        width: Number.parseFloat(s.outlineWidth),
        color: s.outlineColor,
      };
    });
    expect(ring.style).toBe("solid");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    // The ring sits outside the node, on the canvas.
    const canvas = scheme === "light" ? "rgb(248, 250, 252)" : "rgb(2, 6, 23)";
    expect(contrast(ring.color, canvas)).toBeGreaterThanOrEqual(3);
  });

test("the whole design journey by keyboard alone", async ({ page }) => {
  await page.goto("/designer");
  await tabTo(page, page.getByRole("button", { name: "New blank design" }));
  await page.keyboard.press("Enter");
  // Page change: focus lands on the new page's heading, not on <body>.
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();

  // Add three products from the palette: each lands apart and takes focus.
  const palette = page.getByRole("navigation", { name: "Products" });
  for (const product of ["Gateway", "Compute", "Datastore"]) {
    await tabTo(page, palette.getByRole("button", { name: new RegExp(`^${product}`) }));
    await page.keyboard.press("Enter");
    await expect(nodeEl(page, `${product.toLowerCase()}-1`)).toBeFocused();
  }

  // Arrow keys move the selected node by a grid step; Shift by ten; undo is one step.
  const ds = nodeEl(page, "datastore-1");
  const before = await ds.boundingBox();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Shift+ArrowDown");
  await expect
    .poll(async () => {
      const b = await ds.boundingBox();
      return b && before ? [Math.round(b.x - before.x), Math.round(b.y - before.y)] : null;
    })
    .toEqual([32, 160]);
  await page.keyboard.press("ControlOrMeta+z");
  await expect.poll(async () => (await ds.boundingBox())?.x).toBeCloseTo(before?.x ?? 0, 0);
  await expect.poll(async () => (await ds.boundingBox())?.y).toBeCloseTo(before?.y ?? 0, 0);

  // Connect gateway → compute from the inspector's list of allowed targets.
  await tabTo(page, nodeEl(page, "gateway-1"), true);
  await page.keyboard.press("Enter");
  const inspector = page.getByRole("form", { name: "Inspector: gateway-1" });
  await tabTo(page, inspector.getByRole("button", { name: "Connect to compute-1" }));
  await page.keyboard.press("Enter");
  // The button goes with the choice: focus moves to the new connection, not to the page.
  const connection = page.locator('[aria-label="Connection from gateway-1 to compute-1"]');
  await expect(connection).toHaveCount(1);
  await expect(connection).toBeFocused();

  // Make a problem in the inspector, reach it in Problems, and fix it where it takes us.
  await tabTo(page, nodeEl(page, "compute-1"), true);
  await page.keyboard.press("Enter");
  const compute = page.getByRole("form", { name: "Inspector: compute-1" });
  await tabTo(page, compute.getByLabel("Maximum replicas"));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("1");
  const problems = page.getByRole("region", { name: "Problems" });
  const finding = problems.getByRole("button", { name: /replicas-invalidas/ });
  await expect(finding).toBeVisible();
  await tabTo(page, finding);
  await page.keyboard.press("Enter");
  const min = compute.getByLabel("Minimum replicas");
  await expect(min).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("1");
  await expect(problems).not.toContainText("replicas-invalidas");

  // Delete removes the selected node (and its connections).
  await tabTo(page, nodeEl(page, "datastore-1"), true);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Delete");
  await expect(nodeEl(page, "datastore-1")).toHaveCount(0);
  // Focus goes to the node that takes its place in the canvas order.
  await expect(nodeEl(page, "compute-1")).toBeFocused();

  // Menus give focus back to their button after an item is chosen by keyboard.
  const exportButton = page.getByRole("button", { name: "Export" });
  await tabTo(page, exportButton, true);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: /Download blueprint/ })).toBeFocused();
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  expect((await download).suggestedFilename()).toMatch(/\.blueprint\.json$/);
  await expect(exportButton).toBeFocused();

  // Escape in a menu closes it and keeps focus on its button; Ctrl+A then Escape on the canvas.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(exportButton).toBeFocused();
  await tabTo(page, nodeEl(page, "compute-1"), true);
  await page.keyboard.press("ControlOrMeta+a");
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(2);
  await page.keyboard.press("Escape");
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(0);

  // Leaving for the drafts list by keyboard: focus goes to that page's heading.
  await tabTo(page, page.getByRole("link", { name: "Drafts" }), true);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Designer" })).toBeFocused();
});

test("focus stays on the canvas when Undo takes back the focused node, and no control locks it", async ({
  page,
}) => {
  await page.goto("/designer");
  await page.getByRole("button", { name: "New blank design" }).click();
  const palette = page.getByRole("navigation", { name: "Products" });
  await tabTo(page, palette.getByRole("button", { name: /^Gateway/ }));
  await page.keyboard.press("Enter");
  await expect(nodeEl(page, "gateway-1")).toBeFocused();
  await page.keyboard.press("Enter");
  await tabTo(page, palette.getByRole("button", { name: /^Compute/ }), true);
  await page.keyboard.press("Enter");
  await expect(nodeEl(page, "compute-1")).toBeFocused();

  // Undo removes the focused node: focus goes to the one left, never to <body>.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(nodeEl(page, "compute-1")).toHaveCount(0);
  await expect(nodeEl(page, "gateway-1")).toBeFocused();
  // Undo again leaves an empty canvas: the canvas itself holds focus.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(nodeEl(page, "gateway-1")).toHaveCount(0);
  await expect(page.locator(".react-flow")).toBeFocused();

  // The canvas's controls come after the nodes, are named, and none freezes the canvas.
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(nodeEl(page, "gateway-1")).toBeVisible();
  await tabTo(page, nodeEl(page, "gateway-1"), true);
  await tabTo(page, page.getByRole("button", { name: "Zoom in" }));
  await expect(page.getByRole("button", { name: /interactivity/i })).toHaveCount(0);
});
