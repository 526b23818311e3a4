import { QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import { currentApiSettings } from "../api/settings";
import { MONITOR_ROUTE, preloadMonitor } from "../monitor/preload";
import { createQueryClient } from "./queryClient";
import { NotFoundPage, PageLoading, RouteError } from "./RouteStates";
import { Shell } from "./Shell";

// Each page is its own chunk: the designer's editor code never loads on Projects, and back.
const DesignerPage = lazy(() =>
  import("../designer/DesignerPage").then((m) => ({ default: m.DesignerPage })),
);
const ProjectsPage = lazy(() =>
  import("../projects/ProjectsPage").then((m) => ({ default: m.ProjectsPage })),
);
const ProjectPage = lazy(() =>
  import("../projects/ProjectPage").then((m) => ({ default: m.ProjectPage })),
);
const loadMonitor = () => import("../monitor/MonitorPage");
const LazyMonitorPage = lazy(() => loadMonitor().then((m) => ({ default: m.MonitorPage })));
/** The Monitor's page once its code is in (see monitorPageReady). */
let LoadedMonitorPage: typeof import("../monitor/MonitorPage")["MonitorPage"] | undefined;

/**
 * Resolves once the Monitor's code has loaded, for a first render on the Monitor's address: the
 * page then renders at once, instead of its placeholder first and the page in a second pass.
 */
export function monitorPageReady(): Promise<void> {
  return loadMonitor().then((m) => {
    LoadedMonitorPage = m.MonitorPage;
  });
}

function MonitorRoute() {
  return page(LoadedMonitorPage ? <LoadedMonitorPage /> : <LazyMonitorPage />);
}
const DrillPage = lazy(() =>
  import("../monitor/DrillPage").then((m) => ({ default: m.DrillPage })),
);
const RunbookPage = lazy(() =>
  import("../monitor/runbook/RunbookPage").then((m) => ({ default: m.RunbookPage })),
);
const ReviewPage = lazy(() =>
  import("../projects/review/ReviewPage").then((m) => ({ default: m.ReviewPage })),
);
const InboxPage = lazy(() =>
  import("../projects/review/InboxPage").then((m) => ({ default: m.InboxPage })),
);
const SettingsPage = lazy(() =>
  import("./SettingsPage").then((m) => ({ default: m.SettingsPage })),
);

function page(element: React.ReactNode) {
  return <Suspense fallback={<PageLoading />}>{element}</Suspense>;
}

/**
 * Starts the Monitor's requests at navigation, in parallel with loading the page's code
 * (the page would otherwise ask only once its chunk had arrived and rendered).
 */
function preloadMonitorRoute({ params }: { params: { id?: string } }) {
  if (params.id) void preloadMonitor(currentApiSettings(), params.id);
  return null;
}

const router = createBrowserRouter([
  {
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/designer" replace /> },
      { path: "designer", element: page(<DesignerPage />) },
      { path: "designer/:draftId", element: page(<DesignerPage />) },
      { path: "projects", element: page(<ProjectsPage />) },
      { path: "projects/:id", element: page(<ProjectPage />) },
      {
        path: MONITOR_ROUTE,
        loader: preloadMonitorRoute,
        element: <MonitorRoute />,
      },
      { path: "projects/:id/drills/:drillId", element: page(<DrillPage />) },
      { path: "projects/:id/runbook", element: page(<RunbookPage />) },
      { path: "projects/:id/reviews/:rid", element: page(<ReviewPage />) },
      { path: "reviews", element: page(<InboxPage />) },
      { path: "settings", element: page(<SettingsPage />) },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
