/** The diagram both drag benchmarks draw: the synthetic blueprint on a grid, no fabrics. */
import type { Blueprint } from "../../src/blueprint";
import { syntheticBlueprint } from "../syntheticBlueprint";

export function benchDiagram(n: number): {
  blueprint: Blueprint;
  positions: Record<string, { x: number; y: number }>;
} {
  const blueprint = syntheticBlueprint(n);
  // Containers change what a drag does; the budget is about plain nodes, so none here.
  blueprint.recursos = blueprint.recursos.map((r) =>
    r.tipo === "fabric"
      ? { tipo: "archive", nome: r.nome, config: {} }
      : r.tipo === "compute"
        ? { ...r, config: { ...r.config, fabric: undefined } }
        : r,
  );
  const columns = Math.ceil(Math.sqrt(n * 2));
  const positions = Object.fromEntries(
    blueprint.recursos.map((r, i) => [
      r.nome,
      { x: (i % columns) * 300, y: Math.floor(i / columns) * 180 },
    ]),
  );
  return { blueprint, positions };
}
