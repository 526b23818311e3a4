import { getViewportForBounds, ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { TEMPLATES } from "../blueprint";
import { buttonClass } from "../ui/Card";
import { downloadText, downloadUrl } from "../ui/download";
import { useT } from "../ui/i18n";
import { Menu } from "../ui/Menu";
import {
  actionAutoLayout,
  actionForKey,
  actionRedo,
  actionUndo,
  isCanvasAction,
  isEnabled,
  runAction,
} from "./actions";
import { autoPlace } from "./arrange";
import { BlueprintSettings } from "./BlueprintSettings";
import { BottomPanel } from "./BottomPanel";
import { Canvas } from "./Canvas";
import { type Doc, nameOf, pasteResources, positionsOf, type Resource, resourcesOf } from "./doc";
import { loadDraft, newDraftId, type StoredDraft, saveDraft } from "./drafts";
import { diagramImage } from "./exportImage";
import { blueprintFileName, blueprintFileText } from "./exportJson";
import { NODE_H, NODE_W } from "./flow";
import { ResourceInspector, useFocusRequests } from "./Inspector";
import { designerMessages } from "./i18n";
import { blueprintFromFile, blueprintFromText, type ImportResult } from "./importBlueprint";
import { Palette } from "./Palette";
import { useDraftPersistence, useStorageProblem } from "./persistence";
import { useDesigner, useDoc, useFindings } from "./store";
import { SubmitControl } from "./submit/SubmitControl";
import { templateDescription, templateTitle } from "./templateText";

const JsonView = lazy(() => import("./JsonView"));

/** How the designer frames the whole design after a layout change. */
const FIT_ALL = { padding: 0.2, maxZoom: 1 };

type ViewMode = "canvas" | "split" | "json";
type Notice = { tone: "error" | "info"; text: string } | null;

const nameOfDoc = (doc: Doc, untitled: string) =>
  typeof doc.nome === "string" && doc.nome ? doc.nome : untitled;

function isEditable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el?.closest?.("input, textarea, select, [contenteditable=true], .cm-editor");
}

/** Resources copied with Ctrl/Cmd+C, with their positions, for pasting as new copies. */
let clipboard: {
  text: string;
  items: { resource: Resource; position?: { x: number; y: number } }[];
} | null = null;

