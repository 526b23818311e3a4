import { useReactFlow } from "@xyflow/react";
import { type RefObject, useState } from "react";
import { useT } from "../ui/i18n";
import { PRODUCT_MIME } from "./Canvas";
import { addResource } from "./doc";
import { freeSpotNear } from "./flow";
import { type DesignerMessageKey, designerMessages } from "./i18n";
import { ProductIcon } from "./ProductIcon";
import { PRODUCTS } from "./products";
import { useDesigner } from "./store";

const GROUPS: { role: string; title: DesignerMessageKey }[] = [
  { role: "edge", title: "palette.edge" },
  { role: "compute", title: "palette.compute" },
  { role: "data", title: "palette.data" },
  { role: "platform", title: "palette.platform" },
] as const;

/**
 * Drag a product onto the canvas, or activate it (Enter, Space, click) to add it in the
 * centre of the view.
 */
export function Palette({ canvasRef }: { canvasRef: RefObject<HTMLDivElement | null> }) {
  const t = useT(designerMessages);
  const apply = useDesigner((s) => s.apply);
  const select = useDesigner((s) => s.select);
  const rf = useReactFlow();
  const [announcement, setAnnouncement] = useState("");

  function addAtCentre(tipo: (typeof PRODUCTS)[number]["tipo"]) {
    const box = canvasRef.current?.getBoundingClientRect();
    const centre = box
      ? rf.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
      : { x: 0, y: 0 };
    let added = "";
    apply((d) => {
      const r = addResource(d, tipo, freeSpotNear(d, centre));
      added = r.nome;
      return r.doc;
    });
    select([added]);
    setAnnouncement(t("palette.added", { name: added }));
    // Focus the new node once React Flow has drawn it, so the keyboard carries on from there.
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        canvasRef.current
          ?.querySelector<HTMLElement>(`.react-flow__node[data-id="${added}"]`)
          ?.focus(),
      ),
    );
  }

  return (
    <nav aria-label={t("editor.products")} className="flex h-full flex-col overflow-y-auto p-3">
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <h2 className="px-1 text-xs font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase">
        {t("editor.products")}
      </h2>
      <p className="mt-1 px-1 text-xs text-slate-500 dark:text-slate-400">{t("palette.hint")}</p>
      {GROUPS.map((g) => (
        <div key={g.role} className="mt-4">
          <h3 className="px-1 text-[11px] font-medium text-slate-500 dark:text-slate-400">
            {t(g.title)}
          </h3>
          <ul className="mt-1 space-y-1">
            {PRODUCTS.filter((p) => p.role === g.role).map((p) => (
              <li key={p.tipo}>
                <button
                  type="button"
                  draggable
                  aria-describedby={`palette-desc-${p.tipo}`}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(PRODUCT_MIME, p.tipo);
                    e.dataTransfer.effectAllowed = "move";
                  }}
                  onClick={() => addAtCentre(p.tipo)}
                  className="group flex w-full cursor-grab items-start gap-2.5 rounded-md border border-transparent p-2 text-left hover:border-slate-200 hover:bg-white focus-visible:border-indigo-400 focus-visible:bg-white focus-visible:outline-none active:cursor-grabbing dark:hover:border-slate-700 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
                >
                  <span
                    className={`grid size-8 shrink-0 place-items-center rounded-md ${p.accent}`}
                  >
                    <ProductIcon tipo={p.tipo} />
                  </span>
                  <span className="min-w-0">
                    <span className="block text-sm font-medium text-slate-800 dark:text-slate-100">
                      {p.label}
                    </span>
                    {/* The button's name is its visible label (WCAG 2.5.3); the description
                        is its description, read once through aria-describedby. */}
                    <span
                      id={`palette-desc-${p.tipo}`}
                      aria-hidden="true"
                      className="block text-xs leading-snug text-slate-500 dark:text-slate-400"
                    >
                      {t(p.description)}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
