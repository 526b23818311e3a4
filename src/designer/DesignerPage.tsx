import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { blueprintMessages, TEMPLATES } from "../blueprint";
import { Badge, buttonClass, Card } from "../ui/Card";
import { wireLabel } from "../ui/glossary";
import { useT } from "../ui/i18n";
import { relativeTime } from "../ui/time";
import { autoPlace } from "./arrange";
import { DesignerEditor } from "./DesignerEditor";
import { type Doc, EMPTY_DOC, resourcesOf } from "./doc";
import {
  type DraftSummary,
  deleteDraft,
  listDrafts,
  loadDraft,
  newDraftId,
  saveDraft,
  type UnreadableDraft,
} from "./drafts";
import { designerMessages } from "./i18n";
import { blueprintFromFile, type ImportResult } from "./importBlueprint";
import { ProductIcon } from "./ProductIcon";
import { useStorageProblem } from "./persistence";
import { StartImport } from "./StartImport";
import { templateDescription, templateTitle } from "./templateText";

function DesignerStart() {
  const t = useT(designerMessages);
  // Import errors (JSON syntax, size) are the blueprint's words.
  useT(blueprintMessages);
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [unreadable, setUnreadable] = useState<UnreadableDraft[]>([]);
  const storageProblem = useStorageProblem();
  const [error, setError] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const navigate = useNavigate();
  const refresh = () =>
    listDrafts().then(
      (r) => {
        setDrafts(r.drafts);
        setUnreadable(r.unreadable);
      },
      (e) => setError(t("start.readFailed", { error: String(e) })),
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once
  useEffect(() => {
    void refresh();
  }, []);

  async function create(doc: Doc) {
    const id = newDraftId();
    await saveDraft({
      id,
      doc: await autoPlace(doc),
      plano: "enterprise",
      linkedProjectId: null,
      createdAt: new Date().toISOString(),
      // A blank design opens at 1:1 and keeps that view (its first resources land where they
      // were dropped, and are still there after a reload); one with resources is framed.
      viewport: resourcesOf(doc).length === 0 ? { x: 0, y: 0, zoom: 1 } : null,
    });
    void navigate(`/designer/${id}`);
  }

  function opened(result: ImportResult) {
    if (result.ok) {
      setImportError(null);
      void create(result.doc);
    } else setImportError(result.error);
  }

  async function rename(d: DraftSummary) {
    const nome = window.prompt(t("start.renamePrompt"), d.nome);
    if (!nome?.trim()) return;
    const read = await loadDraft(d.id);
    if (!read?.ok || read.readOnly) return;
    const { draft } = read;
    // Based on the revision just read: a tab editing it at the same moment merges the name in.
    await saveDraft({ ...draft, doc: { ...draft.doc, nome: nome.trim() } }, draft.revision);
    await refresh();
  }

  async function remove(d: DraftSummary) {
    if (!window.confirm(t("start.deleteConfirm", { name: d.nome }))) return;
    await deleteDraft(d.id);
    await refresh();
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for blueprint files; Import blueprint is the keyboard path
    <div
      className="mx-auto w-full max-w-6xl p-8"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes("Files")) e.preventDefault();
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        void blueprintFromFile(file).then(opened);
      }}
    >
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("start.title")}</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("start.lead")}</p>
        </div>
        <button
          type="button"
          className={buttonClass("primary")}
          onClick={() => void create({ ...structuredClone(EMPTY_DOC), nome: t("editor.untitled") })}
        >
          {t("start.blank")}
        </button>
      </div>

      <StartImport onOpen={(doc) => void create(doc)} onResult={opened} error={importError} />

      <section aria-labelledby="templates-title" className="mt-8">
        <h2 id="templates-title" className="text-base font-semibold">
          {t("editor.newFromTemplate")}
        </h2>
        <ul className="mt-3 grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
          {TEMPLATES.map((tpl) => (
            <li key={tpl.id}>
              <button
                type="button"
                onClick={() => void create(structuredClone(tpl.blueprint) as unknown as Doc)}
                aria-describedby={`template-desc-${tpl.id}`}
                className="flex h-full w-full flex-col rounded-lg border border-slate-200 bg-white p-4 text-left shadow-sm transition hover:border-indigo-300 hover:shadow-md focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-500/50"
              >
                <span
                  className="flex gap-1.5 text-slate-500 dark:text-slate-400"
                  aria-hidden="true"
                >
                  {[...new Set(tpl.blueprint.recursos.map((r) => r.tipo))]
                    .slice(0, 6)
                    .map((tipo) => (
                      <ProductIcon key={tipo} tipo={tipo} width={16} height={16} />
                    ))}
                </span>
                {/* The name is "New from template: <title>", and contains the title the card
                    shows (WCAG 2.5.3); the rest of the card is its description. */}
                <span className="mt-3 font-medium">
                  <span className="sr-only">{t("start.fromTemplatePrefix")} </span>
                  {templateTitle(tpl, t)}
                </span>
                <span id={`template-desc-${tpl.id}`} aria-hidden="true" className="contents">
                  <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400">
                    {templateDescription(tpl, t)}
                  </span>
                  <span className="mt-auto block pt-3 text-xs text-slate-500 dark:text-slate-400">
                    {t("start.templateMeta", {
                      count: tpl.blueprint.recursos.length,
                      level: wireLabel(tpl.blueprint.resiliencia),
                      plan: tpl.plano,
                    })}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="drafts-title" className="mt-10">
        <h2 id="drafts-title" className="text-base font-semibold">
          {t("start.drafts")}
        </h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("start.draftsLead")}</p>
        {storageProblem ? (
          <p
            role="alert"
            className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-100"
          >
            <strong>{t("editor.storageTitle")}</strong> {storageProblem} {t("start.storageBody")}
          </p>
        ) : null}
        {unreadable.length > 0 ? (
          <div
            role="alert"
            className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-100"
          >
            <p>{t("start.unreadable", { count: unreadable.length })}</p>
            <ul className="mt-1 space-y-1">
              {unreadable.map((u) => (
                <li key={u.key} className="flex flex-wrap items-center gap-2">
                  <code className="font-mono text-xs">{u.key}</code>
                  <span>{u.reason}</span>
                  <button
                    type="button"
                    className="text-xs underline"
                    onClick={() => void deleteDraft(u.key).then(refresh)}
                  >
                    {t("start.removeIt")}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="mt-3">
          {error ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : drafts === null ? (
            <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
              {t("start.loading")}
            </p>
          ) : drafts.length === 0 ? (
            <Card>
              <p className="text-sm text-slate-600 dark:text-slate-400">{t("start.empty")}</p>
            </Card>
          ) : (
            <ul
              aria-label={t("editor.drafts")}
              className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
            >
              {drafts.map((d) => (
                <li key={d.id} className="flex items-center gap-4 px-4 py-3">
                  <div className="min-w-0 flex-1">
                    <Link
                      to={`/designer/${d.id}`}
                      className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                    >
                      {d.nome}
                    </Link>
                    <div className="text-xs text-slate-600 dark:text-slate-400">
                      {t("start.draftMeta", {
                        count: d.resources,
                        when: relativeTime(d.updatedAt),
                      })}
                      {d.readOnly ? ` ${t("start.draftReadOnly")}` : ""}
                    </div>
                  </div>
                  {d.linkedProjectId ? (
                    <Link to={`/projects/${d.linkedProjectId}`}>
                      <Badge tone="info">{t("start.deployed")}</Badge>
                    </Link>
                  ) : null}
                  <button
                    type="button"
                    className={buttonClass()}
                    onClick={() => void rename(d)}
                    aria-label={t("start.renameNamed", { name: d.nome })}
                  >
                    {t("start.rename")}
                  </button>
                  <button
                    type="button"
                    className={buttonClass()}
                    onClick={() => void remove(d)}
                    aria-label={t("start.deleteNamed", { name: d.nome })}
                  >
                    {t("action.delete")}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}

export function DesignerPage() {
  const { draftId } = useParams();
  return draftId ? <DesignerEditor key={draftId} draftId={draftId} /> : <DesignerStart />;
}
