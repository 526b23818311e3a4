/**
 * Auto-layout applied to documents, with a plain grid when the layout worker is unavailable.
 * The layout code loads on first use: opening a design that already has positions needs none.
 */
import { type Doc, nameOf, positionsOf, resourcesOf, withPositions, type XY } from "./doc";
import { NODE_H, NODE_W } from "./flow";

function grid(doc: Doc): Record<string, XY> {
  return Object.fromEntries(
    resourcesOf(doc).map((r, i) => [
      nameOf(r),
      { x: (i % 5) * (NODE_W + 80), y: Math.floor(i / 5) * (NODE_H + 80) },
    ]),
  );
}

async function laidOut(doc: Doc): Promise<Record<string, XY>> {
  try {
    const { layoutDoc } = await import("./autoLayout");
    return await layoutDoc(doc);
  } catch {
    return grid(doc);
  }
}

/** Places the resources that have no position; the others keep theirs. */
export async function autoPlace(doc: Doc): Promise<Doc> {
  const positions = positionsOf(doc);
  if (resourcesOf(doc).every((r) => !nameOf(r) || positions[nameOf(r)])) return doc;
  const [{ placeMissing }, laid] = await Promise.all([import("./layoutGraph"), laidOut(doc)]);
  return withPositions(doc, placeMissing(doc, laid));
}

/** Lays every resource out afresh. */
export async function layoutAll(doc: Doc): Promise<Doc> {
  return withPositions(doc, await laidOut(doc));
}
