/**
 * Undo history over whole documents (they are small and immutable, so a step is a pointer,
 * not a diff). Consecutive edits with the same coalescing key within a short time merge into
 * one step, so typing a name or a JSON edit undoes as one change, not one per keystroke.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Key and time of the last commit, for coalescing. */
  lastKey?: string;
  lastAt?: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1_000;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function commit<T>(h: History<T>, next: T, key?: string, now = Date.now()): History<T> {
  if (next === h.present) return h;
  const merge = key !== undefined && key === h.lastKey && now - (h.lastAt ?? 0) < COALESCE_MS;
  const past = merge ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: key, lastAt: now };
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past.at(-1);
  if (prev === undefined) return h;
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: rest };
}
