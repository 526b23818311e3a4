/**
 * A failure simulation drawn on the canvas: which nodes lose their copy in the lost region or
 * zone (marked, and dimmed when no copy survives anywhere), the datastore primary moving, and
 * the gateway's traffic re-routed with its extra latency on the edges. New node and edge
 * objects only for what the simulation changes; the document is never touched.
 */
import type { Edge } from "@xyflow/react";
import { cityOf } from "../../blueprint";
import type { Translate } from "../../i18n";
import type { FlowNode, NodeSim } from "../flow";
import type { DesignerMessageKey } from "../i18n";
import { type Simulation, stateAt } from "./timeline";

/** What the simulation shows at `t`, as one key: nodes are decorated again only when it moves. */
export function visualKey(sim: Simulation, t: number): string {
  const s = stateAt(sim, t);
  return `${sim.cenario.tipo}|${sim.regiao}|${s.trafficMoved}|${s.promoted}|${s.down}`;
}

export function decorateNodes(nodes: FlowNode[], sim: Simulation, t: number): FlowNode[] {
  const s = stateAt(sim, t);
  const destino = sim.cenario.destino;
  return nodes.map((n) => {
    const r = n.data.resource;
    const tipo = r.tipo;
    const zonal = tipo === "compute" || tipo === "datastore";
    const regional = zonal || tipo === "archive";
    if (!regional && tipo !== "gateway") return n;
    let sim_: NodeSim;
    if (tipo === "gateway") {
      if (!s.trafficMoved || !destino || destino === sim.regiao) return n;
      sim_ = {
        lost: null,
        down: false,
        promotedTo: null,
        traffic: { city: cityOf(destino), ms: sim.cenario.latencia_extra_ms ?? 0 },
      };
    } else {
      // A zone loss the region rides out touches only what has zones; else the region is out.
      const lost = sim.regionOut ? sim.regiao : zonal ? sim.zona : null;
      if (!lost) return n;
      const promotedTo =
        tipo === "datastore" && s.promoted && sim.promotedTo
          ? sim.regionOut
            ? sim.promotedTo
            : `${sim.regiao}b`
          : null;
      sim_ = {
        lost,
        // No copy left anywhere: the design runs in that one region only.
        down: sim.regionOut && n.data.regions.length <= 1,
        promotedTo,
        traffic: null,
      };
    }
    return { ...n, data: { ...n.data, sim: sim_ } };
  });
}

export function decorateEdges(
  edges: Edge[],
  nodes: FlowNode[],
  sim: Simulation,
  t: number,
  tr: Translate<DesignerMessageKey>,
): Edge[] {
  const s = stateAt(sim, t);
  const destino = sim.cenario.destino;
  if (!s.trafficMoved || !destino || destino === sim.regiao) return edges;
  const gateways = new Set(
    nodes.filter((n) => n.data.resource.tipo === "gateway").map((n) => n.id),
  );
  const ms = sim.cenario.latencia_extra_ms ?? 0;
  const city = cityOf(destino);
  return edges.map((e) =>
    gateways.has(e.source)
      ? {
          ...e,
          label: tr("sim.edge", { city, ms }),
          animated: true,
          // Above the nodes, so the latency label is never under one.
          zIndex: 10,
          className: `${e.className ?? ""} tesserra-edge-sim`.trim(),
          ariaLabel: tr("sim.edgeLabel", { source: e.source, target: e.target, city, ms }),
        }
      : e,
  );
}
