import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { TEMPLATES } from "../src/blueprint";
import { connectionMidpoints, decodePng, drawnNear } from "./png";

/**
 * An exported picture is the diagram: every connection drawn, none of the editor's chrome. The
 * SVG is vectors that librsvg (rsvg-convert, as Inkscape and GNOME use) draws like Chromium;
 * the PNG is the same drawing.
 */

const EDGE_LIGHT: [number, number, number] = [0x64, 0x74, 0x8b];
const dir = mkdtempSync(join(tmpdir(), "tesserra-export-"));

async function download(page: Page, item: "Download PNG" | "Download SVG"): Promise<Buffer> {
  await page.getByRole("button", { name: "Export" }).click();
  const file = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: item }).click();
  const path = await (await file).path();
  return readFileSync(path);
}

for (const template of TEMPLATES)
  test(`${template.title}: the SVG and PNG show every connection and no editor chrome`, async ({
    page,
  }) => {
    await page.goto("/designer");
    await page.getByRole("button", { name: `New from template: ${template.title}` }).click();
    await expect(page.locator(".react-flow__node").first()).toBeVisible();
    // Select a resource: a selection ring must not be exported. (Not a fabric: its middle is
    // covered by its members, which would take the click.)
    await page.locator(".react-flow__node-resource").first().click();
    const onCanvas = await page.locator(".react-flow__edge").count();
    expect(onCanvas).toBeGreaterThan(0);

    const svg = (await download(page, "Download SVG")).toString("utf8");
    const nodes = template.blueprint.recursos.length;
    // Vectors, not an HTML snapshot: no foreignObject, a few KB per node.
    expect(svg).not.toContain("foreignObject");
    expect(svg).not.toMatch(/react-flow__(handle|minimap|controls)|selected/);
    expect(svg.length).toBeLessThan(nodes * 4_000);
    const links = connectionMidpoints(svg);
    expect(links).toHaveLength(onCanvas);
    for (const r of template.blueprint.recursos) expect(svg).toContain(`data-id="${r.nome}"`);

    // librsvg draws every connection where the SVG says it runs.
    const svgFile = join(dir, `${template.id}.svg`);
    writeFileSync(svgFile, svg);
    const rendered = decodePng(execFileSync("rsvg-convert", ["--format", "png", svgFile]));
    const [vx, vy] = (/viewBox="(-?[\d.]+) (-?[\d.]+)/.exec(svg) ?? []).slice(1).map(Number);
    for (const l of links)
      expect(
        drawnNear(rendered, l.x - vx, l.y - vy, EDGE_LIGHT),
        `rsvg-convert: ${l.source} → ${l.target}`,
      ).toBe(true);

    // Chromium's PNG is the same drawing at twice the size.
    const png = decodePng(await download(page, "Download PNG"));
    expect(png.width).toBe(rendered.width * 2);
    for (const l of links)
      expect(
        drawnNear(png, (l.x - vx) * 2, (l.y - vy) * 2, EDGE_LIGHT, 3),
        `PNG: ${l.source} → ${l.target}`,
      ).toBe(true);
  });
