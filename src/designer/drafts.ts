/**
 * Drafts in IndexedDB.
 *
 * - Every stored draft carries a schema version; ordered migrations bring an older one up to
 *   date, one from a newer console opens read-only, and what is not a draft is refused with a
 *   reason (never a crash of the list).
 * - Every save carries the revision it was based on and is refused when the stored draft has
 *   moved on (another tab saved first), so an older revision never replaces a newer one.
 * - A write-ahead record in localStorage, written synchronously when the page hides, holds the
 *   edits an asynchronous IndexedDB write could not finish before a reload or a closed tab;
 *   opening the draft reconciles it.
 * - Saves are announced on a BroadcastChannel so other tabs on the same draft follow within a
 *   frame or two.
 * - When IndexedDB is unavailable (private modes, blocked storage) or full, drafts live in memory
 *   for this visit and `storageProblem` says why, so the UI can warn and offer Export.
 */
import { createStore, del, entries, get, type UseStore, update } from "idb-keyval";
import { isPlano, type Plano } from "../blueprint";
import { currentLocale, translator } from "../i18n";
import { type Doc, isObject, type JsonObject } from "./doc";
import { designerMessages } from "./i18n";
import { mergeDocs } from "./merge";

const draftsT = () => translator(designerMessages, currentLocale());

export const DRAFT_SCHEMA_VERSION = 2;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface StoredDraft {
  schemaVersion: typeof DRAFT_SCHEMA_VERSION;
  id: string;
  /** Increases by one with every save; a save names the revision it started from. */
  revision: number;
  doc: Doc;
  plano: Plano;
  linkedProjectId: string | null;
  /** The canvas view when last saved. */
  viewport: Viewport | null;
  createdAt: string;
  updatedAt: string;
}

export type DraftInput = Omit<
  StoredDraft,
  "schemaVersion" | "updatedAt" | "revision" | "viewport"
> & {
  viewport?: Viewport | null;
};

export type DraftRead =
  | { ok: true; draft: StoredDraft; readOnly?: string }
  | { ok: false; reason: string };

export interface DraftSummary {
  id: string;
  nome: string;
  resources: number;
  linkedProjectId: string | null;
  updatedAt: string;
  readOnly?: string;
}

export interface UnreadableDraft {
  key: string;
  reason: string;
}

const viewportOf = (v: unknown): Viewport | null =>
  isObject(v) && typeof v.x === "number" && typeof v.y === "number" && typeof v.zoom === "number"
    ? { x: v.x, y: v.y, zoom: v.zoom }
    : null;

/**
 * Migrations, in order: `MIGRATIONS[n]` turns a version-n record into version n+1. Version 0 is
 * the first console's record (no version field, fields optional); version 1 added the version
 * and defaults; version 2 added the revision.
 */
export const MIGRATIONS: ((raw: JsonObject) => JsonObject)[] = [
  (raw) => {
    const now = new Date().toISOString();
    return {
      ...raw,
      schemaVersion: 1,
      plano: isPlano(raw.plano) ? raw.plano : "enterprise",
      linkedProjectId: typeof raw.linkedProjectId === "string" ? raw.linkedProjectId : null,
      viewport: viewportOf(raw.viewport) as unknown as JsonObject,
      createdAt: typeof raw.createdAt === "string" ? raw.createdAt : now,
      updatedAt: typeof raw.updatedAt === "string" ? raw.updatedAt : now,
    };
  },
  (raw) => ({ ...raw, schemaVersion: 2, revision: 0 }),
];

/** Reads a stored record of any version: a current draft, a read-only one, or a reason. */
export function readDraft(raw: unknown): DraftRead {
  if (!isObject(raw)) return { ok: false, reason: draftsT()("drafts.notRecord") };
  if (typeof raw.id !== "string" || raw.id === "")
    return { ok: false, reason: draftsT()("drafts.noId") };
  if (!isObject(raw.doc)) return { ok: false, reason: draftsT()("drafts.noDoc") };
  const version = raw.schemaVersion === undefined ? 0 : raw.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0)
    return { ok: false, reason: draftsT()("drafts.unknownVersion", { version: String(version) }) };
  let record: JsonObject = raw;
  let readOnly: string | undefined;
  if (version > DRAFT_SCHEMA_VERSION)
    readOnly = draftsT()("drafts.newer", { version, max: DRAFT_SCHEMA_VERSION });
  else for (const step of MIGRATIONS.slice(version)) record = step(record);
  const draft: StoredDraft = {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    id: raw.id,
    revision: typeof record.revision === "number" ? record.revision : 0,
    doc: raw.doc as Doc,
    plano: isPlano(record.plano) ? record.plano : "enterprise",
    linkedProjectId: typeof record.linkedProjectId === "string" ? record.linkedProjectId : null,
    viewport: viewportOf(record.viewport),
    createdAt: typeof record.createdAt === "string" ? record.createdAt : new Date().toISOString(),
    updatedAt: typeof record.updatedAt === "string" ? record.updatedAt : new Date().toISOString(),
  };
  return readOnly ? { ok: true, draft, readOnly } : { ok: true, draft };
}

