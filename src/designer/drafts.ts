/**
 * Drafts in IndexedDB. Each stored draft carries a schema version; `migrateDraft` brings an
 * older one up to date (and refuses what it cannot read) so later changes to the draft format
 * never lose a user's work.
 */
import { createStore, del, entries, get, set } from "idb-keyval";
import { isPlano, type Plano } from "../blueprint";
import { type Doc, isObject } from "./doc";

export const DRAFT_SCHEMA_VERSION = 1;

export interface StoredDraft {
  schemaVersion: typeof DRAFT_SCHEMA_VERSION;
  id: string;
  doc: Doc;
  plano: Plano;
  linkedProjectId: string | null;
  /** The canvas view when last saved (absent in drafts saved before it was kept). */
  viewport?: { x: number; y: number; zoom: number } | null;
  createdAt: string;
  updatedAt: string;
}

export interface DraftSummary {
  id: string;
  nome: string;
  resources: number;
  linkedProjectId: string | null;
  updatedAt: string;
}

const store = () => createStore("tesserra-console", "drafts");

/** Reads any stored version; undefined for what is not a draft at all. */
export function migrateDraft(raw: unknown): StoredDraft | undefined {
  if (!isObject(raw) || typeof raw.id !== "string" || !isObject(raw.doc)) return undefined;
  const version = typeof raw.schemaVersion === "number" ? raw.schemaVersion : 0;
  if (version > DRAFT_SCHEMA_VERSION) return undefined; // written by a newer console
  const now = new Date().toISOString();
  return {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    id: raw.id,
    doc: raw.doc as Doc,
    plano: isPlano(raw.plano) ? raw.plano : "enterprise",
    linkedProjectId: typeof raw.linkedProjectId === "string" ? raw.linkedProjectId : null,
    viewport:
      isObject(raw.viewport) &&
      typeof raw.viewport.x === "number" &&
      typeof raw.viewport.y === "number" &&
      typeof raw.viewport.zoom === "number"
        ? { x: raw.viewport.x, y: raw.viewport.y, zoom: raw.viewport.zoom }
        : null,
    createdAt: typeof raw.createdAt === "string" ? raw.createdAt : now,
    updatedAt: typeof raw.updatedAt === "string" ? raw.updatedAt : now,
  };
}

export function newDraftId(): string {
  return `d_${crypto.randomUUID().replace(/-/g, "").slice(0, 12)}`;
}

export async function saveDraft(draft: Omit<StoredDraft, "schemaVersion" | "updatedAt">) {
  const stored: StoredDraft = {
    ...draft,
    schemaVersion: DRAFT_SCHEMA_VERSION,
    updatedAt: new Date().toISOString(),
  };
  await set(draft.id, stored, store());
  return stored;
}

export async function loadDraft(id: string): Promise<StoredDraft | undefined> {
  return migrateDraft(await get(id, store()));
}

export async function deleteDraft(id: string) {
  await del(id, store());
}

export async function listDrafts(): Promise<DraftSummary[]> {
  const all = await entries(store());
  return all
    .map(([, raw]) => migrateDraft(raw))
    .filter((d): d is StoredDraft => d !== undefined)
    .map((d) => ({
      id: d.id,
      nome: typeof d.doc.nome === "string" && d.doc.nome ? d.doc.nome : "Untitled",
      resources: Array.isArray(d.doc.recursos) ? d.doc.recursos.length : 0,
      linkedProjectId: d.linkedProjectId,
      updatedAt: d.updatedAt,
    }))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
