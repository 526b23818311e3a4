import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { buttonClass } from "./Card";

export interface MenuItem {
  label: string;
  description?: string;
  onSelect: () => void;
}

/**
 * A menu button (WAI-ARIA menu pattern): Enter/Space/ArrowDown open it, arrows move between
 * items, Escape closes it and returns focus to the button.
 */
export function Menu({
  label,
  items,
  icon,
  className = "",
  align = "left",
}: {
  label: string;
  items: MenuItem[];
  icon?: ReactNode;
  className?: string;
  /** Which edge of the button the menu lines up with (right: for buttons near the right edge). */
  align?: "left" | "right";
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const first = list.current?.querySelector<HTMLElement>("[role=menuitem]");
    first?.focus();
    const onDown = (e: MouseEvent) => {
      if (!list.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node))
        setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  function onKeyDown(e: React.KeyboardEvent) {
    const itemsEls = [...(list.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const i = itemsEls.indexOf(document.activeElement as HTMLElement);
    if (e.key === "Escape") {
      setOpen(false);
      button.current?.focus();
    } else if (e.key === "Tab") {
      setOpen(false);
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      itemsEls[(i + 1) % itemsEls.length]?.focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      itemsEls[(i - 1 + itemsEls.length) % itemsEls.length]?.focus();
    }
  }

  return (
    <div className={`relative ${className}`}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        className={buttonClass()}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {icon}
        {label}
        <span aria-hidden="true" className="text-xs text-slate-500 dark:text-slate-400">
          ▾
        </span>
      </button>
      {open ? (
        <div
          ref={list}
          id={id}
          role="menu"
          aria-label={label}
          tabIndex={-1}
          onKeyDown={onKeyDown}
          className={`absolute top-full ${align === "right" ? "right-0" : "left-0"} z-50 mt-1 w-72 max-w-[calc(100vw-1.5rem)] rounded-lg border border-slate-200 bg-white p-1 shadow-xl dark:border-slate-700 dark:bg-slate-900`}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                // Focus goes back to the menu's button (the item is about to disappear); an
                // item that opens something else moves it on from there.
                button.current?.focus();
                item.onSelect();
              }}
              className="block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 focus:bg-indigo-50 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-indigo-500/15"
            >
              <span className="block font-medium">{item.label}</span>
              {item.description ? (
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  {item.description}
                </span>
              ) : null}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
