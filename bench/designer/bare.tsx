/**
 * Baseline for the designer's budgets: React Flow alone, with the same nodes, edges, positions
 * and chrome (background, minimap, controls), in the library's recommended controlled setup.
 * `?n=300` chooses the size. `?import=1` starts empty with a file input: choosing a blueprint
 * file reads and parses it and renders its resources, as the designer's Import does.
 */
import {
  applyNodeChanges,
  Background,
  Controls,
  type Edge,
  getNodesBounds,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
  type ReactFlowState,
  useStore,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { partlyOutOfView } from "../../src/designer/viewport";
import { benchDiagram } from "./diagram";

const n = Number(new URLSearchParams(location.search).get("n") ?? 300);
const importMode = new URLSearchParams(location.search).has("import");

interface FileBlueprint {
  recursos: { tipo: string; nome: string; conexoes?: string[] }[];
  diagrama?: { posicoes?: Record<string, { x: number; y: number }> };
}

function graphOf(b: FileBlueprint, positions: Record<string, { x: number; y: number }>) {
  const nodes: Node[] = b.recursos.map((r) => ({
    id: r.nome,
    position: positions[r.nome] ?? { x: 0, y: 0 },
    data: { label: `${r.tipo} ${r.nome}` },
    style: { width: 232, height: 112 },
  }));
  const edges: Edge[] = b.recursos.flatMap((r) =>
    (r.conexoes ?? []).map((t) => ({ id: `${r.nome}->${t}`, source: r.nome, target: t })),
  );
  return { nodes, edges };
}

const initial = importMode
  ? { nodes: [] as Node[], edges: [] as Edge[] }
  : (() => {
      const { blueprint, positions } = benchDiagram(n);
      return graphOf(blueprint as unknown as FileBlueprint, positions);
    })();

/**
 * The minimap as the designer shows it: only while part of the diagram is out of view (the
 * same rule, so both pages draw the same chrome). Bounds are taken once per set of nodes.
 */
function OutOfViewMiniMap({ nodes }: { nodes: Node[] }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per set of nodes, not per drag frame
  const bounds = useMemo(() => (nodes.length ? getNodesBounds(nodes) : null), [nodes.length]);
  const out = useStore(useCallback((s: ReactFlowState) => partlyOutOfView(bounds, s), [bounds]));
  return out ? <MiniMap /> : null;
}

function Bare() {
  const [nodes, setNodes] = useState(initial.nodes);
  const [edges, setEdges] = useState(initial.edges);
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  return (
    <>
      {importMode ? (
        <input
          type="file"
          aria-label="Import"
          style={{ position: "absolute", zIndex: 10 }}
          onChange={(e) =>
            void e.target.files?.[0]?.text().then((text) => {
              const b = JSON.parse(text) as FileBlueprint;
              const g = graphOf(b, b.diagrama?.posicoes ?? {});
              setNodes(g.nodes);
              setEdges(g.edges);
            })
          }
        />
      ) : null}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        fitView
        key={importMode ? nodes.length : "static"}
        minZoom={0.05}
        onlyRenderVisibleElements={nodes.length > 200}
      >
        <Background />
        <OutOfViewMiniMap nodes={nodes} />
        <Controls />
      </ReactFlow>
    </>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<Bare />);
