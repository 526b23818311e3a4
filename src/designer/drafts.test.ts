import { afterEach, describe, expect, it, vi } from "vitest";
import {
  clearOwnAhead,
  DRAFT_SCHEMA_VERSION,
  MIGRATIONS,
  readAhead,
  readDraft,
  writeAhead,
} from "./drafts";

const doc = { versao: "1", nome: "x", resiliencia: "zona-unica", recursos: [] };

describe("readDraft", () => {
  it("has one migration per version step", () => {
    expect(MIGRATIONS).toHaveLength(DRAFT_SCHEMA_VERSION);
  });

  it("opens the first console's records (no version, no plan, no dates)", () => {
    const r = readDraft({ id: "d_1", doc });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.readOnly).toBeUndefined();
    expect(r.draft).toMatchObject({
      schemaVersion: DRAFT_SCHEMA_VERSION,
      id: "d_1",
      revision: 0,
      plano: "enterprise",
      linkedProjectId: null,
      viewport: null,
    });
    expect(Date.parse(r.draft.createdAt)).not.toBeNaN();
  });

  it("brings a version-1 record forward, keeping its fields", () => {
    const r = readDraft({
      schemaVersion: 1,
      id: "d_2",
      doc,
      plano: "starter",
      linkedProjectId: "p_9",
      viewport: { x: 1, y: 2, zoom: 0.5 },
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-02T00:00:00.000Z",
    });
    expect(r.ok && r.draft).toMatchObject({
      revision: 0,
      plano: "starter",
      linkedProjectId: "p_9",
      viewport: { x: 1, y: 2, zoom: 0.5 },
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-02T00:00:00.000Z",
    });
  });

  it("keeps the revision of a current record", () => {
    const r = readDraft({ schemaVersion: 2, id: "d_3", doc, revision: 17 });
    expect(r.ok && r.draft.revision).toBe(17);
  });

  it("opens a newer console's draft read-only, saying why", () => {
    const r = readDraft({ schemaVersion: DRAFT_SCHEMA_VERSION + 1, id: "d_4", doc });
    expect(r.ok && r.readOnly).toMatch(/newer version of the console/);
  });

  it("refuses what is not a draft with a reason", () => {
    for (const [raw, reason] of [
      ["text", "It is not a draft record."],
      [null, "It is not a draft record."],
      [{ doc }, "The record has no draft id."],
      [{ id: "d_5", doc: "{}" }, "The record has no blueprint."],
      [{ id: "d_6", doc, schemaVersion: "2" }, "Its format version (2) is not one we know."],
      [{ id: "d_7", doc, schemaVersion: -1 }, "Its format version (-1) is not one we know."],
    ] as const) {
      expect(readDraft(raw)).toEqual({ ok: false, reason });
    }
  });
});

describe("write-ahead records across tabs", () => {
  const record = {
    id: "d_ahead",
    baseRevision: 3,
    baseDoc: doc,
    doc: { ...doc, nome: "renamed" },
    plano: "enterprise" as const,
    linkedProjectId: null,
    viewport: null,
  };
  const key = "tesserra-draft-ahead:d_ahead";

  afterEach(() => vi.unstubAllGlobals());

  function storage() {
    const items = new Map<string, string>();
    vi.stubGlobal("localStorage", {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => items.set(k, v),
      removeItem: (k: string) => items.delete(k),
    });
    return items;
  }

  it("a save in this tab drops the record this tab wrote", () => {
    const items = storage();
    writeAhead(record);
    expect(readAhead("d_ahead")?.doc).toEqual(record.doc);
    clearOwnAhead("d_ahead");
    expect(items.has(key)).toBe(false);
  });

  it("a save in this tab keeps the record another tab left on its reload", () => {
    const items = storage();
    items.set(key, JSON.stringify({ ...record, tab: "another-tab" }));
    clearOwnAhead("d_ahead");
    expect(readAhead("d_ahead")?.doc).toEqual(record.doc);
  });

  it("a record that is not JSON is dropped", () => {
    const items = storage();
    items.set(key, "{not json");
    clearOwnAhead("d_ahead");
    expect(items.has(key)).toBe(false);
  });
});
