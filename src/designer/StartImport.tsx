import { useId, useRef, useState } from "react";
import { buttonClass } from "../ui/Card";
import { useT } from "../ui/i18n";
import { Message } from "../ui/Message";
import type { Doc } from "./doc";
import { designerMessages } from "./i18n";
import { blueprintFromFile, blueprintFromText, type ImportResult } from "./importBlueprint";

/**
 * The start screen's ways in with a blueprint: a file chooser, a file dropped anywhere on the
 * page (see `useFileDrop`), or pasted JSON. Each opens a new draft; a broken one is refused with
 * where it breaks, and no draft is made.
 */
export function StartImport({
  onOpen,
  error,
  onResult,
}: {
  onOpen: (doc: Doc) => void;
  error: string | null;
  onResult: (r: ImportResult) => void;
}) {
  const t = useT(designerMessages);
  const fileRef = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState("");
  const pasteId = useId();
  return (
    <section aria-labelledby="import-title" className="mt-8">
      <h2 id="import-title" className="text-base font-semibold">
        {t("import.title")}
      </h2>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <Message text={t("import.lead")} />
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={buttonClass()} onClick={() => fileRef.current?.click()}>
          {t("import.button")}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          className="sr-only"
          tabIndex={-1}
          aria-label={t("import.file")}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) onResult(await blueprintFromFile(file));
          }}
        />
        <button
          type="button"
          className={buttonClass()}
          aria-expanded={pasting}
          onClick={() => setPasting((p) => !p)}
        >
          {t("import.paste")}
        </button>
      </div>
      {pasting ? (
        <form
          className="mt-3 max-w-2xl"
          onSubmit={(e) => {
            e.preventDefault();
            const r = blueprintFromText(text, t("import.pasted"));
            if (r.ok) onOpen(r.doc);
            else onResult(r);
          }}
        >
          <label
            htmlFor={pasteId}
            className="text-xs font-medium text-slate-700 dark:text-slate-300"
          >
            {t("import.label")}
          </label>
          <textarea
            id={pasteId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={8}
            spellCheck={false}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-950"
          />
          <button
            type="submit"
            className={`${buttonClass("primary")} mt-2`}
            disabled={!text.trim()}
          >
            {t("import.open")}
          </button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
          {t("import.noDraft", { error })}
        </p>
      ) : null}
    </section>
  );
}
