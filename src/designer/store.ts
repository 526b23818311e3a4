/**
 * The editor's store. The document (the blueprint as written) is the single source of truth;
 * findings, nodes, edges, the JSON text and the inspector are all derived from it. Every change
 * goes through `apply`, which records one undo step.
 */
import { create } from "zustand";
import {
  type AvailabilityExplanation,
  type Avaliacao,
  assess,
  blueprintMessages,
  type ChangePlan,
  explainAvailability,
  type Finding,
  normalizeBlueprint,
  type Plano,
  singlePointsOfFailure,
  type ValidationResult,
  validateBlueprint,
} from "../blueprint";
import { currentLocale, type Locale } from "../i18n";
import { useT } from "../ui/i18n";
import { type Doc, EMPTY_DOC, nameOf, resourcesOf } from "./doc";
import type { Viewport } from "./drafts";
import { commit, createHistory, type History } from "./history";

export type { Viewport };

export interface DesignerState {
  draftId: string | null;
  history: History<Doc>;
  plano: Plano;
  selection: string[];
  /** Selected connections, by edge id (`source->target`). */
  edgeSelection: string[];
  serverFindings: Finding[];
  planOverlay: ChangePlan | null;
  /** The overlay highlights changes staged in the editor (an optimiser option), not a plan. */
  overlayStaged: boolean;
  linkedProjectId: string | null;
  /** A field the Problems panel asked to focus, picked up by the inspector once rendered. */
  focusRequest: { pointer: string; seq: number } | null;
  /** Set by import/JSON edits: resources without a position wait for auto-layout. */
  layoutPending: number;
  /** Where the canvas looks, kept with the draft so a reload shows the same picture. */
  viewport: Viewport | null;

  open(draft: {
    id: string;
    doc: Doc;
    plano: Plano;
    linkedProjectId: string | null;
    viewport?: Viewport | null;
  }): void;
  setViewport(v: Viewport): void;
  /** Takes in a document merged with another tab's save, as one undoable step. */
  adopt(doc: Doc, plano: Plano, linkedProjectId: string | null): void;
  apply(change: (doc: Doc) => Doc, coalesceKey?: string): void;
  /** Moves through the undo history (undo, redo). */
  setHistory(history: History<Doc>): void;
  select(names: string[]): void;
  selectEdges(ids: string[]): void;
  setPlano(plano: Plano): void;
  setServerFindings(findings: Finding[]): void;
  /** `staged`: the highlight of changes just applied here; the next edit or undo clears it. */
  setPlanOverlay(plan: ChangePlan | null, staged?: boolean): void;
  setLinkedProject(id: string | null): void;
  requestFocus(pointer: string): void;
  requestLayout(): void;
}

let focusSeq = 0;

/** A staged highlight belongs to the edit that made it: any other edit or undo clears it. */
const unstaged = (s: Pick<DesignerState, "overlayStaged">) =>
  s.overlayStaged ? { planOverlay: null, overlayStaged: false } : {};

export const useDesigner = create<DesignerState>((set, get) => ({
  draftId: null,
  history: createHistory(EMPTY_DOC),
  plano: "enterprise",
  selection: [],
  edgeSelection: [],
  serverFindings: [],
  planOverlay: null,
  overlayStaged: false,
  linkedProjectId: null,
  focusRequest: null,
  layoutPending: 0,
  viewport: null,

  open(draft) {
    set({
      draftId: draft.id,
      history: createHistory(draft.doc),
      plano: draft.plano,
      linkedProjectId: draft.linkedProjectId,
      selection: [],
      edgeSelection: [],
      serverFindings: [],
      planOverlay: null,
      overlayStaged: false,
      focusRequest: null,
      viewport: draft.viewport ?? null,
    });
  },
  setViewport(viewport) {
    set({ viewport });
  },
  adopt(doc, plano, linkedProjectId) {
    const { history, selection } = get();
    const same =
      doc === history.present && plano === get().plano && linkedProjectId === get().linkedProjectId;
    if (same) return;
    const names = new Set(resourcesOf(doc).map(nameOf));
    set({
      history: doc === history.present ? history : commit(history, doc),
      plano,
      linkedProjectId,
      selection: selection.filter((n) => names.has(n)),
      serverFindings: [],
    });
  },
  apply(change, coalesceKey) {
    const { history } = get();
    const next = change(history.present);
    if (next === history.present) return;
    // Server findings describe the document as submitted; any edit makes them stale.
    set({ history: commit(history, next, coalesceKey), serverFindings: [], ...unstaged(get()) });
  },
  setHistory(history) {
    if (history !== get().history) set({ history, serverFindings: [], ...unstaged(get()) });
  },
  selectEdges(ids) {
    const current = get().edgeSelection;
    if (current.length === ids.length && current.every((n, i) => n === ids[i])) return;
    set({ edgeSelection: ids });
  },
  select(names) {
    const current = get().selection;
    if (current.length === names.length && current.every((n, i) => n === names[i])) return;
    set({ selection: names });
  },
  setPlano(plano) {
    set({ plano });
  },
  setServerFindings(serverFindings) {
    set({ serverFindings });
  },
  setPlanOverlay(planOverlay, staged = false) {
    set({ planOverlay, overlayStaged: staged && planOverlay !== null });
  },
  setLinkedProject(linkedProjectId) {
    set({ linkedProjectId });
  },
  requestFocus(pointer) {
    set({ focusRequest: { pointer, seq: ++focusSeq } });
  },
  requestLayout() {
    set({ layoutPending: get().layoutPending + 1 });
  },
}));

