/**
 * Where the console sends its API calls, and with which token. The base URL is a preference
 * (localStorage); the token is a secret: it lives in memory for the tab and in sessionStorage,
 * so it survives a reload but never outlives the tab, and is never written to localStorage.
 */
import { create } from "zustand";

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
    throw new Error(
      `"${trimmed}" is not a URL. Use a full address such as http://127.0.0.1:4400, or leave it empty for this console's own server.`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error("The API address must start with http:// or https://.");
  return url.toString().replace(/\/+$/, "");
}

function initial(): ApiSettings {
  const baseUrl = read(() => localStorage, BASE_URL_KEY) ?? "";
  const token = read(() => sessionStorage, TOKEN_KEY) ?? (baseUrl === "" ? EMULATOR_DEV_TOKEN : "");
  return { baseUrl, token };
}

interface SettingsStore extends ApiSettings {
  save(next: ApiSettings): void;
}

export const useApiSettings = create<SettingsStore>((set) => ({
  ...initial(),
  save(next) {
    write(() => localStorage, BASE_URL_KEY, next.baseUrl);
    write(() => sessionStorage, TOKEN_KEY, next.token);
    set(next);
  },
}));

export function currentApiSettings(): ApiSettings {
  const { baseUrl, token } = useApiSettings.getState();
  return { baseUrl, token };
}
