import { describe, expect, it } from "vitest";
import { REGIONS } from "../blueprint";
import { placeMarkerLabels } from "./mapLabels";
import { worldProjection } from "./worldProjection";

describe("map labels", () => {
  it("never cover each other, for every region of the catalog with its traffic share below", () => {
    const items = REGIONS.map((r) => {
      const [x, y] = worldProjection([r.lon, r.lat]) ?? [0, 0];
      return { x, y, r: 12, label: r.city, sublabel: "100 % of traffic" };
    });
    const places = placeMarkerLabels(items);
    const boxes = places.flatMap((p, i) => {
      const w = (s: string, k: number) => s.length * k;
      const at = (x: number, y: number, wd: number, h: number, anchor: string) => {
        const x0 = anchor === "start" ? x : anchor === "end" ? x - wd : x - wd / 2;
        return { x0, y0: y - h, x1: x0 + wd, y1: y + 3, who: items[i].label };
      };
      return [
        at(p.label.x, p.label.y, w(items[i].label, 7.8), 13, p.label.anchor),
        at(p.sublabel.x, p.sublabel.y, w(items[i].sublabel, 6.6), 12, p.sublabel.anchor),
      ];
    });
    const clashes: string[] = [];
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        if (a.who !== b.who && a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
          clashes.push(`${a.who} / ${b.who}`);
    expect(clashes).toEqual([]);
  });
});
