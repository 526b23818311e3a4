// First: starts the route's requests and code. The build also loads it as a script of its own
// ahead of this bundle (see bootFirst in vite.config.ts); imported here for the dev server.
import "./boot";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// Catalogs read outside components; imported here so the first loadLocale covers them.
import "./api/explain";
import { App, monitorPageReady } from "./app/App";
import { currentLocale, loadLocale, subscribeLocale } from "./i18n";
import "./index.css";
import { monitorProjectId } from "./monitor/preload";
import "./ui/i18nCatalog";

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element.");

// The page's language follows the console's, for screen readers and hyphenation.
const syncLang = () => {
  document.documentElement.lang = currentLocale();
};
syncLang();
subscribeLocale(syncLang);

// The shell's words, the glossary and the error explanations (read outside components, so they
// cannot wait for their words: their catalogs are imported above) are loaded before the first
// paint; nothing to load in English. On the Monitor, so is the page's code (boot.ts asked for it
// at once): the first render draws the page, not a placeholder to be replaced a moment later.
void Promise.all([
  loadLocale(currentLocale()).catch(() => undefined),
  monitorProjectId(location.pathname) ? monitorPageReady().catch(() => undefined) : undefined,
]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
