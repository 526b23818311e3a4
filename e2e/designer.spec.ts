import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { GLOBAL_SAAS } from "../src/blueprint";

async function newBlankDesign(page: Page) {
  await page.goto("/designer");
  await page.getByRole("button", { name: "New blank design" }).click();
  await expect(page).toHaveURL(/\/designer\/d_/);
  await expect(page.getByRole("status", { name: "Draft status" })).toHaveText("Draft saved");
}

async function dropProduct(page: Page, product: string, x: number, y: number) {
  await page
    .getByRole("button", { name: product, exact: true })
    .dragTo(page.locator(".react-flow__pane"), { targetPosition: { x, y } });
}

const problems = (page: Page) => page.getByRole("region", { name: "Problems" });
const node = (page: Page, name: string) => page.getByTestId(`node-${name}`);

function tempFile(name: string, content: string): string {
  const path = join(tmpdir(), `${Date.now()}-${name}`);
  writeFileSync(path, content);
  return path;
}

async function importFile(page: Page, path: string) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await (await chooser).setFiles(path);
}

test("drag products in, connect them, see a refused connection, edit in the inspector", async ({
  page,
}) => {
  await newBlankDesign(page);
  await expect(problems(page)).toContainText("valid once it has a resource");

  await dropProduct(page, "Gateway", 120, 140);
  await dropProduct(page, "Compute", 420, 140);
  await dropProduct(page, "Datastore", 420, 380);
  for (const n of ["gateway-1", "compute-1", "datastore-1"])
    await expect(node(page, n)).toBeVisible();
  await expect(problems(page)).toContainText("0 errors");

  // gateway → compute is allowed.
  await node(page, "gateway-1")
    .locator(".react-flow__handle.source")
    .dragTo(node(page, "compute-1").locator(".react-flow__handle.target"));
  await expect(page.locator('[aria-label="Connection from gateway-1 to compute-1"]')).toHaveCount(
    1,
  );

  // gateway → datastore is not: the reason shows while dragging, and nothing is connected.
  const from = await node(page, "gateway-1").locator(".react-flow__handle.source").boundingBox();
  const to = await node(page, "datastore-1").locator(".react-flow__handle.target").boundingBox();
  if (!from || !to) throw new Error("nodes are on screen");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await expect(page.getByRole("status").filter({ hasText: "Not allowed:" })).toContainText(
    "gateway",
  );
  await page.mouse.up();
  await expect(
    page.locator('[aria-label^="Connection from gateway-1 to datastore-1"]'),
  ).toHaveCount(0);

  // The inspector edits the selected resource; a finding appears and goes away.
  await node(page, "compute-1").click();
  const inspector = page.getByRole("form", { name: "Inspector: compute-1" });
  const min = inspector.getByLabel("Minimum replicas");
  await min.fill("1");
  await expect(problems(page)).toContainText("replicas-multi-zona");
  await expect(node(page, "compute-1")).toHaveAttribute("aria-label", /1 error,/);
  await min.fill("3");
  await expect(problems(page)).not.toContainText("replicas-multi-zona");
  await expect(problems(page)).toContainText("0 errors");

  // Keyboard path: Enter on a palette item adds it in the middle of the view.
  await page.getByRole("button", { name: "Insight", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(node(page, "insight-1")).toBeVisible();
});

test("zoomed out, handles show on the node under the pointer and on every node while connecting", async ({
  page,
}) => {
  await newBlankDesign(page);
  await dropProduct(page, "Gateway", 160, 200);
  await dropProduct(page, "Compute", 560, 200);
  await expect(node(page, "compute-1")).toBeVisible();
  // Zoomed out to tiles (the nodes draw their names large, their details hidden).
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("the canvas is on screen");
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  while ((await page.locator(".tesserra-far").count()) === 0) await page.mouse.wheel(0, 200);
  await page.mouse.click(pane.x + 30, pane.y + pane.height / 2); // nothing selected
  const visibility = (name: string, kind: "source" | "target") =>
    node(page, name)
      .locator(`.react-flow__handle.${kind}`)
      .evaluate((h) => getComputedStyle(h).visibility);
  await expect.poll(() => visibility("gateway-1", "source")).toBe("hidden");
  await expect.poll(() => visibility("compute-1", "target")).toBe("hidden");

  await node(page, "gateway-1").hover();
  await expect.poll(() => visibility("gateway-1", "source")).toBe("visible");
  await expect.poll(() => visibility("compute-1", "target")).toBe("hidden");

  // Drawing a connection shows every node's handles; dropped on one, it connects.
  const from = await node(page, "gateway-1").locator(".react-flow__handle.source").boundingBox();
  const to = await node(page, "compute-1").locator(".react-flow__handle.target").boundingBox();
  if (!from || !to) throw new Error("the handles are on screen");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, from.y + 40, { steps: 6 });
  await expect.poll(() => visibility("compute-1", "target")).toBe("visible");
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(page.locator('[aria-label="Connection from gateway-1 to compute-1"]')).toHaveCount(
    1,
  );
  await page.mouse.move(pane.x + 10, pane.y + pane.height - 10);
  await expect.poll(() => visibility("compute-1", "target")).toBe("hidden");
});

test("a problem takes you to the field at fault", async ({ page }) => {
  await newBlankDesign(page);
  await dropProduct(page, "Compute", 300, 200);
  await node(page, "compute-1").click();
  await page
    .getByRole("form", { name: "Inspector: compute-1" })
    .getByLabel("Maximum replicas")
    .fill("1");
  await page
    .getByRole("main")
    .click({ position: { x: 5, y: 5 } })
    .catch(() => {});
  await problems(page)
    .getByRole("button", { name: /replicas-invalidas/ })
    .click();
  await expect(
    page.getByRole("form", { name: "Inspector: compute-1" }).getByLabel("Minimum replicas"),
  ).toBeFocused();
});

test("the JSON view and the canvas edit the same blueprint", async ({ page }) => {
  await page.goto("/designer");
  await page.getByRole("button", { name: "New from template: Global SaaS" }).click();
  await expect(node(page, "app-global")).toBeVisible();
  await page.getByText("Split", { exact: true }).click();
  const editor = page.getByRole("textbox", { name: "Blueprint JSON" });
  await expect(editor).toContainText('"nome": "Global SaaS"');

  // Text → canvas.
  const next = structuredClone(GLOBAL_SAAS) as { recursos: unknown[] };
  next.recursos.push({ tipo: "archive", nome: "backups", config: { classe: "fria" } });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(JSON.stringify(next, null, 2));
  await expect(node(page, "backups")).toBeVisible();
  // Split view frames the design zoomed out, where nodes are tiles: the label names the product.
  await expect(node(page, "backups")).toHaveAttribute("aria-label", /^Archive backups/);
  // Positions are kept: the new resource got one, the others kept theirs.
  await expect(editor).toContainText('"backups": {');

  // Canvas → text.
  await node(page, "backups").click();
  await page
    .getByRole("form", { name: "Inspector: backups" })
    .getByLabel("Name")
    .fill("cold-backups");
  await expect(editor).toContainText('"nome": "cold-backups"');

  // A syntax error is reported and the canvas keeps the last good version.
  await editor.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText("oops");
  await expect(page.getByRole("alert")).toContainText("Not valid JSON");
  await expect(node(page, "cold-backups")).toBeVisible();
});

test("import the seed blueprint, export it, and get the template back", async ({ page }) => {
  await newBlankDesign(page);
  await importFile(page, tempFile("seed.json", JSON.stringify(GLOBAL_SAAS)));
  for (const n of ["app-global", "db-global", "global-dns", "global-insight"])
    await expect(node(page, n)).toBeVisible();
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  // Valid; its one warning is the policy's (app-global in one zone of each region).
  await expect(problems(page)).toContainText(
    "0 errors, 1 warning (1 against the resilience policy)",
  );

  await page.getByRole("button", { name: "Export" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: /Download blueprint/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("Global SaaS.blueprint.json");
  const text = readFileSync(await file.path(), "utf8");
  const { diagrama, ...blueprint } = JSON.parse(text);
  expect(Object.keys(diagrama.posicoes).sort()).toEqual([
    "app-global",
    "db-global",
    "global-dns",
    "global-insight",
  ]);
  // Everything but the layout is the template, byte for byte, keys in contract order.
  expect(JSON.stringify(blueprint, null, 2)).toBe(JSON.stringify(GLOBAL_SAAS, null, 2));

  await page.getByRole("button", { name: "Export" }).click();
  const png = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Download PNG" }).click();
  expect((await png).suggestedFilename()).toBe("Global SaaS.png");
});

test("a broken import is refused and the design stays exactly as it was", async ({ page }) => {
  await newBlankDesign(page);
  await dropProduct(page, "Compute", 300, 200);
  await expect(node(page, "compute-1")).toBeVisible();
  const before = await page.locator(".react-flow__node").count();

  await importFile(page, tempFile("broken.json", '{ "nome": "x", '));
  await expect(page.getByRole("alert")).toContainText("broken.json: Not valid JSON at line 1");
  await expect(page.getByRole("alert")).toContainText("Your design is unchanged.");
  await importFile(page, tempFile("list.json", "[1, 2, 3]"));
  await expect(page.getByRole("alert")).toContainText("is JSON but not a blueprint");
  await importFile(page, tempFile("deep.json", `${"[".repeat(100)}${"]".repeat(100)}`));
  await expect(page.getByRole("alert")).toContainText("nested deeper than 64 levels");

  await expect(page.locator(".react-flow__node")).toHaveCount(before);
  await expect(node(page, "compute-1")).toBeVisible();
  await page.reload();
  await expect(node(page, "compute-1")).toBeVisible();
  await expect(page.locator(".react-flow__node")).toHaveCount(before);

  // A blueprint with errors imports, and shows them: as a new draft, as from the start
  // screen; the design that was open stays as it was, in Drafts.
  const openDraft = page.url();
  const bad = structuredClone(GLOBAL_SAAS);
  (bad.recursos[0].config as { replicas_min: number }).replicas_min = 50;
  await importFile(page, tempFile("with-errors.json", JSON.stringify(bad)));
  await expect(node(page, "app-global")).toBeVisible();
  await expect(problems(page)).toContainText("replicas-invalidas");
  expect(page.url()).not.toBe(openDraft);
  await expect(page.getByRole("status").filter({ hasText: "as a new draft" })).toContainText(
    'Opened "Global SaaS" (4 resources) as a new draft',
  );
  await page.goto(openDraft);
  await expect(node(page, "compute-1")).toBeVisible();
  await expect(page.locator(".react-flow__node")).toHaveCount(before);
});

test("dragging a node moves it and its connection; it stays where it was dropped, and undo puts it back", async ({
  page,
}) => {
  await newBlankDesign(page);
  await dropProduct(page, "Gateway", 150, 150);
  await dropProduct(page, "Compute", 450, 150);
  await page
    .getByTestId("node-gateway-1")
    .locator(".react-flow__handle.source")
    .dragTo(node(page, "compute-1").locator(".react-flow__handle.target"));
  const edge = page.locator('[aria-label="Connection from gateway-1 to compute-1"] path').first();
  await expect(edge).toHaveCount(1);
  const start = await node(page, "compute-1").boundingBox();
  const path = await edge.getAttribute("d");
  if (!start) throw new Error("the node is on screen");

  const x = start.x + start.width / 2;
  const y = start.y + 30;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 80, y + 48, { steps: 5 });
  // Mid-drag the node and its connection follow the pointer.
  await expect
    .poll(async () => (await node(page, "compute-1").boundingBox())?.x)
    .toBeGreaterThan(start.x + 40);
  expect(await edge.getAttribute("d")).not.toBe(path);
  await page.mouse.move(x + 160, y + 96, { steps: 5 });
  await page.mouse.up();
  // Where it lands is snapped to the grid: within a grid step of the pointer's travel.
  await expect
    .poll(async () => (await node(page, "compute-1").boundingBox())?.x ?? 0)
    .toBeGreaterThan(start.x + 160 - 16);
  const moved = await node(page, "compute-1").boundingBox();
  if (!moved) throw new Error("the node is on screen");
  expect(Math.abs(moved.x - (start.x + 160))).toBeLessThanOrEqual(16);
  expect(Math.abs(moved.y - (start.y + 96))).toBeLessThanOrEqual(16);

  // One move is one step of history.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => node(page, "compute-1").boundingBox()).toEqual(start);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect.poll(() => node(page, "compute-1").boundingBox()).toEqual(moved);
  await expect(page.getByRole("status", { name: "Draft status" })).toHaveText("Draft saved");

  await page.reload();
  await expect(node(page, "compute-1")).toBeVisible();
  expect(await node(page, "compute-1").boundingBox()).toEqual(moved);
});

test("undo and redo every change, by keyboard and by button", async ({ page }) => {
  await newBlankDesign(page);
  await dropProduct(page, "Gateway", 150, 150);
  await dropProduct(page, "Compute", 450, 150);
  await expect(node(page, "compute-1")).toBeVisible();

  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("ControlOrMeta+z");
  await expect(node(page, "compute-1")).toHaveCount(0);
  await expect(node(page, "gateway-1")).toBeVisible();
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(node(page, "compute-1")).toBeVisible();

  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(node(page, "gateway-1")).toBeVisible();
  await expect(node(page, "compute-1")).toHaveCount(0);

  // Delete is a change too.
  await node(page, "gateway-1").click();
  await page.keyboard.press("Delete");
  await expect(node(page, "gateway-1")).toHaveCount(0);
  await page.keyboard.press("ControlOrMeta+z");
  await expect(node(page, "gateway-1")).toBeVisible();
});

test("the draft survives a reload, and drafts are listed on the start screen", async ({ page }) => {
  await newBlankDesign(page);
  await dropProduct(page, "Datastore", 300, 200);
  await node(page, "datastore-1").click();
  await page
    .getByRole("form", { name: "Inspector: datastore-1" })
    .getByLabel("Name")
    .fill("orders-db");
  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await page.getByRole("form", { name: "Blueprint settings" }).getByLabel("Name").fill("Orders");
  await expect(page.getByRole("status", { name: "Draft status" })).toHaveText("Draft saved");
  const box = await node(page, "orders-db").boundingBox();

  await page.reload();
  await expect(node(page, "orders-db")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  const again = await node(page, "orders-db").boundingBox();
  expect(again).toEqual(box);

  await page.getByRole("link", { name: "Drafts" }).click();
  const list = page.getByRole("list", { name: "Drafts" });
  await expect(list.getByRole("link", { name: "Orders" })).toBeVisible();
  await page.getByRole("button", { name: "New from template: Secure edge ingress" }).click();
  await expect(page).toHaveURL(/\/designer\/d_/);
  await page.getByRole("link", { name: "Drafts" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await list.getByRole("link", { name: "Orders" }).click();
  await expect(node(page, "orders-db")).toBeVisible();
});

test("a fabric holds the computes and datastores dropped into it; copy and paste duplicates", async ({
  page,
}) => {
  await newBlankDesign(page);
  await dropProduct(page, "Fabric", 330, 230);
  await expect(node(page, "fabric-1")).toBeVisible();
  // Dropped inside the fabric: the compute joins its private network.
  const fabric = await node(page, "fabric-1").boundingBox();
  if (!fabric) throw new Error("the fabric is on screen");
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("the canvas is on screen");
  await dropProduct(page, "Compute", fabric.x - pane.x + 150, fabric.y - pane.y + 120);
  await node(page, "compute-1").click();
  const inspector = page.getByRole("form", { name: "Inspector: compute-1" });
  await expect(inspector.getByLabel("Private network (Fabric)")).toHaveValue("fabric-1");
  await expect(node(page, "compute-1")).toContainText("in fabric-1");

  // Dragged out of it, it leaves the network.
  const box = await node(page, "compute-1").boundingBox();
  if (!box) throw new Error("the compute is on screen");
  await page.mouse.move(box.x + 40, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 40, box.y + 400, { steps: 10 });
  await page.mouse.up();
  await expect(inspector.getByLabel("Private network (Fabric)")).toHaveValue("");
  await expect(node(page, "compute-1")).not.toContainText("in fabric-1");

  // Copy and paste make a renamed copy. (The drag may have left it at the canvas's edge, under
  // the bottom panel: the view is fitted first, as a user would, so the click reaches it.)
  await page.getByRole("button", { name: "Fit view" }).click();
  await node(page, "compute-1").click();
  await expect(page.getByRole("form", { name: "Inspector: compute-1" })).toBeVisible();
  await page.keyboard.press("ControlOrMeta+c");
  await page.keyboard.press("ControlOrMeta+v");
  await expect(node(page, "compute-2")).toBeVisible();
});

test("a blueprint without connections shows the traffic it implies, and one action writes it", async ({
  page,
}) => {
  await page.goto("/designer");
  await page.getByRole("button", { name: "New from template: Global SaaS" }).click();
  // The seed page names no connection: gateway → web compute → datastore are drawn dashed.
  await expect(
    page.locator(
      '[aria-label="Implied connection from global-dns to app-global (not in the blueprint yet)"]',
    ),
  ).toHaveCount(1);
  await expect(
    page.locator(
      '[aria-label="Implied connection from app-global to db-global (not in the blueprint yet)"]',
    ),
  ).toHaveCount(1);
  await page.getByRole("button", { name: "Make connections explicit" }).click();
  await expect(page.locator('[aria-label="Connection from global-dns to app-global"]')).toHaveCount(
    1,
  );
  await expect(page.locator('[aria-label="Connection from app-global to db-global"]')).toHaveCount(
    1,
  );
  await expect(page.locator('[aria-label^="Implied connection"]')).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Make connections explicit" })).toBeHidden();
  // Undo takes them out of the blueprint again; they are implied once more.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator('[aria-label^="Implied connection"]')).toHaveCount(2);
});

test("switching to Split re-frames the design; an empty canvas says what to do next", async ({
  page,
}) => {
  await page.goto("/designer");
  await page.getByRole("button", { name: "New from template: Global SaaS" }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  await page.getByText("Split", { exact: true }).click();
  const canvas = page.locator(".react-flow").first();
  await expect(async () => {
    const frame = await canvas.boundingBox();
    if (!frame) throw new Error("no canvas");
    for (const n of await page.locator(".react-flow__node").all()) {
      const b = await n.boundingBox();
      if (!b) throw new Error("node not laid out");
      expect(b.x).toBeGreaterThanOrEqual(frame.x);
      expect(b.x + b.width).toBeLessThanOrEqual(frame.x + frame.width);
    }
  }).toPass();

  // Select every node, delete them: the canvas offers the next steps.
  await page.getByText("Canvas", { exact: true }).click();
  for (const name of ["global-dns", "app-global", "db-global", "global-insight"]) {
    await page.getByTestId(`node-${name}`).click();
    await page.keyboard.press("Delete");
  }
  await expect(page.getByRole("heading", { name: "An empty design" })).toBeVisible();
});

test("a big imported design arrives in batches and is framed whole", async ({ page }) => {
  // 400 resources, column by column, 10 to a column: the first batches React Flow measures
  // are the left columns only, and its own fitView framed those (the rest stayed outside the
  // view, and were never drawn).
  // Each node calls the one in the next column: the connections arrive after the nodes.
  const recursos = Array.from({ length: 400 }, (_, i) => ({
    tipo: "compute",
    nome: `c${i}`,
    config: { subtipo: "web", replicas_min: 2, replicas_max: 4 },
    ...(i < 390 ? { conexoes: [`c${i + 10}`] } : {}),
  }));
  const posicoes = Object.fromEntries(
    recursos.map((r, i) => [r.nome, { x: Math.floor(i / 10) * 300, y: (i % 10) * 160 }]),
  );
  const big = {
    nome: "Wide",
    resiliencia: "multi-zona",
    regioes: ["sa-east-1"],
    recursos,
    diagrama: { posicoes },
  };
  await newBlankDesign(page);
  await importFile(page, tempFile("wide.json", JSON.stringify(big)));
  await expect(page.locator(".react-flow__node")).toHaveCount(400, { timeout: 20_000 });
  await expect(page.locator(".react-flow__edge")).toHaveCount(390);
  await expect(page.getByRole("group", { name: "Connection from c0 to c10" })).toBeAttached();
  await expect(async () => {
    const outside = await page.evaluate(() => {
      const frame = document.querySelector(".react-flow")?.getBoundingClientRect();
      if (!frame) return -1;
      return [...document.querySelectorAll(".react-flow__node")].filter((n) => {
        const b = n.getBoundingClientRect();
        return (
          b.left < frame.left ||
          b.right > frame.right ||
          b.top < frame.top ||
          b.bottom > frame.bottom
        );
      }).length;
    });
    expect(outside).toBe(0);
  }).toPass();
  // The minimap (shown once part of the design is out of view) draws every node too, at its
  // drawn size: nodes after the first batch are handed over with the size measured for a node
  // of the same shape, and a wrong guess is corrected.
  await expect(page.locator(".react-flow__minimap")).toHaveCount(0);
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(page.locator(".react-flow__minimap-node")).toHaveCount(400);
  const heights = await page.evaluate(() => ({
    drawn: [
      ...new Set(
        [...document.querySelectorAll<HTMLElement>(".react-flow__node")].map((n) => n.offsetHeight),
      ),
    ],
    minimap: [
      ...new Set(
        [...document.querySelectorAll(".react-flow__minimap-node")].map((r) =>
          Number(r.getAttribute("height")),
        ),
      ),
    ],
  }));
  expect(heights.minimap).toEqual(heights.drawn);
});

test("the first screen opens a blueprint from a file, a drop or pasted JSON; a broken one makes no draft", async ({
  page,
}) => {
  const seed = JSON.stringify(GLOBAL_SAAS, null, 2);
  await page.goto("/designer");
  const draftLinks = page.getByRole("list", { name: "Drafts" }).getByRole("link");
  const before = (await page.getByRole("list", { name: "Drafts" }).count())
    ? await draftLinks.count()
    : 0;

  // A broken file: refused with where it breaks, and no draft.
  await page.getByLabel("Blueprint file").setInputFiles({
    name: "broken.blueprint.json",
    mimeType: "application/json",
    buffer: Buffer.from('{\n  "nome": "x",\n  "recursos": [,]\n}'),
  });
  await expect(page.getByRole("alert")).toContainText(
    "broken.blueprint.json: Not valid JSON at line 3",
  );
  await expect(page.getByRole("alert")).toContainText("No draft was created.");
  await expect(page).toHaveURL(/\/designer$/);

  // The file chooser.
  await page.getByLabel("Blueprint file").setInputFiles({
    name: "seed.blueprint.json",
    mimeType: "application/json",
    buffer: Buffer.from(seed),
  });
  await expect(page).toHaveURL(/\/designer\/d_/);
  await expect(page.locator(".react-flow__node")).toHaveCount(4);

  // A file dropped anywhere on the first screen.
  await page.goto("/designer");
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.blueprint.json", { type: "application/json" }));
    return dt;
  }, seed);
  await page
    .getByRole("heading", { name: "Designer", level: 1 })
    .dispatchEvent("drop", { dataTransfer });
  await expect(page).toHaveURL(/\/designer\/d_/);
  await expect(page.locator(".react-flow__node")).toHaveCount(4);

  // Pasted JSON.
  await page.goto("/designer");
  await page.getByRole("button", { name: "Paste JSON" }).click();
  await page.getByLabel("Blueprint JSON").fill(seed);
  await page.getByRole("button", { name: "Open as a new draft" }).click();
  await expect(page).toHaveURL(/\/designer\/d_/);
  await page.goto("/designer");
  await expect(draftLinks).toHaveCount(before + 3);
});

test("products added by keyboard land side by side, take focus, and connect only when chosen", async ({
  page,
}) => {
  await newBlankDesign(page);
  const palette = page.getByRole("navigation", { name: "Products" });
  for (const product of ["Gateway", "Compute", "Datastore"]) {
    await palette.getByRole("button", { name: new RegExp(`^${product}`) }).focus();
    await page.keyboard.press("Enter");
  }
  await expect(palette.getByRole("status")).toHaveText(
    "Added datastore-1 to the canvas and selected it.",
  );
  await expect(page.locator('.react-flow__node[data-id="datastore-1"]')).toBeFocused();
  // Three nodes, no two on top of each other.
  const boxes = await Promise.all(
    ["gateway-1", "compute-1", "datastore-1"].map((n) => node(page, n).boundingBox()),
  );
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (!a || !b) throw new Error("nodes are laid out");
      const apart =
        a.x + a.width <= b.x ||
        b.x + b.width <= a.x ||
        a.y + a.height <= b.y ||
        b.y + b.height <= a.y;
      expect(apart).toBe(true);
    }

  // Connections: one button per allowed target; refused ones say why.
  await node(page, "gateway-1").click();
  const inspector = page.getByRole("form", { name: "Inspector: gateway-1" });
  await expect(inspector.getByRole("button", { name: "Connect to compute-1" })).toBeVisible();
  await expect(inspector.getByRole("button", { name: /Connect to datastore-1/ })).toHaveCount(0);
  await inspector.getByText("Why not the others?").click();
  await expect(inspector).toContainText("datastore-1:");
  await inspector.getByRole("button", { name: "Connect to compute-1" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator('[aria-label="Connection from gateway-1 to compute-1"]')).toHaveCount(
    1,
  );

  // Ctrl+A selects every node; Escape clears the selection.
  await page.locator('.react-flow__node[data-id="compute-1"]').focus();
  await page.keyboard.press("ControlOrMeta+a");
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(3);
  await expect(page.getByText("3 resources selected.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(0);
});
