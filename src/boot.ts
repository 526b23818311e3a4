/**
 * The first thing the console runs (main.tsx imports it before React and the app): on the
 * Monitor, it starts the page's requests and its code at once, instead of once the app has
 * loaded, rendered its shell and reached the route. The route's own preload then finds these
 * requests under way (see api/preload.ts) and the lazy page its module already loading.
 */
import { matchPath } from "react-router";
import { currentApiSettings } from "./api/settings";
import { MONITOR_ROUTE, preloadMonitor } from "./monitor/preload";

const monitor = matchPath(`/${MONITOR_ROUTE}`, location.pathname);
if (monitor?.params.id) {
  void preloadMonitor(currentApiSettings(), monitor.params.id);
  void import("./monitor/MonitorPage").catch(() => undefined);
}
