import {
  type ComponentType,
  lazy,
  Suspense,
  type SVGProps,
  useEffect,
  useRef,
  useState,
} from "react";
import { Outlet, useLocation, useMatch } from "react-router";
import { focusHeadingAfterNavigation } from "../ui/focus";
import { useT } from "../ui/i18n";
import { DesignerIcon, LogoMark, ProjectsIcon, SettingsIcon } from "../ui/icons";
import { appMessages } from "./i18n";
import { ShellNavLink } from "./ShellNavLink";

interface NavItem {
  to: string;
  label: "nav.designer" | "nav.projects" | "nav.settings";
  icon: ComponentType<SVGProps<SVGSVGElement>>;
}

const NAV: NavItem[] = [
  { to: "/designer", label: "nav.designer", icon: DesignerIcon },
  { to: "/projects", label: "nav.projects", icon: ProjectsIcon },
  { to: "/settings", label: "nav.settings", icon: SettingsIcon },
];

// The Reviews entry, between Projects and Settings, shows only for a reviewer's token.
const ReviewerNavItem = lazy(() => import("./ReviewerNavItem"));

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
  const links = (labels: boolean) => [
    ...NAV.slice(0, 2).map((item) => (
      <ShellNavLink
        key={item.to}
        to={item.to}
        label={t(item.label)}
        icon={item.icon}
        labels={labels}
      />
    )),
    <Suspense key="/reviews" fallback={null}>
      <ReviewerNavItem labels={labels} />
    </Suspense>,
    ...NAV.slice(2).map((item) => (
      <ShellNavLink
        key={item.to}
        to={item.to}
        label={t(item.label)}
        icon={item.icon}
        labels={labels}
      />
    )),
  ];
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
