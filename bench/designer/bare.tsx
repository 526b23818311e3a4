/**
 * Baseline for the designer's drag budget: React Flow alone, with the same nodes, edges,
 * positions and chrome (background, minimap, controls), in the library's recommended
 * controlled setup. `?n=300` chooses the size.
 */
import {
  applyNodeChanges,
  Background,
  Controls,
  type Edge,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import { benchDiagram } from "./diagram";

const n = Number(new URLSearchParams(location.search).get("n") ?? 300);
const { blueprint, positions } = benchDiagram(n);
const initialNodes: Node[] = blueprint.recursos.map((r) => ({
  id: r.nome,
  position: positions[r.nome],
  data: { label: `${r.tipo} ${r.nome}` },
  style: { width: 232, height: 112 },
}));
const edges: Edge[] = blueprint.recursos.flatMap((r) =>
  (r.conexoes ?? []).map((t) => ({ id: `${r.nome}->${t}`, source: r.nome, target: t })),
);

function Bare() {
  const [nodes, setNodes] = useState(initialNodes);
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      fitView
      minZoom={0.05}
      onlyRenderVisibleElements={nodes.length > 200}
    >
      <Background />
      <MiniMap />
      <Controls />
    </ReactFlow>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<Bare />);