export function newDraftId(): string {
  return `d_${crypto.randomUUID().replace(/-/g, "").slice(0, 12)}`;
}

// ---- Storage, with an in-memory fallback ---------------------------------------------------

let problem: string | null = null;
const listeners = new Set<() => void>();
const memory = new Map<string, unknown>();

/** Why drafts cannot be kept in this browser, or null while they can. */
export function storageProblem(): string | null {
  return problem;
}

export function onStorageProblem(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function fail(e: unknown) {
  const name = e instanceof Error || e instanceof DOMException ? e.name : "";
  const reason =
    name === "QuotaExceededError" ? draftsT()("drafts.full") : draftsT()("drafts.unavailable");
  if (problem === reason) return;
  problem = reason;
  for (const l of listeners) l();
}

let idb: UseStore | null = null;
function db(): UseStore {
  idb ??= createStore("tesserra-console", "drafts");
  return idb;
}

async function getRaw(id: string): Promise<unknown> {
  if (memory.has(id)) return memory.get(id);
  if (problem && !idb) return undefined;
  try {
    return await get(id, db());
  } catch (e) {
    fail(e);
    return undefined;
  }
}

export type SaveResult = { saved: StoredDraft } | { conflict: StoredDraft };

/**
 * Saves a draft. `baseRevision` is the revision the edit started from (null: write regardless,
 * for a new draft); when the stored draft has another revision the save is refused with it, so
 * the caller can merge and try again.
 */
export async function saveDraft(
  input: DraftInput,
  baseRevision: number | null = null,
): Promise<SaveResult> {
  let result: SaveResult | undefined;
  const next = (old: unknown): unknown => {
    const current = old === undefined ? undefined : readDraft(old);
    const stored = current?.ok ? current.draft : undefined;
    // A newer console's draft is never overwritten; nor is a revision this edit did not start from.
    const readOnly = current?.ok && current.readOnly !== undefined;
    if (stored && (readOnly || (baseRevision !== null && stored.revision !== baseRevision))) {
      result = { conflict: stored };
      return old;
    }
    const draft: StoredDraft = {
      ...input,
      viewport: input.viewport ?? null,
      schemaVersion: DRAFT_SCHEMA_VERSION,
      revision: (stored?.revision ?? 0) + 1,
      updatedAt: new Date().toISOString(),
    };
    result = { saved: draft };
    return draft;
  };
  if (!problem) {
    try {
      await update(input.id, next, db());
    } catch (e) {
      fail(e);
      result = undefined;
    }
  }
  if (!result) memory.set(input.id, next(memory.get(input.id) ?? (await getRaw(input.id))));
  else if (memory.has(input.id) && "saved" in result) memory.set(input.id, result.saved);
  if (result && "saved" in result) announce(input.id, result.saved.revision);
  return result as SaveResult;
}

/** The stored draft alone (no write-ahead reconciliation). */
export async function readStoredDraft(id: string): Promise<DraftRead | undefined> {
  const raw = await getRaw(id);
  return raw === undefined ? undefined : readDraft(raw);
}

/** Opens a draft: the stored one, with any write-ahead record left by a reload reconciled in. */
export async function loadDraft(id: string): Promise<DraftRead | undefined> {
  const ahead = readAhead(id);
  let read = await readStoredDraft(id);
  if (!ahead) return read;
  // Another tab may save between our read and our write: then read again and merge again.
  for (let attempt = 0; attempt < 5; attempt++) {
    if (read && (!read.ok || read.readOnly)) return read;
    const stored = read?.ok ? read.draft : undefined;
    const doc =
      !stored || stored.revision === ahead.baseRevision
        ? ahead.doc
        : mergeDocs(ahead.baseDoc, ahead.doc, stored.doc);
    const result = await saveDraft(
      {
        id,
        doc,
        plano: ahead.plano,
        linkedProjectId: ahead.linkedProjectId,
        viewport: ahead.viewport,
        createdAt: stored?.createdAt ?? new Date().toISOString(),
      },
      stored?.revision ?? null,
    );
    if ("saved" in result) {
      clearAhead(id);
      return { ok: true, draft: result.saved };
    }
    read = { ok: true, draft: result.conflict };
  }
  return read;
}

export async function deleteDraft(id: string) {
  memory.delete(id);
  clearAhead(id);
  if (problem && !idb) return;
  try {
    await del(id, db());
  } catch (e) {
    fail(e);
  }
}

export async function listDrafts(): Promise<{
  drafts: DraftSummary[];
  unreadable: UnreadableDraft[];
}> {
  let all: [IDBValidKey, unknown][] = [];
  if (!problem || idb)
    try {
      all = await entries(db());
    } catch (e) {
      fail(e);
    }
  const byKey = new Map(all.map(([k, v]) => [String(k), v]));
  for (const [k, v] of memory) byKey.set(k, v);
  const drafts: DraftSummary[] = [];
  const unreadable: UnreadableDraft[] = [];
  for (const [key, raw] of byKey) {
    const read = readDraft(raw);
    if (!read.ok) {
      unreadable.push({ key, reason: read.reason });
      continue;
    }
    const d = read.draft;
    drafts.push({
      id: d.id,
      nome:
        typeof d.doc.nome === "string" && d.doc.nome ? d.doc.nome : draftsT()("drafts.untitled"),
      resources: Array.isArray(d.doc.recursos) ? d.doc.recursos.length : 0,
      linkedProjectId: d.linkedProjectId,
      updatedAt: d.updatedAt,
      ...(read.readOnly ? { readOnly: read.readOnly } : {}),
    });
  }
  drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return { drafts, unreadable };
}

// ---- Write-ahead record --------------------------------------------------------------------

const AHEAD = "tesserra-draft-ahead:";

export interface AheadRecord {
  id: string;
  baseRevision: number;
  baseDoc: Doc;
  doc: Doc;
  plano: Plano;
  linkedProjectId: string | null;
  viewport: Viewport | null;
}

/**
 * Synchronous: safe in `pagehide`, where an IndexedDB write may not finish. The record names
 * the tab that wrote it (see clearOwnAhead); the page that opens the draft next takes it in,
 * whichever tab wrote it.
 */
export function writeAhead(record: AheadRecord): boolean {
  try {
    localStorage.setItem(AHEAD + record.id, JSON.stringify({ ...record, tab: TAB }));
    return true;
  } catch {
    return false;
  }
}

export function readAhead(id: string): AheadRecord | undefined {
  try {
    const raw = localStorage.getItem(AHEAD + id);
    if (!raw) return undefined;
    const r = JSON.parse(raw) as unknown;
    if (
      !isObject(r) ||
      r.id !== id ||
      typeof r.baseRevision !== "number" ||
      !isObject(r.doc) ||
      !isObject(r.baseDoc)
    )
      return undefined;
    return {
      id,
      baseRevision: r.baseRevision,
      baseDoc: r.baseDoc as Doc,
      doc: r.doc as Doc,
      plano: isPlano(r.plano) ? r.plano : "enterprise",
      linkedProjectId: typeof r.linkedProjectId === "string" ? r.linkedProjectId : null,
      viewport: viewportOf(r.viewport),
    };
  } catch {
    return undefined;
  }
}

/**
 * After this tab saved: drops the record only if this tab wrote it. Storage is shared by every
 * tab, and another tab on the same draft may have just left its own record on a reload; clearing
 * that one would lose its last edit.
 */
export function clearOwnAhead(id: string) {
  let raw: string | null;
  try {
    raw = localStorage.getItem(AHEAD + id);
  } catch {
    return; // Nothing to clear where storage is blocked.
  }
  let tab: unknown;
  try {
    tab = raw === null ? undefined : (JSON.parse(raw) as { tab?: unknown }).tab;
  } catch {
    tab = TAB; // Not JSON: nobody can take it in, so it goes.
  }
  if (tab === TAB) clearAhead(id);
}

export function clearAhead(id: string) {
  try {
    localStorage.removeItem(AHEAD + id);
  } catch {
    // Nothing to clear where storage is blocked.
  }
}

// ---- Other tabs ----------------------------------------------------------------------------

const TAB = crypto.randomUUID();
const channel =
  typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("tesserra-drafts");

interface SavedMessage {
  id: string;
  revision: number;
  tab: string;
}

function announce(id: string, revision: number) {
  channel?.postMessage({ id, revision, tab: TAB } satisfies SavedMessage);
}

/** Calls back when another tab saves the draft `id`, with the revision it saved. */
export function onDraftSaved(id: string, callback: (revision: number) => void): () => void {
  if (!channel) return () => {};
  const listener = (e: MessageEvent<SavedMessage>) => {
    if (e.data?.id === id && e.data.tab !== TAB) callback(e.data.revision);
  };
  channel.addEventListener("message", listener);
  return () => channel.removeEventListener("message", listener);
}
