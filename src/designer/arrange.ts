/** Auto-layout applied to documents, with a plain grid when the layout worker is unavailable. */
import { layoutDoc } from "./autoLayout";
import { type Doc, nameOf, positionsOf, resourcesOf, withPositions, type XY } from "./doc";
import { NODE_H, NODE_W } from "./flow";
import { placeMissing } from "./layoutGraph";

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
    return await layoutDoc(doc);
  } catch {
    return grid(doc);
  }
}

/** Places the resources that have no position; the others keep theirs. */
export async function autoPlace(doc: Doc): Promise<Doc> {
  const positions = positionsOf(doc);
  if (resourcesOf(doc).every((r) => !nameOf(r) || positions[nameOf(r)])) return doc;
  return withPositions(doc, placeMissing(doc, await laidOut(doc)));
}

/** Lays every resource out afresh. */
export async function layoutAll(doc: Doc): Promise<Doc> {
  return withPositions(doc, await laidOut(doc));
}
