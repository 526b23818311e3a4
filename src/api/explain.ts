/**
 * A failed call in people's words: what happened and what to do next. The API's own message
 * (status, problem title and detail) stays available as the technical detail.
 */
import type { ApiErrorKind } from "./client";

export interface Explained {
  what: string;
  next: string;
  detail: string;
}

export function explainError(error: {
  kind: ApiErrorKind;
  status?: number;
  message: string;
}): Explained {
  const detail = error.message;
  if (error.kind === "network")
    return {
      what: "The console cannot reach the API.",
      next: "Check that the API is running (npm start runs the embedded emulator) and that the address in Settings is right. The console tries again by itself when it is back.",
      detail,
    };
  if (error.kind === "contract")
    return {
      what: "The API answered in a form this console does not understand.",
      next: "Check in Settings that the address points to a Tesserra API of this version.",
      detail,
    };
  const status = error.status ?? 0;
  const table: Record<number, [string, string]> = {
    401: [
      "The API did not accept your token.",
      "Open Settings and enter a valid token, or leave it empty to use the embedded emulator's default.",
    ],
    403: [
      "Your account is not allowed to do this.",
      "A higher plan or another account may allow it; the detail says which rule refused it.",
    ],
    404: [
      "It was not found.",
      "It may have been deleted, or it belongs to another account. Go back to the list.",
    ],
    409: [
      "Something changed at the same time.",
      "Reload to see the current state, then try again.",
    ],
    412: [
      "Someone changed this project since you loaded it.",
      "Plan again against the newest version.",
    ],
    422: ["The API found problems in what was sent.", "Fix the problems listed, then try again."],
    429: ["Too many requests in a short time.", "Wait a few seconds, then try again."],
  };
  const [what, next] =
    table[status] ??
    (status >= 500
      ? ["The API failed on its side.", "Try again; if it keeps failing, check the server's log."]
      : ["The API refused the request.", "See the detail for what it said."]);
  return { what, next, detail };
}
