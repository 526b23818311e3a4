/**
 * Where a map's marker labels go so that none covers another (Lisboa and Frankfurt sit 50 px
 * apart on the world map): each label tries above its marker (its sublabel below), then to the
 * right, to the left, and below, and takes the first place that overlaps no label placed before
 * it and no marker. Pure; text widths are estimated from the character count.
 */
export interface LabelInput {
  x: number;
  y: number;
  r: number;
  label?: string;
  sublabel?: string;
}

export interface LabelPlace {
  label: { x: number; y: number; anchor: "start" | "middle" | "end" };
  sublabel: { x: number; y: number; anchor: "start" | "middle" | "end" };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const LABEL = { size: 13, em: 0.6 };
const SUB = { size: 12, em: 0.55 };
const width = (text: string | undefined, f: typeof LABEL) => (text ?? "").length * f.size * f.em;

/** The box of text drawn at (x, baseline y) with an anchor. */
function box(
  x: number,
  y: number,
  w: number,
  size: number,
  anchor: LabelPlace["label"]["anchor"],
): Box {
  const x0 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
  return { x0, y0: y - size, x1: x0 + w, y1: y + 3 };
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export function placeMarkerLabels(items: readonly LabelInput[]): LabelPlace[] {
  const taken: Box[] = items.map((m) => ({
    x0: m.x - m.r,
    y0: m.y - m.r,
    x1: m.x + m.r,
    y1: m.y + m.r,
  }));
  return items.map((m, i) => {
    const lw = width(m.label, LABEL);
    const sw = width(m.sublabel, SUB);
    const side = m.r + 6;
    const candidates: LabelPlace[] = [
      {
        label: { x: m.x, y: m.y - m.r - 9, anchor: "middle" },
        sublabel: { x: m.x, y: m.y + m.r + 16, anchor: "middle" },
      },
      {
        label: { x: m.x + side, y: m.y - 1, anchor: "start" },
        sublabel: { x: m.x + side, y: m.y + 13, anchor: "start" },
      },
      {
        label: { x: m.x - side, y: m.y - 1, anchor: "end" },
        sublabel: { x: m.x - side, y: m.y + 13, anchor: "end" },
      },
      {
        label: { x: m.x, y: m.y + m.r + 16, anchor: "middle" },
        sublabel: { x: m.x, y: m.y + m.r + 30, anchor: "middle" },
      },
    ];
    const boxesOf = (c: LabelPlace) => [
      ...(m.label ? [box(c.label.x, c.label.y, lw, LABEL.size, c.label.anchor)] : []),
      ...(m.sublabel ? [box(c.sublabel.x, c.sublabel.y, sw, SUB.size, c.sublabel.anchor)] : []),
    ];
    const others = taken.filter((_, k) => k !== i);
    const free = candidates.find((c) =>
      boxesOf(c).every((b) => others.every((o) => !overlaps(b, o))),
    );
    const chosen = free ?? candidates[0];
    taken.push(...boxesOf(chosen));
    return chosen;
  });
}
