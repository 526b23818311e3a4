/**
 * The first thing the console runs (main.tsx imports it before React and the app): on the
 * Monitor, it starts the page's requests and its code at once, instead of once the app has
 * loaded, rendered its shell and reached the route. The route's own preload then finds these
 * requests under way (see api/preload.ts) and the lazy page its module already loading.
 */
import { currentApiSettings } from "./api/settings";
import { preloadMonitor } from "./monitor/preload";

const monitor = /^\/projects\/([^/]+)\/monitor\/?$/.exec(location.pathname);
if (monitor) {
  void preloadMonitor(currentApiSettings(), decodeURIComponent(monitor[1]));
  void import("./monitor/MonitorPage").catch(() => undefined);
}
