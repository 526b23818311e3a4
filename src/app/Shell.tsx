import { type ComponentType, type SVGProps, useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation, useMatch } from "react-router";
import { focusHeadingAfterNavigation } from "../ui/focus";
import { DesignerIcon, LogoMark, ProjectsIcon, SettingsIcon } from "../ui/icons";

interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
}

const NAV: NavItem[] = [
  { to: "/designer", label: "Designer", icon: DesignerIcon },
  { to: "/projects", label: "Projects", icon: ProjectsIcon },
  { to: "/settings", label: "Settings", icon: SettingsIcon },
];

export function Shell() {
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
  return (
    <div className="flex h-full min-h-0">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-indigo-600 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <nav
        aria-label="Main"
        className={`flex shrink-0 flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${compact ? "w-14" : "w-56"}`}
      >
        <div
          className={`flex h-14 items-center gap-2.5 border-b border-slate-200 dark:border-slate-800 ${compact ? "justify-center" : "px-4"}`}
        >
          <LogoMark />
          {compact ? null : (
            <div className="leading-tight">
              <div className="text-sm font-semibold tracking-tight">Tesserra</div>
              <div className="text-xs text-slate-500 dark:text-slate-400">Console</div>
            </div>
          )}
        </div>
        <ul className="flex flex-1 flex-col gap-1 p-2">
          {NAV.map(({ to, label, icon: NavIcon }) => (
            <li key={to}>
              <NavLink
                to={to}
                aria-label={compact ? label : undefined}
                title={compact ? label : undefined}
                className={({ isActive }) =>
                  `flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors ${
                    isActive
                      ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300"
                      : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
                  }`
                }
              >
                <NavIcon />
                {compact ? null : label}
              </NavLink>
            </li>
          ))}
        </ul>
        {compact ? null : (
          <div className="border-t border-slate-200 p-3 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
            Blueprint format v1
          </div>
        )}
      </nav>
      <main id="main" className="flex min-w-0 flex-1 flex-col overflow-auto">
        <Outlet />
      </main>
    </div>
  );
}
