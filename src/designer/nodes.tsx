import { Handle, type NodeProps, Position, type ReactFlowState } from "@xyflow/react";
import { type CSSProperties, createContext, memo, useContext } from "react";
import type { TipoRecurso } from "../blueprint";
import { currentLocale, translator } from "../i18n";
import { nameOf, typeOf } from "./doc";
import type { FlowNode } from "./flow";
import { designerMessages } from "./i18n";
import { ProductIcon } from "./ProductIcon";
import { keyFacts, PRODUCT_BY_TYPE } from "./products";

/**
 * The nodes' words. Read per render, not through a subscription per node: the language is only
 * switched in Settings, and the canvas mounts afresh when the designer opens again.
 */
const nodeT = () => translator(designerMessages, currentLocale());

function Counts({ errors, warnings }: { errors: number; warnings: number }) {
  const t = nodeT();
  if (errors === 0 && warnings === 0)
    return (
      <span
        className="tesserra-node-badge text-[11px] font-medium text-emerald-600 dark:text-emerald-400"
        title={t("node.noProblems")}
      >
        ✓
      </span>
    );
  return (
    <span className="flex items-center gap-1">
      {errors > 0 ? (
        <span
          className="tesserra-node-badge rounded-full bg-red-600 px-1.5 text-[11px] font-semibold text-white"
          title={t("node.errors", { count: errors })}
        >
          {errors}
        </span>
      ) : null}
      {warnings > 0 ? (
        <span
          className="tesserra-node-badge rounded-full bg-amber-400 px-1.5 text-[11px] font-semibold text-amber-950"
          title={t("node.warnings", { count: warnings })}
        >
          {warnings}
        </span>
      ) : null}
    </span>
  );
}

function ringClass(data: FlowNode["data"], selected: boolean): string {
  if (data.overlay === "criar") return "ring-2 ring-emerald-500";
  if (data.overlay === "alterar") return "ring-2 ring-amber-500";
  if (selected) return "ring-2 ring-indigo-500";
  if (data.errors > 0) return "ring-1 ring-red-400 dark:ring-red-500/70";
  return "";
}

/**
 * A node's accessible name, worded by the catalog. A big design names hundreds of nodes at
 * once and formatting the message is the dear part, so the wording is formatted once per
 * product, counts and SPOF flag, with a mark where the name goes.
 */
