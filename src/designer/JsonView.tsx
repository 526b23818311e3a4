/**
 * The blueprint as JSON, editable both ways: canvas edits rewrite the text (pretty, in contract
 * order), text edits that parse replace the document. Lint comes from the same validator as
 * the canvas (findings mapped to their JSON Pointer's range); completion from the JSON Schema.
 * Loaded lazily: CodeMirror is not part of the designer's first load.
 */

import { json, jsonLanguage, jsonParseLinter } from "@codemirror/lang-json";
import { syntaxHighlighting } from "@codemirror/language";
import { type Diagnostic, forceLinting, linter, lintGutter } from "@codemirror/lint";
import { Annotation, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";
import { basicSetup } from "codemirror";
import { getJsonPointers, jsonCompletion, stateExtensions } from "codemirror-json-schema";
import { useEffect, useRef, useState } from "react";
import { blueprintJsonSchema, type Finding, parseBlueprintText } from "../blueprint";
import type { Translate } from "../i18n";
import { currentLocale } from "../i18n";
import { useT } from "../ui/i18n";
import { type Doc, isObject } from "./doc";
import { blueprintFileText } from "./exportJson";
import { type PanelMessageKey, panelMessages } from "./panels/i18n";
import { useDesigner, useDoc, useFindings } from "./store";

/** CodeMirror's phrases, keyed by its English text, from the designer's catalog. */
const CM_PHRASES: [string, PanelMessageKey][] = [
  ["Find", "cm.Find"],
  ["Replace", "cm.Replace"],
  ["next", "cm.next"],
  ["previous", "cm.previous"],
  ["all", "cm.all"],
  ["match case", "cm.match_case"],
  ["regexp", "cm.regexp"],
  ["by word", "cm.by_word"],
  ["replace", "cm.replace"],
  ["replace all", "cm.replace_all"],
  ["close", "cm.close"],
  ["Go to line", "cm.Go_to_line"],
  ["go", "cm.go"],
  ["Folded lines", "cm.Folded_lines"],
  ["Unfolded lines", "cm.Unfolded_lines"],
  ["folded code", "cm.folded_code"],
  ["unfold", "cm.unfold"],
  ["Fold line", "cm.Fold_line"],
  ["Unfold line", "cm.Unfold_line"],
  ["Diagnostics", "cm.Diagnostics"],
  ["No diagnostics", "cm.No_diagnostics"],
  ["Completions", "cm.Completions"],
  ["Selection deleted", "cm.Selection_deleted"],
];
function codeMirrorPhrases(t: Translate<PanelMessageKey>): Record<string, string> {
  return Object.fromEntries(CM_PHRASES.map(([phrase, key]) => [phrase, t(key)]));
}

/** Marks changes the view makes itself (from the canvas), so they are not parsed back. */
const external = Annotation.define<boolean>();

function diagnosticsFor(view: EditorView, findings: readonly Finding[]): Diagnostic[] {
  const pointers = getJsonPointers(view.state, "json4");
  const out: Diagnostic[] = [];
  for (const f of findings) {
    // A missing field has no range of its own: mark the object that should hold it.
    let pointer = f.ponteiro;
    let range = pointers.get(pointer);
    while (!range && pointer) {
      pointer = pointer.slice(0, pointer.lastIndexOf("/"));
      range = pointers.get(pointer);
    }
    const from = range ? range.keyFrom : 0;
    const to = range
      ? "valueTo" in range
        ? range.valueTo
        : range.keyTo
      : Math.min(1, view.state.doc.length);
    out.push({
      from,
      to: Math.max(from, to),
      severity: f.severidade === "erro" ? "error" : "warning",
      message: `${f.codigo}: ${f.mensagem}`,
      source: f.ponteiro,
    });
  }
  return out;
}

export default function JsonView() {
  const t = useT(panelMessages);
  const doc = useDoc();
  const findings = useFindings();
  const apply = useDesigner((s) => s.apply);
  const requestLayout = useDesigner((s) => s.requestLayout);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const shownDoc = useRef<Doc | null>(null);
  const findingsRef = useRef(findings);
  findingsRef.current = findings;
  const [syntaxError, setSyntaxError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is created once
  useEffect(() => {
    if (!host.current) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const state = EditorState.create({
      doc: blueprintFileText(doc),
      extensions: [
        basicSetup,
        json(),
        // Token classes (tok-*) coloured by the console's CSS, so the editor follows light and dark.
        syntaxHighlighting(classHighlighter),
        lintGutter(),
        linter(jsonParseLinter(), { delay: 150 }),
        linter((v) => diagnosticsFor(v, findingsRef.current), { delay: 150 }),
        stateExtensions(blueprintJsonSchema() as Parameters<typeof stateExtensions>[0]),
        jsonLanguage.data.of({ autocomplete: jsonCompletion() }),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": t("json.label") }),
        // CodeMirror's own words (search panel, folding, lint panel) in the reader's language.
        EditorState.phrases.of(codeMirrorPhrases(t)),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged || u.transactions.some((t) => t.annotation(external))) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const text = u.view.state.doc.toString();
            const parsed = parseBlueprintText(text, { subject: "json", locale: currentLocale() });
            if (!parsed.ok) {
              setSyntaxError(parsed.error);
              return;
            }
            if (!isObject(parsed.value)) {
              setSyntaxError(t("json.notObject"));
              return;
            }
            setSyntaxError(null);
            const next = parsed.value as Doc;
            shownDoc.current = next;
            apply(() => next, "json");
            requestLayout();
          }, 250);
        }),
      ],
    });
    view.current = new EditorView({ state, parent: host.current });
    // The scroller is reachable by keyboard on its own (axe: scrollable-region-focusable); the
    // text inside is the editor's contenteditable.
    view.current.scrollDOM.tabIndex = 0;
    view.current.scrollDOM.setAttribute("aria-label", t("json.scrollable"));
    shownDoc.current = doc;
    return () => {
      clearTimeout(timer);
      view.current?.destroy();
      view.current = null;
    };
  }, []);

  // Canvas → text: replace the text when the document changed elsewhere.
  useEffect(() => {
    const v = view.current;
    if (!v || doc === shownDoc.current) return;
    shownDoc.current = doc;
    const text = blueprintFileText(doc);
    if (text === v.state.doc.toString()) return;
    v.dispatch({
      changes: { from: 0, to: v.state.doc.length, insert: text },
      annotations: external.of(true),
    });
    setSyntaxError(null);
  }, [doc]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: new findings are the reason to re-lint
  useEffect(() => {
    if (view.current) forceLinting(view.current);
  }, [findings]);

  return (
    <div className="flex h-full min-h-0 flex-col">
      {syntaxError ? (
        <p
          role="alert"
          className="border-b border-red-200 bg-red-50 px-3 py-1.5 text-xs text-red-700 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-300"
        >
          {t("json.syntaxError", { error: syntaxError })}
        </p>
      ) : null}
      <div ref={host} className="tesserra-json min-h-0 flex-1 overflow-auto text-[13px]" />
    </div>
  );
}
