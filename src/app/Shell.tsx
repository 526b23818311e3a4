import { type ComponentType, type SVGProps, useEffect, useRef, useState } from "react";
import { NavLink, Outlet, useLocation, useMatch } from "react-router";
import { useConta } from "../api/hooks";
import { focusHeadingAfterNavigation } from "../ui/focus";
import { useT } from "../ui/i18n";
import { DesignerIcon, LogoMark, ProjectsIcon, ReviewsIcon, SettingsIcon } from "../ui/icons";
import { appMessages } from "./i18n";

interface NavItem {
  to: string;
  label: "nav.designer" | "nav.projects" | "nav.reviews" | "nav.settings";
  icon: ComponentType<SVGProps<SVGSVGElement>>;
}

const NAV: NavItem[] = [
  { to: "/designer", label: "nav.designer", icon: DesignerIcon },
  { to: "/projects", label: "nav.projects", icon: ProjectsIcon },
  { to: "/settings", label: "nav.settings", icon: SettingsIcon },
];

/** Tesserra engineering's inbox, in the navigation for a reviewer's token only. */
const REVIEWS: NavItem = { to: "/reviews", label: "nav.reviews", icon: ReviewsIcon };

export function Shell() {
  const t = useT(appMessages);
  // The editor needs the width: there the rail shows icons only.
  const compact = useMatch("/designer/:draftId") !== null;
  // A page change moves focus to the new page's heading (not on the first load, where the
  // browser starts at the top of the document).
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each page change
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    return focusHeadingAfterNavigation(document.activeElement);
  }, [pathname]);
  const [menuOpen, setMenuOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a page change closes the menu
  useEffect(() => setMenuOpen(false), [pathname]);
  const conta = useConta();
  const nav = conta.data?.papel === "revisor" ? [NAV[0], NAV[1], REVIEWS, NAV[2]] : NAV;
  const links = (labels: boolean) =>
    nav.map(({ to, label: key, icon: NavIcon }) => {
      const label = t(key);
      return (
        <li key={to}>
          <NavLink
            to={to}
            aria-label={labels ? undefined : label}
            title={labels ? undefined : label}
            className={({ isActive }) =>
              `flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors ${
                isActive
                  ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300"
                  : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
              }`
            }
          >
            <NavIcon />
            {labels ? label : null}
          </NavLink>
        </li>
      );
    });
  // The editor fills the window; every other page is a document that scrolls (and prints) whole.
  return (
    <div className={`flex flex-col md:flex-row ${compact ? "h-full min-h-0" : "min-h-full"}`}>
      <a
        href="#main"
        className="sr-only z-50 rounded bg-indigo-600 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        {t("nav.skip")}
      </a>
      {/* Narrow screens: a top bar with a menu instead of the rail. */}
      <header className="flex h-12 shrink-0 items-center gap-2.5 border-b border-slate-200 bg-white px-3 md:hidden dark:border-slate-800 dark:bg-slate-900 print:hidden">
        <LogoMark />
        <span className="text-sm font-semibold tracking-tight">Tesserra Console</span>
        <button
          type="button"
          className="ml-auto inline-flex min-h-9 items-center gap-1.5 rounded-md border border-slate-300 px-3 text-sm font-medium dark:border-slate-700"
          aria-expanded={menuOpen}
          aria-controls="main-menu"
          onClick={() => setMenuOpen((o) => !o)}
        >
          {t("nav.menu")}
        </button>
      </header>
      <nav
        id="main-menu"
        aria-label={t("nav.main")}
        className={`${menuOpen ? "flex" : "hidden"} shrink-0 flex-col border-slate-200 bg-white max-md:border-b md:sticky md:top-0 md:flex md:h-screen md:border-r dark:border-slate-800 dark:bg-slate-900 print:hidden ${compact ? "md:w-14" : "md:w-56"}`}
      >
        <div
          className={`hidden h-14 items-center gap-2.5 border-b border-slate-200 md:flex dark:border-slate-800 ${compact ? "justify-center" : "px-4"}`}
        >
          <LogoMark />
          {compact ? null : (
            <div className="leading-tight">
              <div className="text-sm font-semibold tracking-tight">Tesserra</div>
              <div className="text-xs text-slate-500 dark:text-slate-400">Console</div>
            </div>
          )}
        </div>
        <ul className="flex flex-1 flex-col gap-1 p-2">{links(!compact || menuOpen)}</ul>
        {compact ? null : (
          <div className="hidden border-t border-slate-200 p-3 text-xs text-slate-500 md:block dark:border-slate-800 dark:text-slate-400">
            {t("nav.format")}
          </div>
        )}
      </nav>
      <main
        id="main"
        className={`flex min-w-0 flex-1 flex-col ${compact ? "min-h-0 overflow-hidden" : ""}`}
      >
        <Outlet />
      </main>
    </div>
  );
}
