import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { apiMessages } from "./api/explain";
import { App } from "./app/App";
import { currentLocale, loadLocale, subscribeLocale } from "./i18n";
import "./index.css";
import { uiMessages } from "./ui/i18nCatalog";

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element.");

// The page's language follows the console's, for screen readers and hyphenation.
const syncLang = () => {
  document.documentElement.lang = currentLocale();
};
syncLang();
subscribeLocale(syncLang);

// The shell's words, the glossary and the error explanations (read outside components, so they
// cannot wait for their words) are loaded before the first paint; nothing to load in English.
void Promise.all([uiMessages, apiMessages])
  .then(() => loadLocale(currentLocale()))
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
