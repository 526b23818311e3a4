import { type ReactNode, useEffect, useRef } from "react";
import { focusMainHeading } from "./focus";

/**
 * A modal dialog on the native <dialog> element: focus moves in and is trapped by the browser,
 * Escape closes it, and focus returns to where it was.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  footer,
  wide,
}: {
  /** Room for a table or a chart (max-w-3xl instead of max-w-lg). */
  wide?: boolean;
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      opener.current = document.activeElement;
      el.showModal();
    }
    if (!open && el.open) el.close();
  }, [open]);
  // Focus returns to the control that opened the dialog; when that is gone or disabled (a
  // "Run drill" button while the drill runs), to the page's heading, never to <body>.
  const restoreFocus = () => {
    const back = opener.current as HTMLElement | null;
    if (!back) return;
    opener.current = null;
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return; // moved on already
      if (back.isConnected && !(back as HTMLButtonElement).disabled) back.focus();
      else focusMainHeading();
    });
  };
  // A dialog removed while open (its parent stops rendering it) never fires "close".
  const restore = useRef(restoreFocus);
  restore.current = restoreFocus;
  useEffect(() => () => restore.current(), []);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={() => {
        restoreFocus();
        onClose();
      }}
      onCancel={onClose}
      className={`m-auto w-full ${wide ? "max-w-3xl" : "max-w-lg"} rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`}
    >
      <div className="border-b border-slate-200 px-5 py-4 dark:border-slate-800">
        <h2 className="text-base font-semibold">{title}</h2>
      </div>
      <div className="px-5 py-4 text-sm">{children}</div>
      {footer ? (
        <div className="flex justify-end gap-2 border-t border-slate-200 bg-slate-50 px-5 py-3 dark:border-slate-800 dark:bg-slate-950/40">
          {footer}
        </div>
      ) : null}
    </dialog>
  );
}
