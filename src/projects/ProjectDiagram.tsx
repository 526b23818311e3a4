import {
  Background,
  Controls,
  type Edge,
  Handle,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
  useReactFlow,
  useStore,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import type { Passo } from "../contract/schemas";
import { useFlowAriaLabels } from "../ui/flowLabels";
import { useT } from "../ui/i18n";
import { projectsMessages } from "./i18n";
import { NODE_WIDTH, nodeHeight, projectLayout, STACK_GAP, stackedLayout } from "./layout";
import { STEP_STATUS } from "./present";

type ResourceNodeData = {
  nome: string;
  tipo: string;
  regioes: string[];
  steps: Passo[] | undefined;
  /** Stacked in one column (a phone): connections run top to bottom. */
  stacked: boolean;
  /** A mark on the node: the comments pinned to it, what changed in it (a review's canvas). */
  note?: string;
  change?: "criar" | "alterar";
  /** False on a review's canvas: deployment states are not what it is about. */
  showSteps: boolean;
};
type ResourceNode = Node<ResourceNodeData, "resource">;

const DOT: Record<Passo["status"], string> = {
  pendente: "bg-slate-300 dark:bg-slate-600",
  provisionando: "bg-amber-500 animate-pulse",
  pronto: "bg-emerald-500",
  falhou: "bg-red-500",
};

const ResourceNodeView = memo(function ResourceNodeView({ data }: NodeProps<ResourceNode>) {
  const t = useT(projectsMessages);
  const byRegion = new Map(data.steps?.map((s) => [s.regiao, s.status]));
  return (
    <div
      style={{ width: NODE_WIDTH }}
      data-change={data.change}
      className={`relative rounded-lg border bg-white shadow-sm dark:bg-slate-900 ${
        data.change === "criar"
          ? "border-emerald-500 ring-2 ring-emerald-500/40"
          : data.change === "alterar"
            ? "border-amber-500 ring-2 ring-amber-500/40"
            : "border-slate-200 dark:border-slate-700"
      }`}
    >
      {data.note ? (
        <span
          className="absolute -top-2.5 -right-2.5 rounded-full bg-indigo-600 px-2 py-0.5 text-[11px] font-semibold text-white shadow"
          data-testid={`pin-${data.nome}`}
        >
          {data.note}
        </span>
      ) : null}
      <Handle
        type="target"
        position={data.stacked ? Position.Top : Position.Left}
        className="!bg-slate-400"
      />
      <div className="border-b border-slate-100 px-3 py-2 dark:border-slate-800">
        <div className="text-[11px] font-semibold tracking-wide text-indigo-600 uppercase dark:text-indigo-300">
          {data.tipo}
        </div>
        <div className="truncate font-mono text-sm font-medium text-slate-900 dark:text-slate-100">
          {data.nome}
        </div>
      </div>
      <ul
        hidden={!data.showSteps}
        className="flex flex-col gap-1 px-3 py-2"
        aria-label={t("diagram.byRegion", { name: data.nome })}
      >
        {data.regioes.map((r) => {
          const status = byRegion.get(r) ?? "pendente";
          return (
            <li
              key={r}
              className="flex items-center justify-between gap-2 text-xs"
              data-region={r}
              data-status={status}
            >
              <span className="font-mono text-slate-600 dark:text-slate-300">{r}</span>
              <span className="inline-flex items-center gap-1.5 text-slate-600 dark:text-slate-300">
                <span className={`size-2 rounded-full ${DOT[status]}`} aria-hidden="true" />
                {t(STEP_STATUS[status].label)}
              </span>
            </li>
          );
        })}
      </ul>
      <Handle
        type="source"
        position={data.stacked ? Position.Bottom : Position.Right}
        className="!bg-slate-400"
      />
    </div>
  );
});

const nodeTypes = { resource: ResourceNodeView };

/** The deployed blueprint, read-only, each node showing its deployment state per region. */
/** The whole architecture in view, down to a phone's width (React Flow stops at 0.5 by default). */
const FIT = { padding: 0.15, maxZoom: 1.1, minZoom: 0.2 };

/** Stacked on a phone: the column at full width, no larger than the nodes' own size. */
const STACKED_FIT = { padding: 0.04, maxZoom: 1, minZoom: 0.2 };
/** Below this width the diagram stacks its resources in one column. */
const NARROW = 560;

/** Frames the diagram again when its box changes width (a rotated phone, a resized window). */
function FitOnResize({ options }: { options: typeof FIT }) {
  const { fitView } = useReactFlow();
  const width = useStore((s) => s.width);
  useEffect(() => {
    if (width > 0) void fitView(options);
  }, [width, fitView, options]);
  return null;
}

export function ProjectDiagram({
  blueprint,
  regioes,
  steps,
  notes,
  changes,
  label,
}: {
  blueprint: Record<string, unknown>;
  regioes: string[];
  steps: Map<string, Passo[]> | undefined;
  /** Marks by resource (a review's comment pins); with them, no deployment states are shown. */
  notes?: Map<string, string>;
  changes?: Map<string, "criar" | "alterar">;
  label?: string;
}) {
  const t = useT(projectsMessages);
  const flowLabels = useFlowAriaLabels();
  const recursos = useMemo(
    () =>
      (Array.isArray(blueprint.recursos) ? blueprint.recursos : []) as {
        nome: string;
        tipo: string;
        conexoes?: string[];
      }[],
    [blueprint],
  );
  // A phone's width: one column at a readable size, the page scrolling past it.
  const section = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = section.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.round(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const stacked = width > 0 && width < NARROW;
  const layout = useMemo(
    () => (stacked ? stackedLayout(blueprint, regioes.length) : projectLayout(blueprint)),
    [blueprint, stacked, regioes.length],
  );
  const nodes: ResourceNode[] = useMemo(
    () =>
      recursos.map((r, i) => ({
        id: r.nome,
        type: "resource",
        position: { x: layout[i].x, y: layout[i].y },
        data: {
          nome: r.nome,
          tipo: r.tipo,
          regioes,
          steps: steps?.get(r.nome),
          stacked,
          note: notes?.get(r.nome),
          change: changes?.get(r.nome),
          showSteps: notes === undefined,
        },
        draggable: false,
        connectable: false,
      })),
    [recursos, layout, regioes, steps, stacked, notes, changes],
  );
  const edges: Edge[] = useMemo(
    () =>
      recursos.flatMap((r) =>
        (r.conexoes ?? []).map((to) => ({
          id: `${r.nome}->${to}`,
          source: r.nome,
          target: to,
          animated: false,
        })),
      ),
    [recursos],
  );
  return (
    <section
      ref={section}
      className="h-full min-h-[420px] w-full"
      style={
        stacked
          ? {
              height:
                (Math.max(0, recursos.length - 1) * (nodeHeight(regioes.length) + STACK_GAP) +
                  nodeHeight(regioes.length)) *
                  1.1 +
                24,
            }
          : undefined
      }
      aria-label={label ?? t("diagram.label")}
    >
      <ReactFlow
        key={stacked ? "stacked" : "wide"}
        fitViewOptions={stacked ? STACKED_FIT : FIT}
        preventScrolling={!stacked}
        zoomOnScroll={!stacked}
        panOnDrag={!stacked}
        ariaLabelConfig={flowLabels}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        minZoom={FIT.minZoom}
        style={{ background: "transparent" }}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        proOptions={{ hideAttribution: true }}
        colorMode="system"
        className="tesserra-flow"
      >
        <Background gap={16} />
        {stacked ? null : <Controls showInteractive={false} />}
        <FitOnResize options={stacked ? STACKED_FIT : FIT} />
      </ReactFlow>
    </section>
  );
}
