import type { ComponentType, SVGProps } from "react";
import { NavLink } from "react-router";

/** One entry of the console's navigation: an icon, and its label when there is room. */
export function ShellNavLink({
  to,
  label,
  icon: NavIcon,
  labels,
}: {
  to: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  labels: boolean;
}) {
  return (
    <li>
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
}
