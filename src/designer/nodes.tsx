import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import type { TipoRecurso } from "../blueprint";
import { nameOf, typeOf } from "./doc";
import type { FlowNode } from "./flow";
import { ProductIcon } from "./ProductIcon";
import { keyFacts, PRODUCT_BY_TYPE } from "./products";

function Counts({ errors, warnings }: { errors: number; warnings: number }) {
  if (errors === 0 && warnings === 0)
    return (
      <span
        className="text-[11px] font-medium text-emerald-600 dark:text-emerald-400"
        title="No problems"
      >
        ✓
      </span>
    );
  return (
    <span className="flex items-center gap-1">
      {errors > 0 ? (
        <span
          className="rounded-full bg-red-600 px-1.5 text-[11px] font-semibold text-white"
          title={`${errors} error${errors === 1 ? "" : "s"}`}
        >
          {errors}
        </span>
      ) : null}
      {warnings > 0 ? (
        <span
          className="rounded-full bg-amber-400 px-1.5 text-[11px] font-semibold text-amber-950"
          title={`${warnings} warning${warnings === 1 ? "" : "s"}`}
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

function nodeLabel(data: FlowNode["data"]): string {
  const tipo = typeOf(data.resource);
  const product = tipo ? PRODUCT_BY_TYPE[tipo].label : "Unknown product";
  const problems =
    data.errors || data.warnings
      ? `, ${data.errors} errors, ${data.warnings} warnings`
      : ", no problems";
  const spof = data.spof ? ", single point of failure in its region" : "";
  return `${product} ${nameOf(data.resource)}${problems}${spof}`;
}

/**
 * Below this zoom a node's details are too small to read: the canvas gets the class
 * `tesserra-far` and nodes show a coloured tile with their name instead (CSS only, so crossing
 * the threshold re-renders nothing). Large diagrams stay smooth zoomed out, since the browser
 * lays out and paints a tenth of the elements, and nothing readable is lost.
 */
export const DETAIL_ZOOM = 0.45;

export const ResourceNode = memo(function ResourceNode({ data, selected }: NodeProps<FlowNode>) {
  const tipo = typeOf(data.resource) as TipoRecurso | undefined;
  const product = tipo ? PRODUCT_BY_TYPE[tipo] : undefined;
  const facts = keyFacts(data.resource);
  return (
    <article
      aria-label={nodeLabel(data)}
      data-testid={`node-${nameOf(data.resource)}`}
      data-overlay={data.overlay ?? undefined}
      style={{ width: 232 }}
      className={`rounded-lg border border-slate-200 bg-white text-left shadow-sm transition-shadow hover:shadow-md dark:border-slate-700 dark:bg-slate-900 ${ringClass(data, !!selected)}`}
    >
      <Handle
        type="target"
        position={Position.Left}
        className="!size-2.5 !border-2 !border-white !bg-slate-400 dark:!border-slate-900"
      />
      <div
        className={`tesserra-node-tile h-[110px] items-center gap-4 rounded-lg px-5 ${product?.accent ?? "bg-slate-100"} ${data.errors > 0 ? "outline-4 outline-red-500" : ""}`}
      >
        {tipo ? <ProductIcon tipo={tipo} width={40} height={40} /> : null}
        <span className="truncate font-mono text-3xl font-semibold">{nameOf(data.resource)}</span>
      </div>
      <div className="tesserra-node-detail">
        <div className="flex items-start gap-2.5 px-3 pt-2.5">
          <span
            className={`mt-0.5 grid size-8 shrink-0 place-items-center rounded-md ${product?.accent ?? "bg-slate-100"}`}
          >
            {tipo ? <ProductIcon tipo={tipo} /> : "?"}
          </span>
          <div className="min-w-0 flex-1">
            <div className="flex items-center justify-between gap-2">
              <span className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
                {product?.label ?? String(data.resource.tipo ?? "?")}
              </span>
              <span className="flex items-center gap-1">
                {data.spof ? (
                  <span
                    className="rounded border border-amber-600 px-1 text-[10px] font-semibold text-amber-800 dark:border-amber-400 dark:text-amber-200"
                    title="Single point of failure: it lives in one zone of its region, so losing that zone takes the region out. See Resilience."
                  >
                    SPOF
                  </span>
                ) : null}
                <Counts errors={data.errors} warnings={data.warnings} />
              </span>
            </div>
            <div className="truncate font-mono text-sm font-semibold text-slate-900 dark:text-slate-100">
              {nameOf(data.resource) || "(no name)"}
            </div>
          </div>
        </div>
        <div className="px-3 pt-1 pb-2">
          <p className="truncate text-xs text-slate-600 dark:text-slate-300">{facts.join(" · ")}</p>
          <div className="mt-1.5 flex flex-wrap gap-1">
            {data.regions.map((r) => (
              <span
                key={r}
                className="rounded bg-slate-100 px-1 font-mono text-[10px] text-slate-600 dark:bg-slate-800 dark:text-slate-300"
              >
                {r}
              </span>
            ))}
          </div>
          {data.overlay === "alterar" && data.changed.length > 0 ? (
            <p className="mt-1 truncate font-mono text-[10px] text-amber-700 dark:text-amber-300">
              {data.changed.join(", ")}
            </p>
          ) : null}
        </div>
      </div>
      <Handle
        type="source"
        position={Position.Right}
        className="!size-2.5 !border-2 !border-white !bg-indigo-500 dark:!border-slate-900"
      />
    </article>
  );
});

export const FabricNode = memo(function FabricNode({ data, selected }: NodeProps<FlowNode>) {
  const facts = keyFacts(data.resource);
  return (
    <article
      aria-label={nodeLabel(data)}
      data-testid={`node-${nameOf(data.resource)}`}
      data-overlay={data.overlay ?? undefined}
      className={`h-full w-full rounded-xl border-2 border-dashed border-slate-300 bg-slate-50/60 dark:border-slate-600 dark:bg-slate-800/30 ${ringClass(data, !!selected)}`}
    >
      <div className="flex items-center gap-2 px-3 py-2">
        <span className="grid size-6 place-items-center rounded bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200">
          <ProductIcon tipo="fabric" width={14} height={14} />
        </span>
        <span className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
          Fabric
        </span>
        <span className="font-mono text-sm font-semibold text-slate-800 dark:text-slate-100">
          {nameOf(data.resource)}
        </span>
        <span className="text-xs text-slate-500">{facts.join(" · ")}</span>
        <span className="ml-auto">
          <Counts errors={data.errors} warnings={data.warnings} />
        </span>
      </div>
      <p className="px-3 text-[11px] text-slate-400">
        Drop a compute or datastore here to put it on this private network.
      </p>
    </article>
  );
});

export const nodeTypes = { resource: ResourceNode, fabric: FabricNode };
