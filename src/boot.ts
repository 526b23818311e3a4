/**
 * The console's first script, an entry of its own in index.html: it is small, so it runs while
 * the app's bundle is still arriving and being compiled. On the Monitor it starts the page's
 * requests and its code at once, instead of once the app has loaded, rendered its shell and
 * reached the route. The route's own preload then finds these requests under way (see
 * api/preload.ts) and the lazy page its module already loading. It must not import React, the
 * router or the app: whatever it imports is loaded before it runs.
 */
import { currentApiSettings } from "./api/settings";
import { monitorProjectId, preloadMonitor } from "./monitor/preload";

const id = monitorProjectId(location.pathname);
if (id) {
  // The page's code first: the emulator serves it at once, before it starts computing series.
  void import("./monitor/MonitorPage").catch(() => undefined);
  void preloadMonitor(currentApiSettings(), id);
}
