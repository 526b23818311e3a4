import { ReactFlowProvider, useReactFlow, useStoreApi } from "@xyflow/react";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { TEMPLATES } from "../blueprint";
import { buttonClass } from "../ui/Card";
import { useT } from "../ui/i18n";
import { Menu } from "../ui/Menu";
import { actionAutoLayout, actionRedo, actionUndo, isEnabled, runAction } from "./actions";
import { autoPlace } from "./arrange";
import { BlueprintSettings } from "./BlueprintSettings";
import { BottomPanel } from "./BottomPanel";
import { Canvas } from "./Canvas";
import { type Doc, nameOf, positionsOf, resourcesOf } from "./doc";
import { loadDraft, newDraftId, type StoredDraft, saveDraft } from "./drafts";
import { EditorBanners } from "./EditorBanners";
import { ExportMenu } from "./ExportMenu";
import { fitDesign } from "./fit";
import { ResourceInspector, useFocusRequests } from "./Inspector";
import { designerMessages } from "./i18n";
import { blueprintFromText } from "./importBlueprint";
import { Palette } from "./Palette";
import { useDraftPersistence, useStorageProblem } from "./persistence";
import { useEditorShortcuts } from "./shortcuts";
import { useAssessment, useDesigner, useDoc, useFindings } from "./store";
import { SubmitControl } from "./submit/SubmitControl";
import { templateDescription, templateTitle } from "./templateText";
import { type Notice, useImport } from "./useImport";
import { useSimulation } from "./whatif/simulationStore";

const JsonView = lazy(() => import("./JsonView"));
// The simulation's controls load when a simulation starts, not with the editor.
const SimulationPanel = lazy(() =>
  import("./whatif/SimulationPanel").then((m) => ({ default: m.SimulationPanel })),
);

type ViewMode = "canvas" | "split" | "json";

const nameOfDoc = (doc: Doc, untitled: string) =>
  typeof doc.nome === "string" && doc.nome ? doc.nome : untitled;

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
  const { avaliacao } = useAssessment();
  const simulating = useSimulation((s) => s.active !== null);
  // A simulation plays on the canvas: a JSON-only view shows it again.
  useEffect(() => {
    if (simulating) setView((v) => (v === "json" ? "canvas" : v));
  }, [simulating]);
  // The panel above the canvas comes and goes: frame the design again when it goes.
  const wasSimulating = useRef(simulating);
  useEffect(() => {
    if (wasSimulating.current && !simulating) fitNow.current();
    wasSimulating.current = simulating;
  }, [simulating]);
  // Leaving the draft ends any simulation (it belongs to this design).
  useEffect(() => () => useSimulation.getState().end(), []);
  const startSimulation = (opener?: HTMLElement | null) => {
    const first = avaliacao?.cenarios[0];
    if (first) useSimulation.getState().start(first.tipo, first.regiao, opener);
  };
  // A notice handed over by the page that opened this draft (an import that made it).
  const location = useLocation();
  const [notice, setNotice] = useState<Notice>(
    () => (location.state as { notice?: Notice } | null)?.notice ?? null,
  );
  const [sheet, setSheet] = useState<"palette" | "inspector" | null>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const rf = useReactFlow();
  const flowStore = useStoreApi();
  // Frames the whole design (see fit.ts); through a ref, so the effects below run on their own
  // triggers only (React Flow's instance changes identity once its viewport is ready).
  const fitNow = useRef(() => {});
  fitNow.current = () => fitDesign(rf, flowStore, store.getState().history.present);
  // Switching Canvas, Split and JSON changes the canvas's width (or brings it back): show the
  // whole design again. Not on opening, which restores the draft's own viewport.
  const shownView = useRef(view);
  useEffect(() => {
    if (shownView.current === view) return;
    shownView.current = view;
    if (view === "json") return;
    const timer = setTimeout(() => fitNow.current(), 60);
    return () => clearTimeout(timer);
  }, [view]);
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
    const positions = positionsOf(current);
    const missing = resourcesOf(current).some((r) => nameOf(r) && !positions[nameOf(r)]);
    if (!missing) return;
    void autoPlace(current).then((placed) => {
      if (store.getState().history.present === current)
        store.getState().apply(() => placed, "json");
    });
  }, [layoutPending]);

  const { importResult, importFiles } = useImport(canvasRef, setNotice);
  const fitAll = useCallback(() => setTimeout(() => fitNow.current(), 50), []);
  useEditorShortcuts({
    onFit: fitAll,
    onPasteJson: (text) => void importResult(blueprintFromText(text, t("editor.pastedText"))),
  });

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

  const errors = findings.filter((f) => f.severidade === "erro").length;
  const selected = selection.length === 1 ? selection[0] : undefined;

  return (
    <div className="flex h-full min-h-0 flex-col" data-editor>
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
        <ExportMenu doc={doc} canvasRef={canvasRef} onNotice={setNotice} />
        <div className="mx-1 h-6 w-px bg-slate-200 max-md:hidden dark:bg-slate-700" />
        {/* Narrow screens: the same commands in one menu. */}
        <Menu
          className="md:hidden"
          label={t("editor.more")}
          items={[
            { label: t("editor.import"), onSelect: () => fileInput.current?.click() },
            ...(avaliacao
              ? [{ label: t("sim.start"), onSelect: () => startSimulation(null) }]
              : []),
            ...[actionUndo, actionRedo, actionAutoLayout]
              .filter((action) => isEnabled(action, { history, selection, edgeSelection: [] }))
              .map((action) => ({
                label: t(action.label),
                description: action.shortcut,
                onSelect: () =>
                  void runAction(action).then((r) => {
                    if (r?.fit) fitAll();
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
                if (r?.fit) fitAll();
              })
            }
            disabled={!isEnabled(action, { history, selection, edgeSelection: [] })}
            title={action.shortcut ? `${t(action.label)} (${action.shortcut})` : t(action.label)}
            aria-keyshortcuts={action.shortcut}
          >
            {t(action.label)}
          </button>
        ))}
        <button
          type="button"
          className={`${buttonClass()} max-md:hidden`}
          onClick={(e) => startSimulation(e.currentTarget)}
          disabled={!avaliacao || simulating}
          title={avaliacao ? t("sim.startHint") : t("sim.unavailable")}
          data-testid="simulate-failure"
        >
          {t("sim.start")}
        </button>
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
      <EditorBanners
        doc={doc}
        readOnly={readOnly}
        storageProblem={storageProblem}
        notice={notice}
        onCopy={() => void saveCopy()}
        onDismiss={() => setNotice(null)}
      />
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
              <div className="flex min-w-0 flex-1 flex-col">
                {/* Above the canvas, not over it: the whole design stays in view. */}
                {simulating ? (
                  <Suspense fallback={null}>
                    <SimulationPanel onShown={fitAll} />
                  </Suspense>
                ) : null}
                <div
                  ref={canvasRef}
                  className="relative min-h-0 flex-1 bg-slate-50/50 dark:bg-slate-950"
                >
                  <Canvas onFilesDropped={(f) => void importFiles(f)} />
                </div>
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
