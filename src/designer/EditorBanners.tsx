/** What the editor must tell at once: a read-only draft, storage that fails, the last notice. */
import { buttonClass } from "../ui/Card";
import { downloadText } from "../ui/download";
import { useT } from "../ui/i18n";
import type { Doc } from "./doc";
import { blueprintFileName, blueprintFileText } from "./exportJson";
import { designerMessages } from "./i18n";
import type { Notice } from "./useImport";

/** A condition that stays until dealt with, and the one thing to do about it. */
function Warning(props: { title: string; text: string; action: string; onAction: () => void }) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-3 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-100"
    >
      <span>
        <strong>{props.title}</strong> {props.text}
      </span>
      <button type="button" className={buttonClass()} onClick={props.onAction}>
        {props.action}
      </button>
    </div>
  );
}

export function EditorBanners({
  doc,
  readOnly,
  storageProblem,
  notice,
  onCopy,
  onDismiss,
}: {
  doc: Doc;
  /** Why the draft opened read-only, if it did. */
  readOnly?: string;
  storageProblem: string | null;
  notice: Notice;
  onCopy: () => void;
  onDismiss: () => void;
}) {
  const t = useT(designerMessages);
  return (
    <>
      {readOnly ? (
        <Warning
          title={t("editor.readOnlyTitle")}
          text={`${readOnly} ${t("editor.readOnlyBody")}`}
          action={t("editor.makeCopy")}
          onAction={onCopy}
        />
      ) : null}
      {storageProblem ? (
        <Warning
          title={t("editor.storageTitle")}
          text={`${storageProblem} ${t("editor.storageBody")}`}
          action={t("editor.exportBlueprint")}
          onAction={() => downloadText(blueprintFileText(doc), blueprintFileName(doc))}
        />
      ) : null}
      {notice ? (
        <div
          role={notice.tone === "error" ? "alert" : "status"}
          className={`flex items-center justify-between gap-3 px-4 py-2 text-sm ${notice.tone === "error" ? "bg-red-50 text-red-800 dark:bg-red-500/10 dark:text-red-200" : "bg-indigo-50 text-indigo-900 dark:bg-indigo-500/10 dark:text-indigo-200"}`}
        >
          <span>{notice.text}</span>
          <button type="button" className="text-xs underline" onClick={onDismiss}>
            {t("editor.dismiss")}
          </button>
        </div>
      ) : null}
    </>
  );
}