export function useDoc(): Doc {
  return useDesigner((s) => s.history.present);
}

/**
 * The document validated against the chosen plan, once per document and plan: findings and the
 * assessment both read it, so an edit validates the blueprint once, not once each.
 */
let lastValidation: {
  doc: Doc;
  plano: Plano;
  locale: Locale;
  result: ValidationResult;
} | null = null;

function validationOf(doc: Doc, plano: Plano): ValidationResult {
  const locale = currentLocale();
  if (
    lastValidation?.doc !== doc ||
    lastValidation.plano !== plano ||
    lastValidation.locale !== locale
  )
    lastValidation = { doc, plano, locale, result: validateBlueprint(doc, { plano, locale }) };
  return lastValidation.result;
}

/**
 * The findings of a document: local ones (validated against the chosen plan) plus the
 * server's, without duplicates. Canvas, Problems, inspector and settings all ask for them
 * after each edit; one shared result means the blueprint is validated once, not once each.
 */
let lastFindings: {
  doc: Doc;
  plano: Plano;
  server: Finding[];
  locale: Locale;
  findings: Finding[];
} | null = null;

export function findingsOf(doc: Doc, plano: Plano, server: Finding[]): Finding[] {
  const locale = currentLocale();
  if (
    lastFindings?.doc === doc &&
    lastFindings.plano === plano &&
    lastFindings.server === server &&
    lastFindings.locale === locale
  )
    return lastFindings.findings;
  const local = validationOf(doc, plano).problemas;
  const seen = new Set(local.map((f) => `${f.ponteiro}|${f.codigo}`));
  const findings =
    server.length === 0
      ? local
      : [...local, ...server.filter((f) => !seen.has(`${f.ponteiro}|${f.codigo}`))];
  lastFindings = { doc, plano, server, locale, findings };
  return findings;
}

export function useFindings(): Finding[] {
  // Findings are worded in the reader's language: re-read on a switch, once its words are here.
  useT(blueprintMessages);
  const doc = useDoc();
  const plano = useDesigner((s) => s.plano);
  const server = useDesigner((s) => s.serverFindings);
  return findingsOf(doc, plano, server);
}

export interface Assessment {
  /** Contract §5, or null while the design has errors (there is nothing sound to estimate). */
  avaliacao: Avaliacao | null;
  /** Indexes of resources that are a single point of failure in their region. */
  spof: ReadonlySet<number>;
  /** Why the estimate is what it is, and its ceiling (null with the assessment). */
  why: AvailabilityExplanation | null;
}

const NO_ASSESSMENT: Assessment = { avaliacao: null, spof: new Set(), why: null };
let lastAssessment: { doc: Doc; locale: Locale; plano: Plano; value: Assessment } | null = null;

/** The design's assessment, computed in the browser on every edit (no request), once a doc. */
export function assessmentOf(doc: Doc, plano: Plano): Assessment {
  const locale = currentLocale();
  if (
    lastAssessment?.doc === doc &&
    lastAssessment.locale === locale &&
    lastAssessment.plano === plano
  )
    return lastAssessment.value;
  const result = validationOf(doc, plano);
  // Plan rules do not change what a design would do, only whether the account may deploy it:
  // only errors other than the plan's block the estimate.
  const blocked = result.problemas.some(
    (f) => f.severidade === "erro" && f.codigo !== "plano-insuficiente",
  );
  let value = NO_ASSESSMENT;
  if (!blocked && result.blueprint) {
    const normalized = normalizeBlueprint(result.blueprint);
    // The plan too: a fix it would refuse (synchronous replication below Enterprise) is not offered.
    // The explanation only the Resilience view reads: computed when it is first asked for.
    let why: AvailabilityExplanation | undefined;
    value = {
      avaliacao: assess(normalized, { locale, plano }),
      spof: singlePointsOfFailure(normalized),
      get why() {
        why ??= explainAvailability(normalized);
        return why;
      },
    };
  }
  lastAssessment = { doc, locale, plano, value };
  return value;
}

/**
 * Validates and assesses a document that is about to be applied, so the render that shows it
 * finds both ready: a big import then checks itself in one task and draws in the next, instead
 * of doing both in a single long one.
 */
export function prepareDoc(doc: Doc): void {
  assessmentOf(doc, useDesigner.getState().plano);
}

export function useAssessment(): Assessment {
  useT(blueprintMessages);
  const doc = useDoc();
  const plano = useDesigner((s) => s.plano);
  return assessmentOf(doc, plano);
}
