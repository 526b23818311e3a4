/**
 * Where the console sends its API calls, and with which token. The base URL is a preference
 * (localStorage); the token is a secret: it lives in memory for the tab and in sessionStorage,
 * so it survives a reload but never outlives the tab, and is never written to localStorage.
 */
import { create } from "zustand";
import { apiT } from "./explain";

const BASE_URL_KEY = "tesserra.apiBaseUrl";
const TOKEN_KEY = "tesserra.apiToken";
/** The embedded emulator's default token (TESSERRA_TOKENS default: dev=demo:enterprise). */
export const EMULATOR_DEV_TOKEN = "dev";

export interface ApiSettings {
  /** "" is the origin the console was served from (the embedded emulator). */
  baseUrl: string;
  token: string;
}

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function write(storage: () => Storage, key: string, value: string) {
  try {
    storage().setItem(key, value);
  } catch {
    // Storage may be disabled (private mode); the setting still holds for this tab.
  }
}

/** A base URL without a trailing slash; "" for same origin. Throws a message for people. */
export function normalizeBaseUrl(input: string): string {
  const trimmed = input.trim();
  if (trimmed === "" || trimmed === "/") return "";
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(apiT()("url.invalid", { input: trimmed }));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(apiT()("url.protocol"));
  return url.toString().replace(/\/+$/, "");
}

function remove(storage: () => Storage, key: string) {
  try {
    storage().removeItem(key);
  } catch {
    // Nothing stored where storage is disabled.
  }
}

/**
 * The token calls carry: the one set, or, with none set and the console's own server as the
 * API, the embedded emulator's default (as the README promises) — never an empty one.
 */
export function effectiveToken(baseUrl: string, token: string): string {
  return token.trim() || (baseUrl === "" ? EMULATOR_DEV_TOKEN : "");
}

function initial(): ApiSettings {
  const baseUrl = read(() => localStorage, BASE_URL_KEY) ?? "";
  const token = effectiveToken(baseUrl, read(() => sessionStorage, TOKEN_KEY) ?? "");
  return { baseUrl, token };
}

interface SettingsStore extends ApiSettings {
  save(next: ApiSettings): void;
}

export const useApiSettings = create<SettingsStore>((set) => ({
  ...initial(),
  save(next) {
    write(() => localStorage, BASE_URL_KEY, next.baseUrl);
    const token = next.token.trim();
    if (token) write(() => sessionStorage, TOKEN_KEY, token);
    else remove(() => sessionStorage, TOKEN_KEY);
    set({ baseUrl: next.baseUrl, token: effectiveToken(next.baseUrl, token) });
  },
}));

export function currentApiSettings(): ApiSettings {
  const { baseUrl, token } = useApiSettings.getState();
  return { baseUrl, token };
}