const NAME_MARK = "\u0000";
const labels = new Map<string, string>();
function nodeLabel(data: FlowNode["data"]): string {
  const t = nodeT();
  const tipo = typeOf(data.resource);
  const product = tipo ? PRODUCT_BY_TYPE[tipo].label : t("node.unknownProduct");
  const key = `${currentLocale()}|${product}|${data.errors}|${data.warnings}|${data.spof}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = t("node.label", {
      product,
      name: NAME_MARK,
      errors: data.errors,
      warnings: data.warnings,
      spof: data.spof ? "yes" : "no",
    });
    labels.set(key, label);
  }
  const name = nameOf(data.resource);
  return label.replace(NAME_MARK, () => name);
}

/**
 * Levels of detail, so that no text on a node is drawn smaller than 11 px on screen:
 * - from DETAIL_ZOOM, every detail (the smallest text is 11 px);
 * - from COMPACT_ZOOM (class `tesserra-mid`), fewer details in larger type: the name, one line
 *   of facts and the badges at 20–22 px, the product's icon for its label (index.css);
 * - from TILE_ZOOM (`tesserra-far`), a coloured tile with the icon and the name at 30 px, drawn
 *   by CSS only, so crossing a threshold re-renders nothing and a large diagram stays smooth;
 * - below it (`tesserra-very-far`), a plain block: no text at all.
 */
export const DETAIL_ZOOM = 1;
export const COMPACT_ZOOM = 0.55;
export const TILE_ZOOM = 0.37;

/** 0: details, 1: compact details, 2: tiles with names, 3: plain blocks. */
export const detailLevel = (s: ReactFlowState) => {
  const zoom = s.transform[2];
  return zoom < TILE_ZOOM ? 3 : zoom < COMPACT_ZOOM ? 2 : zoom < DETAIL_ZOOM ? 1 : 0;
};

/**
 * Whether nodes draw their details, given by the canvas (which reads the zoom once): a store
 * subscription per node would run a selector per node on every change of the flow's store.
 */
export const DetailContext = createContext(true);

const NODE_STYLE: CSSProperties = { width: 232 };

/**
 * A node draws nothing but its data and whether it is selected: while it is dragged, React Flow
 * hands it a new position every frame, and this keeps that from rendering its content again.
 */
const sameLook = (a: NodeProps<FlowNode>, b: NodeProps<FlowNode>) =>
  a.data === b.data && a.selected === b.selected;

/**
 * A resource on the canvas. Kept to a dozen elements: the icon is a background image on one
 * pseudo-element, the regions one line of text, and the zoomed-out tile is drawn by CSS from the
 * article's own pseudo-elements (`data-name`; `data-tipo` picks the icon and colour in
 * NODE_ICON_CSS), so a thousand nodes stay cheap to render, lay out and drag.
 */
export const ResourceNode = memo(function ResourceNode({ data, selected }: NodeProps<FlowNode>) {
  const tipo = typeOf(data.resource) as TipoRecurso | undefined;
  const product = tipo ? PRODUCT_BY_TYPE[tipo] : undefined;
  const t = nodeT();
  const facts = keyFacts(data.resource, t);
  const nome = nameOf(data.resource);
  // Zoomed out, the details are not drawn at all (the tile is CSS): a big design opens and
  // drags with a fraction of the elements.
  const detail = useContext(DetailContext);
  return (
    <article
      aria-label={data.sim ? `${nodeLabel(data)}. ${simWords(data.sim)}` : nodeLabel(data)}
      data-testid={`node-${nome}`}
      data-overlay={data.overlay ?? undefined}
      data-name={nome}
      data-tipo={tipo}
      data-errors={data.errors > 0 ? data.errors : undefined}
      data-sim={data.sim ? (data.sim.down ? "down" : "affected") : undefined}
      style={NODE_STYLE}
      className={`tesserra-node rounded-lg border border-slate-200 bg-white text-left dark:border-slate-700 dark:bg-slate-900 ${ringClass(data, !!selected)} ${data.sim?.down ? "opacity-50 grayscale" : ""}`}
    >
      <Handle
        type="target"
        position={Position.Left}
        className="!size-2.5 !border-2 !border-white !bg-slate-400 dark:!border-slate-900"
      />
      {detail ? (
        <div className="tesserra-node-detail px-3 pt-2.5 pb-2">
          <div className="flex items-start gap-2.5">
            <span
              className={`tesserra-node-icon mt-0.5 size-8 shrink-0 rounded-md ${product?.accent ?? "bg-slate-100"}`}
            />
            <div className="min-w-0 flex-1">
              <div className="flex items-center gap-1">
                <span className="tesserra-node-product mr-auto text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
                  {product?.label ?? String(data.resource.tipo ?? "?")}
                </span>
                {data.spof ? (
                  <span
                    className="tesserra-node-badge rounded border border-amber-600 px-1 text-[11px] font-semibold text-amber-800 dark:border-amber-400 dark:text-amber-200"
                    title={t("node.spofTitle")}
                  >
                    SPOF
                  </span>
                ) : null}
                <Counts errors={data.errors} warnings={data.warnings} />
              </div>
              <div className="tesserra-node-name truncate font-mono text-sm font-semibold text-slate-900 dark:text-slate-100">
                {nome || t("node.noName")}
              </div>
            </div>
          </div>
          <p className="tesserra-node-facts mt-1 truncate text-xs text-slate-600 dark:text-slate-300">
            {facts.join(" · ")}
          </p>
          <p className="tesserra-node-regions mt-1 line-clamp-2 font-mono text-[11px] text-slate-600 dark:text-slate-300">
            {tipo === "datastore" && data.regions.length > 0 ? (
              // A datastore's primary is the blueprint's first region; the others hold replicas.
              <>
                <span className="font-semibold text-slate-800 dark:text-slate-100">
                  {t("node.primary", { region: data.regions[0] })}
                </span>
                {data.regions.length > 1
                  ? ` · ${t("node.replicas", { regions: data.regions.slice(1).join(" · ") })}`
                  : null}
              </>
            ) : data.sim?.lost ? (
              data.regions.map((r, i) => (
                <span key={r}>
                  {i > 0 ? " · " : null}
                  {r === data.sim?.lost ? <s className="text-red-700 dark:text-red-400">{r}</s> : r}
                </span>
              ))
            ) : (
              data.regions.join(" · ")
            )}
          </p>
          {data.sim ? <SimLine sim={data.sim} name={nome} /> : null}
          {data.overlay === "alterar" && data.changed.length > 0 ? (
            <p className="tesserra-node-changed mt-1 truncate font-mono text-[11px] text-amber-700 dark:text-amber-300">
              {data.changed.join(", ")}
            </p>
          ) : null}
        </div>
      ) : null}
      <Handle
        type="source"
        position={Position.Right}
        className="!size-2.5 !border-2 !border-white !bg-indigo-500 dark:!border-slate-900"
      />
    </article>
  );
}, sameLook);

/** A simulation's effect on a node, in words: its lost copy, the primary moved, traffic moved. */
function simWords(sim: NonNullable<FlowNode["data"]["sim"]>): string {
  const t = nodeT();
  return [
    sim.down ? t("sim.nodeDown") : null,
    sim.lost ? t("sim.lost", { where: sim.lost }) : null,
    sim.promotedTo ? t("sim.promoted", { region: sim.promotedTo }) : null,
    sim.traffic ? t("sim.trafficTo", { city: sim.traffic.city, ms: sim.traffic.ms }) : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The line a simulation adds to a node: red for what is lost, indigo for what moved. */
function SimLine({ sim, name }: { sim: NonNullable<FlowNode["data"]["sim"]>; name: string }) {
  const t = nodeT();
  return (
    <p
      className="mt-1 flex flex-wrap gap-x-2 text-[11px] font-semibold"
      data-testid={`node-sim-${name}`}
      aria-hidden="true"
    >
      {sim.lost ? (
        <span className="text-red-700 dark:text-red-400">
          ✕ {t("sim.lost", { where: sim.lost })}
        </span>
      ) : null}
      {sim.promotedTo ? (
        <span className="text-indigo-700 dark:text-indigo-300">
          ↻ {t("sim.promoted", { region: sim.promotedTo })}
        </span>
      ) : null}
      {sim.traffic ? (
        <span className="text-indigo-700 dark:text-indigo-300">
          ⇢ {t("sim.trafficTo", { city: sim.traffic.city, ms: sim.traffic.ms })}
        </span>
      ) : null}
    </p>
  );
}

export const FabricNode = memo(function FabricNode({ data, selected }: NodeProps<FlowNode>) {
  const t = nodeT();
  const facts = keyFacts(data.resource, t);
  return (
    <article
      aria-label={nodeLabel(data)}
      data-testid={`node-${nameOf(data.resource)}`}
      data-overlay={data.overlay ?? undefined}
      className={`tesserra-fabric h-full w-full rounded-xl border-2 border-dashed border-slate-300 bg-slate-50/60 dark:border-slate-600 dark:bg-slate-800/30 ${ringClass(data, !!selected)}`}
    >
      {/* Its text steps aside as the zoom shrinks it, as a node's does (index.css). */}
      <div className="flex items-center gap-2 px-3 py-2">
        <span className="tesserra-fabric-small grid size-6 place-items-center rounded bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200">
          <ProductIcon tipo="fabric" width={14} height={14} />
        </span>
        <span className="tesserra-fabric-small text-[11px] font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase">
          Fabric
        </span>
        <span className="tesserra-fabric-name font-mono text-sm font-semibold text-slate-800 dark:text-slate-100">
          {nameOf(data.resource)}
        </span>
        <span className="tesserra-fabric-small text-xs text-slate-500 dark:text-slate-400">
          {facts.join(" · ")}
        </span>
        <span className="tesserra-fabric-small ml-auto">
          <Counts errors={data.errors} warnings={data.warnings} />
        </span>
      </div>
      <p className="tesserra-fabric-small px-3 text-[11px] text-slate-500 dark:text-slate-400">
        {t("node.fabricHint")}
      </p>
    </article>
  );
}, sameLook);

export const nodeTypes = { resource: ResourceNode, fabric: FabricNode };
