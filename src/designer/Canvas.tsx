import {
  Background,
  BackgroundVariant,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  type ReactFlowProps,
  type ReactFlowState,
  useConnection,
  useReactFlow,
  useStore,
  useStoreApi,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { connectionRefusal, RESOURCE_TYPES, type TipoRecurso } from "../blueprint";
import { currentLocale, translator } from "../i18n";
import { useFlowAriaLabels } from "../ui/flowLabels";
import { useT } from "../ui/i18n";
import { actionConnectImplied, runAction } from "./actions";
import {
  addResource,
  connect,
  connectionsOf,
  type Doc,
  nameOf,
  resourcesOf,
  setResourceField,
  typeOf,
  type XY,
} from "./doc";
import { FIT_ALL, fitDesign } from "./fit";
import {
  deriveEdges,
  deriveNodes,
  designBounds,
  type FlowNode,
  fabricAt,
  fabricRects,
  impliedConnections,
  NODE_H,
  NODE_W,
  type NodeSize,
  type ResourceNodeData,
} from "./flow";
import { useFocusKeeper } from "./focusKeeper";
import { designerMessages } from "./i18n";
import { commitMoves } from "./moves";
import { DetailContext, detailLevel, nodeTypes } from "./nodes";
import { NODE_ICON_CSS } from "./ProductIcon";
import { useAssessment, useDesigner, useDoc, useFindings } from "./store";
import { partlyOutOfView } from "./viewport";
import { decorateEdges, decorateNodes, visualKey } from "./whatif/decorate";
import { useSimulation } from "./whatif/simulationStore";
import { simulationOf } from "./whatif/timeline";

export const PRODUCT_MIME = "application/x-tesserra-product";

const connectionInProgress = (s: ReactFlowState) => s.connection.inProgress;

/**
 * What a resource node's size depends on besides its level of detail: its regions line (one or
 * two lines) and the line of changed fields a plan overlay adds. Name and facts are truncated.
 */
const shapeOf = (level: number, data: ResourceNodeData) =>
  `${level}|${data.regions.join()}|${data.overlay === "alterar" && data.changed.length > 0}`;

/**
 * Nodes handed to React Flow per frame when many arrive at once (see `revealed`), and
 * connections per frame once they are in (see `edgesShown`). Every frame of the reveal costs a
 * pass over all that is already drawn, so fewer, larger batches finish sooner; the ceiling is a
 * task short enough to keep the page answering. Measured importing 1,000 resources on two
 * cores at full speed, the longest task was 145 ms with these sizes and 196 ms with 120 nodes.
 */
const REVEAL_BATCH = 100;
const EDGE_BATCH = 300;
const NO_EDGES: Edge[] = [];

// Props of stable identity: React Flow copies changed props into its store, and every store
// update runs each node's and edge's selectors. A fresh array per render would cost a full
// pass over the diagram on every drag frame.
const MULTI_SELECT_KEYS = ["Meta", "Control", "Shift"];
const SNAP_GRID: [number, number] = [16, 16];
const PRO_OPTIONS = { hideAttribution: true };

/** Why a connection from one resource to another is refused, or undefined when allowed. */
export function refusalBetween(doc: Doc, source: string, target: string): string | undefined {
  const t = translator(designerMessages, currentLocale());
  if (source === target) return t("connect.self");
  const recursos = resourcesOf(doc);
  const s = recursos.find((r) => nameOf(r) === source);
  const to = recursos.find((r) => nameOf(r) === target);
  const st = s && typeOf(s);
  const tt = to && typeOf(to);
  if (!st || !tt) return t("connect.unknown");
  if (connectionsOf(s).includes(target)) return t("connect.exists", { source, target });
  return connectionRefusal(st, tt, currentLocale());
}

/** The reason shown while a disallowed connection is being dragged over its target. */
function ConnectionHint({ doc }: { doc: Doc }) {
  const t = useT(designerMessages);
  const c = useConnection();
  if (!c.inProgress || !c.toNode || !c.fromNode || c.toNode.id === c.fromNode.id) return null;
  const reason = refusalBetween(doc, c.fromNode.id, c.toNode.id);
  if (!reason) return null;
  return (
    <div
      role="status"
      className="pointer-events-none absolute top-3 left-1/2 z-10 -translate-x-1/2 rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white shadow-lg"
    >
      {t("connect.notAllowed", { reason })}
    </div>
  );
}

/** What to do next on an empty canvas. */
function EmptyCanvas() {
  const t = useT(designerMessages);
  return (
    <div className="pointer-events-none absolute inset-0 z-10 grid place-items-center p-6">
      <div className="max-w-sm rounded-lg border border-dashed border-slate-400 bg-white/90 p-5 text-sm text-slate-700 dark:border-slate-500 dark:bg-slate-900/90 dark:text-slate-200">
        <h2 className="font-semibold text-slate-900 dark:text-slate-100">{t("empty.title")}</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{t("empty.drag")}</li>
          <li>{t("empty.import")}</li>
          <li>{t("empty.template")}</li>
        </ul>
      </div>
    </div>
  );
}

/** When the canvas shows implied connections (dashed), one button writes them into the blueprint. */
function ImpliedConnections({ doc }: { doc: Doc }) {
  const t = useT(designerMessages);
  const implied = impliedConnections(doc);
  if (implied.length === 0) return null;
  return (
    <div className="absolute top-3 left-1/2 z-10 flex w-max max-w-[90%] -translate-x-1/2 items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow dark:border-slate-600 dark:bg-slate-900">
      <span className="text-slate-700 max-md:sr-only dark:text-slate-200">
        {t("implied.banner", { count: implied.length })}
      </span>
      <button
        type="button"
        className="shrink-0 rounded bg-indigo-700 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700"
        onClick={() => void runAction(actionConnectImplied)}
      >
        {t(actionConnectImplied.label)}
      </button>
    </div>
  );
}

const NOT_DRAGGING: ReadonlyMap<string, XY> = new Map();

/**
 * React Flow, and where the nodes being dragged are meanwhile. The document gets their
 * positions when the drag ends (the canvas's change handler); until then every frame moves them
 * here, so a drag frame renders this component and not the canvas around it, whose hooks read
 * the document, its findings and assessment, the words and the flow's state.
 */
function DraggableFlow({ nodes, onNodesChange, ...props }: ReactFlowProps<FlowNode, Edge>) {
  const [dragging, setDragging] = useState(NOT_DRAGGING);
  const shown = useMemo(
    () =>
      dragging.size === 0
        ? nodes
        : nodes?.map((n) => {
            const p = dragging.get(n.id);
            return p ? { ...n, position: p, dragging: true } : n;
          }),
    [nodes, dragging],
  );
  const onChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      let moving: [string, XY][] | undefined;
      let ended = false;
      for (const c of changes)
        if (c.type === "position" && c.position) {
          if (c.dragging) {
            moving ??= [];
            moving.push([c.id, c.position]);
          } else ended = true;
        }
      // Functional update: several change batches may arrive before the next render.
      if (moving) {
        const add = moving;
        setDragging((prev) => new Map([...prev, ...add]));
      }
      onNodesChange?.(changes);
      // In the same batch as the document taking the final positions.
      if (ended) setDragging(NOT_DRAGGING);
    },
    [onNodesChange],
  );
  return <ReactFlow<FlowNode, Edge> nodes={shown} onNodesChange={onChange} {...props} />;
}

