/**
 * The browser the e2e suite and the benchmarks run: Debian's chromium where it exists (CI and
 * this machine), Playwright's own elsewhere, with the flags of a quiet headless run.
 */
import { existsSync } from "node:fs";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export const chromiumPath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // New headless Chromium is the whole browser: each new context preloads the omnibox popup's
  // WebUI in a renderer of its own, which here burns about as much CPU as the page under test
  // (1.8 s per context on two cores, measured in a trace). Chromium merges this list with
  // Playwright's own --disable-features.
  "--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup",
];