function Editor({ draft, readOnly }: { draft: StoredDraft; readOnly?: string }) {
  const t = useT(designerMessages);
  const doc = useDoc();
  const findings = useFindings();
  const store = useDesigner;
  const selection = useDesigner((s) => s.selection);
  const history = useDesigner((s) => s.history);
  const plano = useDesigner((s) => s.plano);
  const linkedProjectId = useDesigner((s) => s.linkedProjectId);
  const layoutPending = useDesigner((s) => s.layoutPending);
  const [view, setView] = useState<ViewMode>("canvas");
  const [notice, setNotice] = useState<Notice>(null);
  const [sheet, setSheet] = useState<"palette" | "inspector" | null>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const rf = useReactFlow();
  // Switching Canvas, Split and JSON changes the canvas's width (or brings it back): show the
  // whole design again. Not on opening, which restores the draft's own viewport.
  const viewChanged = useRef(false);
  useEffect(() => {
    if (!viewChanged.current) {
      viewChanged.current = true;
      return;
    }
    if (view === "json") return;
    const timer = setTimeout(() => rf.fitView(FIT_ALL), 60);
    return () => clearTimeout(timer);
  }, [view, rf]);
  const navigate = useNavigate();
  useFocusRequests();

  const saved = useDraftPersistence(draft, {
    readOnly: !!readOnly,
    onMerged: () =>
      setNotice({
        tone: "info",
        text: t("editor.merged"),
      }),
  });
  const storageProblem = useStorageProblem();

  // Resources without a position (from JSON edits) are placed by auto-layout.
  useEffect(() => {
    if (layoutPending === 0) return;
    const current = store.getState().history.present;
    const missing = resourcesOf(current).some((r) => nameOf(r) && !positionsOf(current)[nameOf(r)]);
    if (!missing) return;
    void autoPlace(current).then((placed) => {
      if (store.getState().history.present === current)
        store.getState().apply(() => placed, "json");
    });
  }, [layoutPending]);

  const importResult = useCallback(
    async (result: ImportResult) => {
      if (!result.ok) {
        setNotice({ tone: "error", text: t("editor.importRefused", { error: result.error }) });
        return;
      }
      const placed = await autoPlace(result.doc);
      // Frame the design before it renders: a big one then opens zoomed out, where nodes are
      // tiles drawn by CSS, instead of first rendering every node's details at the old zoom.
      const box = canvasRef.current;
      const points = Object.values(positionsOf(placed));
      if (box && points.length > 0) {
        const x = Math.min(...points.map((p) => p.x));
        const y = Math.min(...points.map((p) => p.y));
        const bounds = {
          x,
          y,
          width: Math.max(...points.map((p) => p.x)) + NODE_W - x,
          height: Math.max(...points.map((p) => p.y)) + NODE_H - y,
        };
        void rf.setViewport(
          getViewportForBounds(bounds, box.clientWidth, box.clientHeight, 0.05, 1, 0.2),
        );
      }
      store.getState().apply(() => placed);
      store.getState().select([]);
      setNotice({
        tone: "info",
        text: t("editor.imported", {
          name: typeof placed.nome === "string" ? placed.nome : "blueprint",
          count: resourcesOf(placed).length,
        }),
      });
      // Framed above, before it rendered.
    },
    [rf, t],
  );

  const importFiles = useCallback(
    async (files: FileList | null) => {
      const file = files?.[0];
      if (!file) return;
      await importResult(await blueprintFromFile(file));
    },
    [importResult],
  );

  // Shortcuts run the editor's actions; copy and paste use the clipboard events. Text fields keep
  // their own keys. Keys that act on the canvas (arrows, Delete, Escape) only count with the
  // canvas or nothing focused, so menus and lists keep their arrow keys. Listening in the capture
  // phase lets an action take a key before React Flow's own handling of a focused node.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isEditable(e.target)) return;
      const action = actionForKey(e);
      if (!action) return;
      if (isCanvasAction(action)) {
        const el = e.target as HTMLElement | null;
        const onCanvas = !el || el === document.body || !!el.closest?.(".react-flow");
        if (!onCanvas || el?.closest?.("button, [role=menu], [role=dialog]")) return;
      }
      if (!isEnabled(action)) return;
      e.preventDefault();
      e.stopPropagation();
      void runAction(action, e).then((r) => {
        if (r?.fit) setTimeout(() => rf.fitView(FIT_ALL), 50);
      });
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isEditable(e.target)) return;
      const { selection: sel, history: h } = store.getState();
      if (sel.length === 0) return;
      const positions = positionsOf(h.present);
      const items = resourcesOf(h.present)
        .filter((r) => sel.includes(nameOf(r)))
        .map((resource) => ({ resource, position: positions[nameOf(resource)] }));
      const text = JSON.stringify({ recursos: items.map((i) => i.resource) }, null, 2);
      clipboard = { text, items };
      e.clipboardData?.setData("text/plain", text);
      e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target)) return;
      const text = e.clipboardData?.getData("text/plain") ?? "";
      if (clipboard && (text === "" || text === clipboard.text)) {
        e.preventDefault();
        const items = clipboard.items;
        let names: string[] = [];
        store.getState().apply((d) => {
          const r = pasteResources(d, items, { x: 48, y: 48 });
          names = r.names;
          return r.doc;
        });
        store.getState().select(names);
        return;
      }
      if (text.trim().startsWith("{")) {
        e.preventDefault();
        void importResult(blueprintFromText(text, t("editor.pastedText")));
      }
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("copy", onCopy);
    document.addEventListener("paste", onPaste);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("paste", onPaste);
    };
  }, [importResult, rf, t]);

  async function newFromTemplate(id: string) {
    const template = TEMPLATES.find((x) => x.id === id);
    if (!template) return;
    const placed = await autoPlace(structuredClone(template.blueprint) as unknown as Doc);
    const fresh = newDraftId();
    await saveDraft({
      id: fresh,
      doc: placed,
      plano,
      linkedProjectId: null,
      createdAt: new Date().toISOString(),
    });
    void navigate(`/designer/${fresh}`);
  }

  async function saveCopy() {
    const fresh = newDraftId();
    const s = store.getState();
    await saveDraft({
      id: fresh,
      doc: {
        ...s.history.present,
        nome: t("editor.copyName", { name: nameOfDoc(s.history.present, t("editor.untitled")) }),
      },
      plano: s.plano,
      linkedProjectId: null,
      createdAt: new Date().toISOString(),
    });
    void navigate(`/designer/${fresh}`);
  }

  async function exportImage(format: "png" | "svg") {
    const viewport = canvasRef.current?.querySelector<HTMLElement>(".react-flow__viewport");
    if (!viewport) {
      setNotice({
        tone: "error",
        text: t("editor.switchToCanvas"),
      });
      return;
    }
    try {
      const dark = matchMedia("(prefers-color-scheme: dark)").matches;
      const url = await diagramImage(format, rf.getNodes(), viewport, dark);
      downloadUrl(url, blueprintFileName(doc).replace(/\.blueprint\.json$/, `.${format}`));
    } catch (e) {
      setNotice({
        tone: "error",
        text: t("editor.imageFailed", { error: e instanceof Error ? e.message : String(e) }),
      });
    }
  }

  const errors = findings.filter((f) => f.severidade === "erro").length;
  const selected = selection.length === 1 ? selection[0] : undefined;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <div className="mr-2 min-w-0">
          <Link
            to="/designer"
            className="text-xs text-slate-500 dark:text-slate-400 hover:underline"
          >
            {t("editor.drafts")}
          </Link>
          <h1 className="max-w-64 truncate text-sm font-semibold" title={String(doc.nome ?? "")}>
            {nameOfDoc(doc, t("editor.untitled"))}
          </h1>
        </div>
        <span
          className="mr-auto text-xs text-slate-500 dark:text-slate-400"
          role="status"
          aria-label={t("editor.draftStatus")}
        >
          {t("editor.status", {
            status:
              saved === "read-only"
                ? "readOnly"
                : storageProblem
                  ? "storage"
                  : saved === "saving"
                    ? "saving"
                    : saved === "saved"
                      ? "saved"
                      : "failed",
          })}
        </span>
        <Menu
          className="max-md:hidden"
          label={t("editor.newFromTemplate")}
          items={TEMPLATES.map((tpl) => ({
            label: templateTitle(tpl, t),
            description: templateDescription(tpl, t),
            onSelect: () => void newFromTemplate(tpl.id),
          }))}
        />
        <button
          type="button"
          className={`${buttonClass()} max-md:hidden`}
          onClick={() => fileInput.current?.click()}
        >
          {t("editor.import")}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="hidden"
          aria-label={t("editor.importFile")}
          onChange={(e) => {
            void importFiles(e.target.files);
            e.target.value = "";
          }}
        />
        <Menu
          align="right"
          label={t("editor.export")}
          items={[
            {
              label: t("editor.downloadBlueprint"),
              description: blueprintFileName(doc),
              onSelect: () => downloadText(blueprintFileText(doc), blueprintFileName(doc)),
            },
            {
              label: t("editor.copyJson"),
              description: t("editor.copyJsonHelp"),
              onSelect: () =>
                void navigator.clipboard.writeText(blueprintFileText(doc)).then(
                  () => setNotice({ tone: "info", text: t("editor.copied") }),
                  () => setNotice({ tone: "error", text: t("editor.copyRefused") }),
                ),
            },
            {
              label: t("editor.downloadPng"),
              description: t("editor.downloadPngHelp"),
              onSelect: () => void exportImage("png"),
            },
            {
              label: t("editor.downloadSvg"),
              description: t("editor.downloadSvgHelp"),
              onSelect: () => void exportImage("svg"),
            },
          ]}
        />
        <div className="mx-1 h-6 w-px bg-slate-200 max-md:hidden dark:bg-slate-700" />
        {/* Narrow screens: the same commands in one menu. */}
        <Menu
          className="md:hidden"
          label={t("editor.more")}
          items={[
            { label: t("editor.import"), onSelect: () => fileInput.current?.click() },
            ...[actionUndo, actionRedo, actionAutoLayout]
              .filter((action) => isEnabled(action, { history, selection, edgeSelection: [] }))
              .map((action) => ({
                label: t(action.label),
                description: action.shortcut,
                onSelect: () =>
                  void runAction(action).then((r) => {
                    if (r?.fit) setTimeout(() => rf.fitView(FIT_ALL), 50);
                  }),
              })),
          ]}
        />
        {[actionUndo, actionRedo, actionAutoLayout].map((action) => (
          <button
            key={action.name}
            type="button"
            className={`${buttonClass()} max-md:hidden`}
            onClick={() =>
              void runAction(action).then((r) => {
                if (r?.fit) setTimeout(() => rf.fitView(FIT_ALL), 50);
              })
            }
            disabled={!isEnabled(action, { history, selection, edgeSelection: [] })}
            title={action.shortcut ? `${t(action.label)} (${action.shortcut})` : t(action.label)}
            aria-keyshortcuts={action.shortcut}
          >
            {t(action.label)}
          </button>
        ))}
        <fieldset className="inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-700">
          <legend className="sr-only">{t("editor.view")}</legend>
          {(["canvas", "split", "json"] as const).map((m) => (
            <label
              key={m}
              className={`cursor-pointer rounded px-2 py-1 text-xs font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 ${view === m ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : "text-slate-600 dark:text-slate-300"}`}
            >
              <input
                type="radio"
                name="view"
                className="sr-only"
                checked={view === m}
                onChange={() => setView(m)}
              />
              {t("editor.viewMode", { mode: m })}
            </label>
          ))}
        </fieldset>
        <SubmitControl
          blueprint={doc}
          localErrors={errors}
          linkedProjectId={linkedProjectId}
          onLinkedProject={(id) => store.getState().setLinkedProject(id)}
          onServerFindings={(f) => store.getState().setServerFindings(f)}
          onPlan={(p) => store.getState().setPlanOverlay(p)}
        />
      </header>
      {readOnly ? (
        <div
          role="alert"
          className="flex flex-wrap items-center justify-between gap-3 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-100"
        >
          <span>
            <strong>{t("editor.readOnlyTitle")}</strong> {readOnly} {t("editor.readOnlyBody")}
          </span>
          <button type="button" className={buttonClass()} onClick={() => void saveCopy()}>
            {t("editor.makeCopy")}
          </button>
        </div>
      ) : null}
      {storageProblem ? (
        <div
          role="alert"
          className="flex flex-wrap items-center justify-between gap-3 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-100"
        >
          <span>
            <strong>{t("editor.storageTitle")}</strong> {storageProblem} {t("editor.storageBody")}
          </span>
          <button
            type="button"
            className={buttonClass()}
            onClick={() => downloadText(blueprintFileText(doc), blueprintFileName(doc))}
          >
            {t("editor.exportBlueprint")}
          </button>
        </div>
      ) : null}
      {notice ? (
        <div
          role={notice.tone === "error" ? "alert" : "status"}
          className={`flex items-center justify-between gap-3 px-4 py-2 text-sm ${notice.tone === "error" ? "bg-red-50 text-red-800 dark:bg-red-500/10 dark:text-red-200" : "bg-indigo-50 text-indigo-900 dark:bg-indigo-500/10 dark:text-indigo-200"}`}
        >
          <span>{notice.text}</span>
          <button type="button" className="text-xs underline" onClick={() => setNotice(null)}>
            {t("editor.dismiss")}
          </button>
        </div>
      ) : null}
      {/* Narrow screens: the canvas takes the width; products and inspector open as sheets. */}
      <div className="flex items-center gap-2 border-b border-slate-200 bg-white px-3 py-1.5 md:hidden dark:border-slate-800 dark:bg-slate-900">
        {(
          [
            ["palette", t("editor.products")],
            [
              "inspector",
              selected ? t("editor.inspectorOf", { name: selected }) : t("editor.inspector"),
            ],
          ] as const
        ).map(([which, label]) => (
          <button
            key={which}
            type="button"
            className={buttonClass()}
            aria-expanded={sheet === which}
            aria-controls={`sheet-${which}`}
            onClick={() => setSheet((s) => (s === which ? null : which))}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="relative flex min-h-0 flex-1">
        <aside
          id="sheet-palette"
          aria-label={t("editor.palette")}
          className={`w-56 shrink-0 border-r border-slate-200 bg-slate-50 max-md:absolute max-md:inset-y-0 max-md:left-0 max-md:z-30 max-md:w-72 max-md:max-w-[85vw] max-md:bg-white max-md:shadow-2xl dark:border-slate-800 dark:bg-slate-900/60 max-md:dark:bg-slate-900 ${sheet === "palette" ? "" : "max-md:hidden"}`}
        >
          <Palette canvasRef={canvasRef} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="flex min-h-0 flex-1">
            {view !== "json" ? (
              <div
                ref={canvasRef}
                className="relative min-w-0 flex-1 bg-slate-50/50 dark:bg-slate-950"
              >
                <Canvas onFilesDropped={(f) => void importFiles(f)} />
              </div>
            ) : null}
            {view !== "canvas" ? (
              <div
                className={`min-w-0 border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950 ${view === "json" ? "flex-1" : "w-[44%]"}`}
              >
                <Suspense
                  fallback={
                    <p className="p-4 text-sm text-slate-500 dark:text-slate-400">
                      {t("editor.loadingJson")}
                    </p>
                  }
                >
                  <JsonView />
                </Suspense>
              </div>
            ) : null}
          </div>
          <div className="h-40 shrink-0 border-t md:h-60 border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <BottomPanel />
          </div>
        </div>
        <aside
          id="sheet-inspector"
          aria-label={t("editor.inspector")}
          className={`w-72 shrink-0 overflow-y-auto border-l border-slate-200 bg-white max-md:absolute max-md:inset-y-0 max-md:right-0 max-md:z-30 max-md:max-w-[85vw] max-md:shadow-2xl dark:border-slate-800 dark:bg-slate-900 ${sheet === "inspector" ? "" : "max-md:hidden"}`}
        >
          {selected ? (
            <ResourceInspector key={selected} name={selected} />
          ) : selection.length > 1 ? (
            <p className="p-4 text-sm text-slate-600 dark:text-slate-300">
              {t("editor.multiSelected", { count: selection.length })}
            </p>
          ) : (
            <BlueprintSettings />
          )}
        </aside>
      </div>
    </div>
  );
}

export function DesignerEditor({ draftId }: { draftId: string }) {
  const t = useT(designerMessages);
  const [state, setState] = useState<{
    draft?: StoredDraft;
    readOnly?: string;
    refused?: string;
    missing?: boolean;
  }>({});
  const open = useDesigner((s) => s.open);
  useEffect(() => {
    let live = true;
    void loadDraft(draftId).then((read) => {
      if (!live) return;
      if (!read) setState({ missing: true });
      else if (!read.ok) setState({ refused: read.reason });
      else {
        const { draft } = read;
        open({
          id: draft.id,
          doc: draft.doc,
          plano: draft.plano,
          linkedProjectId: draft.linkedProjectId,
          viewport: draft.viewport,
        });
        setState({ draft, readOnly: read.readOnly });
      }
    });
    return () => {
      live = false;
    };
  }, [draftId, open]);
  if (state.missing || state.refused)
    return (
      <div className="mx-auto max-w-lg p-12 text-center">
        <h1 className="text-xl font-semibold">
          {state.refused ? t("editor.cannotOpen") : t("editor.missing")}
        </h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {state.refused ?? t("editor.missingBody")}
        </p>
        <Link to="/designer" className={`${buttonClass("primary")} mt-6`}>
          {t("editor.seeDrafts")}
        </Link>
      </div>
    );
  if (!state.draft)
    return (
      <p role="status" className="p-8 text-sm text-slate-500 dark:text-slate-400">
        {t("editor.opening")}
      </p>
    );
  return (
    <ReactFlowProvider>
      <Editor key={state.draft.id} draft={state.draft} readOnly={state.readOnly} />
    </ReactFlowProvider>
  );
}