export function Canvas({ onFilesDropped }: { onFilesDropped: (files: FileList) => void }) {
  const t = useT(designerMessages);
  const flowLabels = useFlowAriaLabels();
  const doc = useDoc();
  const findings = useFindings();
  const assessment = useAssessment();
  const selection = useDesigner((s) => s.selection);
  const overlay = useDesigner((s) => s.planOverlay);
  const apply = useDesigner((s) => s.apply);
  const select = useDesigner((s) => s.select);
  const rf = useReactFlow();
  const flowStore = useStoreApi();
  const wrapper = useRef<HTMLDivElement>(null);
  useFocusKeeper(
    useCallback(() => wrapper.current?.querySelector<HTMLElement>(".react-flow") ?? null, []),
  );
  // Node sizes go on the node objects: React Flow reads them from there (its minimap draws only
  // nodes whose object carries a size). `sizes` holds each node's known size: measured, or
  // guessed from `shapes`, the size last measured for a node of the same shape at the same
  // level of detail. A node handed over with its true size is measured without a change
  // reported back, so a big design arriving in batches costs no extra round trip per batch
  // (React Flow's store, then the canvas, then its store again); a wrong guess is reported like
  // any other size change. `sizesSeen` counts the reports, so the nodes are derived again.
  const sizes = useRef(new Map<string, NodeSize>());
  const shapes = useRef(new Map<string, NodeSize>());
  const [sizesSeen, setSizesSeen] = useState(0);
  const sizeOf = useCallback(
    (id: string, data: ResourceNodeData, isFabric: boolean) => {
      const known = sizes.current.get(id);
      if (known || isFabric) return known;
      const guess = shapes.current.get(shapeOf(detailLevel(flowStore.getState()), data));
      if (guess) sizes.current.set(id, guess);
      return guess;
    },
    [flowStore],
  );
  const edgeSelectionList = useDesigner((s) => s.edgeSelection);
  const edgeSelection = useMemo(() => new Set(edgeSelectionList), [edgeSelectionList]);
  const previous = useRef<Map<string, FlowNode>>(new Map());
  // Fit the view to a design that opens with resources; a blank one keeps a 1:1 view, so the
  // first resource dropped does not pull the view to it and move the next drop's target.
  const [opening] = useState(() => ({
    viewport: useDesigner.getState().viewport,
    fit: resourcesOf(doc).length > 0,
  }));
  const setViewport = useDesigner((s) => s.setViewport);
  // Whether the person moved the view themselves (React Flow passes no event for its own
  // moves, such as fitting the first nodes of a design that opens in stages).
  const userMoved = useRef(false);
  const onMoveEnd = useCallback(
    (e: unknown, v: { x: number; y: number; zoom: number }) => {
      if (e) userMoved.current = true;
      setViewport(v);
    },
    [setViewport],
  );

  const selectionSet = useMemo(() => new Set(selection), [selection]);
  // sizesSeen: the sizes are read from a ref, and a report of new ones derives the nodes again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: sizesSeen, see above
  const derived = useMemo(() => {
    const nodes = deriveNodes(
      doc,
      findings,
      selectionSet,
      overlay,
      previous.current,
      sizeOf,
      assessment.spof,
    );
    previous.current = new Map(nodes.map((n) => [n.id, n]));
    return nodes;
  }, [doc, findings, selectionSet, overlay, sizeOf, assessment.spof, sizesSeen]);
  // A design that arrives all at once (an import, opening a big draft) is handed to React Flow
  // in batches, one per frame, so no single task renders a thousand nodes; edits that add a
  // few nodes show them at once.
  // The first render of an opened design (the editor around the canvas renders in the same
  // task) hands over a quarter batch: that task was the longest of an import.
  const [shown, setShown] = useState(REVEAL_BATCH / 4);
  // A few more than shown (an edit, a paste) appear at once; more arrive a batch per frame.
  const revealed = derived.length - shown <= REVEAL_BATCH / 4 ? derived.length : shown;
  const staged = useRef(false);
  // The connections of a design arriving in stages follow its nodes, a batch per frame. Handed
  // over with the nodes, every connection is placed again on each of the reveal's store updates
  // and drawn a batch after its nodes anyway: at 1,000 resources and 4× throttle that was a
  // tenth of the import's time. Edits show their connections at once.
  const [edgesShown, setEdgesShown] = useState(Number.POSITIVE_INFINITY);
  useEffect(() => {
    if (revealed >= derived.length) {
      if (shown > derived.length) setShown(derived.length);
      // A design that opened in stages is framed once it is all there (React Flow's own
      // fitView saw only the first batch), unless the person has moved the view meanwhile.
      // Framed from the positions (see fit.ts): fitView counts only measured nodes, and the
      // last batch is not measured yet.
      if (staged.current) {
        staged.current = false;
        if (!opening.viewport && opening.fit && !userMoved.current) fitDesign(rf, flowStore, doc);
      }
      return;
    }
    if (!staged.current) {
      staged.current = true;
      userMoved.current = false;
      setEdgesShown(0);
    }
    // The first batch is half size: it also pays for what every later one finds done (the
    // node components' first use).
    const step = revealed === 0 ? REVEAL_BATCH / 2 : REVEAL_BATCH;
    const frame = requestAnimationFrame(() => setShown(revealed + step));
    return () => cancelAnimationFrame(frame);
  }, [revealed, shown, derived.length, doc, opening, rf, flowStore]);
  const nodes = useMemo(
    () => (revealed < derived.length ? derived.slice(0, revealed) : derived),
    [derived, revealed],
  );
  // Edges are derived once per document and the selection only marks them. A design revealed
  // in stages gets its edges after its nodes, EDGE_BATCH per frame (see `edgesShown`).
  const allEdges = useMemo(() => deriveEdges(doc, findings, t), [doc, findings, t]);
  const edgeLimit = revealed < derived.length ? 0 : edgesShown;
  useEffect(() => {
    if (edgeLimit === Number.POSITIVE_INFINITY) return;
    const frame = requestAnimationFrame(() =>
      setEdgesShown(
        edgeLimit + EDGE_BATCH >= allEdges.length
          ? Number.POSITIVE_INFINITY
          : edgeLimit + EDGE_BATCH,
      ),
    );
    return () => cancelAnimationFrame(frame);
  }, [edgeLimit, allEdges.length]);
  const plainEdges = useMemo(() => {
    const some =
      edgeLimit >= allEdges.length
        ? allEdges
        : edgeLimit === 0
          ? NO_EDGES
          : allEdges.slice(0, edgeLimit);
    return edgeSelection.size === 0
      ? some
      : some.map((e) => (edgeSelection.has(e.id) ? { ...e, selected: true } : e));
  }, [allEdges, edgeSelection, edgeLimit]);

  // A failure simulation (what-if) draws over the derived nodes and edges; the document and its
  // history never see it. Decorated again only when what it shows changes, not every tick.
  const simulated = useSimulation((s) => s.active);
  const simT = useSimulation((s) => s.t);
  const simulation =
    simulated && assessment.avaliacao
      ? simulationOf(doc, assessment.avaliacao, simulated).sim
      : undefined;
  const simKey = simulation ? visualKey(simulation, simT) : "";
  const simLive = useRef(simT);
  simLive.current = simT;
  // biome-ignore lint/correctness/useExhaustiveDependencies: simKey says when the picture changes
  const shownNodes = useMemo(
    () => (simulation ? decorateNodes(nodes, simulation, simLive.current) : nodes),
    [nodes, simulation, simKey],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: simKey says when the picture changes
  const edges = useMemo(
    () =>
      simulation ? decorateEdges(plainEdges, nodes, simulation, simLive.current, t) : plainEdges,
    [plainEdges, nodes, simulation, simKey, t],
  );

  // The change handler reads the latest state through refs, so its identity never changes: a
  // new handler each drag frame would make React Flow update its store twice per frame.
  const live = useRef({ derived });
  live.current = { derived };
  const level = useStore(detailLevel);
  // Whether any part of the design lies outside the view: one boolean from the transform, so
  // panning within the view renders nothing.
  const bounds = useMemo(() => designBounds(doc), [doc]);
  const outOfView = useStore(
    useCallback((s: ReactFlowState) => partlyOutOfView(bounds, s), [bounds]),
  );
  // While a connection is drawn, every node's handles show, at any zoom (see index.css).
  const connecting = useStore(connectionInProgress);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const { derived } = live.current;
      let measured = false;
      const finished: Record<string, XY> = {};
      let byId: Map<string, FlowNode> | undefined;
      let level = 0;
      let selectionChanged = false;
      const nextSelection = new Set(useDesigner.getState().selection);
      for (const c of changes) {
        if (c.type === "dimensions" && c.dimensions) {
          if (!measured) {
            measured = true;
            byId ??= new Map(derived.map((n) => [n.id, n]));
            level = detailLevel(flowStore.getState());
          }
          sizes.current.set(c.id, c.dimensions);
          const node = byId?.get(c.id);
          if (node?.type === "resource")
            shapes.current.set(shapeOf(level, node.data), c.dimensions);
        } else if (c.type === "position" && c.position && !c.dragging) {
          // Positions while dragging are the view's own (see DraggableFlow).
          finished[c.id] = c.position;
        } else if (c.type === "select") {
          selectionChanged = true;
          if (c.selected) nextSelection.add(c.id);
          else nextSelection.delete(c.id);
        }
      }
      // Functional updates: several change batches may arrive before the next render.
      if (measured) setSizesSeen((n) => n + 1);
      if (Object.keys(finished).length > 0) {
        // Children report positions relative to their fabric; the document keeps absolute ones.
        const rects = fabricRects(useDesigner.getState().history.present);
        byId ??= new Map(derived.map((n) => [n.id, n]));
        const absolute: Record<string, XY> = {};
        for (const [id, p] of Object.entries(finished)) {
          const parent = byId.get(id)?.parentId;
          const r = parent ? rects.get(parent) : undefined;
          absolute[id] = r ? { x: p.x + r.x, y: p.y + r.y } : p;
        }
        apply((d) => commitMoves(d, absolute));
      }
      if (selectionChanged) select([...nextSelection]);
    },
    [apply, select, flowStore],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<Edge>[]) => {
    const { edgeSelection: current, selectEdges } = useDesigner.getState();
    let next: Set<string> | undefined;
    for (const c of changes)
      if (c.type === "select") {
        next ??= new Set(current);
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
    if (next) selectEdges([...next]);
  }, []);

  const isValidConnection = useCallback(
    (c: Connection | Edge) =>
      !!c.source &&
      !!c.target &&
      !refusalBetween(useDesigner.getState().history.present, c.source, c.target),
    [],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target) apply((d) => connect(d, c.source, c.target));
    },
    [apply],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PRODUCT_MIME) || e.dataTransfer.types.includes("Files")) {
      e.preventDefault();
      e.dataTransfer.dropEffect = e.dataTransfer.types.includes("Files") ? "copy" : "move";
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      e.preventDefault();
      if (e.dataTransfer.files.length > 0) {
        onFilesDropped(e.dataTransfer.files);
        return;
      }
      const tipo = e.dataTransfer.getData(PRODUCT_MIME) as TipoRecurso;
      if (!RESOURCE_TYPES.includes(tipo)) return;
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const at = { x: p.x - NODE_W / 2, y: p.y - NODE_H / 2 };
      let added = "";
      apply((d) => {
        const r = addResource(d, tipo, at);
        added = r.nome;
        // Dropped inside a fabric: a compute or datastore joins its private network.
        const fabric =
          tipo === "compute" || tipo === "datastore" ? fabricAt(fabricRects(d), p) : undefined;
        return fabric
          ? setResourceField(r.doc, resourcesOf(r.doc).length - 1, ["config", "fabric"], fabric)
          : r.doc;
      });
      select([added]);
    },
    [apply, select, rf, onFilesDropped],
  );

  // The canvas chrome does not change while a node is dragged: keep its elements so React
  // skips them on every drag frame.
  const chrome = useMemo(
    () => (
      <>
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
        {/* A map of what is out of view: with the whole design in view it would only cover
            part of it. */}
        {outOfView ? (
          <MiniMap
            pannable
            zoomable
            ariaLabel={t("canvas.minimap")}
            className="!bg-white max-md:!hidden dark:!bg-slate-900"
          />
        ) : null}
        {/* No lock button: Enter on it froze the canvas for keyboard users, with nothing saying so. */}
        <Controls aria-label={t("canvas.zoom")} showInteractive={false} fitViewOptions={FIT_ALL} />
        <ConnectionHint doc={doc} />
        {/* An editing action: not while a simulation pauses editing. */}
        {simulated ? null : <ImpliedConnections doc={doc} />}
        {resourcesOf(doc).length === 0 ? <EmptyCanvas /> : null}
      </>
    ),
    [doc, t, outOfView, simulated],
  );

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for palette items and files; the palette's Enter key is the keyboard path
    <div
      ref={wrapper}
      className={`relative h-full w-full ${level === 1 ? "tesserra-mid" : ""} ${level > 1 ? "tesserra-far" : ""} ${level > 2 ? "tesserra-very-far" : ""} ${connecting ? "tesserra-connecting" : ""}`}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <style>{NODE_ICON_CSS}</style>
      <DetailContext value={level <= 1}>
        <DraggableFlow
          nodes={shownNodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          nodesDraggable={!simulated}
          nodesConnectable={!simulated}
          deleteKeyCode={null}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionKeyCode="Shift"
          snapToGrid
          snapGrid={SNAP_GRID}
          fitView={!opening.viewport && opening.fit}
          defaultViewport={opening.viewport ?? undefined}
          onMoveEnd={onMoveEnd}
          fitViewOptions={FIT_ALL}
          minZoom={0.05}
          onlyRenderVisibleElements={derived.length > 200}
          proOptions={PRO_OPTIONS}
          colorMode="system"
          className="tesserra-flow"
          aria-label={t("canvas.label")}
          ariaLabelConfig={flowLabels}
        >
          {chrome}
        </DraggableFlow>
      </DetailContext>
    </div>
  );
}
