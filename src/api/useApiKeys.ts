import { useMemo } from "react";
import { apiKeys } from "./keys";
import { useApiSettings } from "./settings";

/** The query keys for the API the console talks to now (its address and token are in them). */
export function useApiKeys() {
  const baseUrl = useApiSettings((s) => s.baseUrl);
  const token = useApiSettings((s) => s.token);
  return useMemo(() => apiKeys({ baseUrl, token }), [baseUrl, token]);
}
