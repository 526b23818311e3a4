/**
 * Serves the built console from memory. Each file (and the `.br` and `.gz` the build writes
 * beside it) is read once and answered in the same turn of the event loop as its request: a
 * file streamed from disk waits a thread-pool round trip per chunk, behind whatever API work
 * the loop is doing, and the Monitor's first load asks for its code and for ~30 series at once.
 *
 * A file changed on disk (a rebuild while the emulator runs) is read again: its size and
 * modification time are checked on every request. Unknown paths outside `/assets/` get the
 * page (client-side routes); unknown assets are not found.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join, normalize, sep } from "node:path";
import type { MiddlewareHandler } from "hono";
import { getMimeType } from "hono/utils/mime";

interface Variant {
  body: Buffer;
  etag: string;
}

interface Entry {
  size: number;
  mtimeMs: number;
  type: string;
  /** Keyed by content coding: "identity", "br", "gzip". */
  variants: Map<string, Variant>;
}

const CODINGS: [coding: string, suffix: string][] = [
  ["br", ".br"],
  ["gzip", ".gz"],
];

function variant(body: Buffer, coding: string): Variant {
  const hash = createHash("sha1").update(body).digest("base64url").slice(0, 22);
  return { body, etag: `"${hash}${coding === "identity" ? "" : `-${coding}`}"` };
}

/** Which content codings an Accept-Encoding header accepts (q=0 refuses one). */
export function acceptedCodings(header: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}

/** Does If-None-Match name this ETag (weak comparison, RFC 9110 §13.1.2)? */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

export function consoleFiles(root: string): MiddlewareHandler {
  const base = normalize(root + sep);
  const cache = new Map<string, Entry>();

  function load(path: string): Entry | undefined {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      cache.delete(path);
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const known = cache.get(path);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known;
    const variants = new Map<string, Variant>([
      ["identity", variant(readFileSync(path), "identity")],
    ]);
    for (const [coding, suffix] of CODINGS) {
      try {
        variants.set(coding, variant(readFileSync(path + suffix), coding));
      } catch {
        // No precompressed file of this coding: the others are sent.
      }
    }
    const type = getMimeType(path) ?? "application/octet-stream";
    const entry = { size: stat.size, mtimeMs: stat.mtimeMs, type, variants };
    cache.set(path, entry);
    return entry;
  }

  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    let name: string;
    try {
      name = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    const asset = name.startsWith("/assets/");
    const full = normalize(join(base, name));
    const inside = full.startsWith(base) && !name.includes("\0");
    let entry = inside ? load(full) : undefined;
    if (!entry && !asset) entry = load(join(base, "index.html"));
    if (!entry) return next();

    const codings = acceptedCodings(c.req.header("Accept-Encoding"));
    const coding =
      CODINGS.find(([k]) => codings.has(k) && entry.variants.has(k))?.[0] ?? "identity";
    const chosen = entry.variants.get(coding) as Variant;
    const headers: Record<string, string> = {
      "Content-Type": entry.type,
      ETag: chosen.etag,
      // Vite fingerprints asset names: they never change, so browsers may keep them for good.
      // The page names the current assets: browsers must always ask whether it changed.
      "Cache-Control":
        asset && !entry.type.startsWith("text/html")
          ? "public, max-age=31536000, immutable"
          : "no-cache",
    };
    if (entry.variants.size > 1) headers.Vary = "Accept-Encoding";
    if (coding !== "identity") headers["Content-Encoding"] = coding;
    if (notModified(c.req.header("If-None-Match"), chosen.etag)) return c.body(null, 304, headers);
    headers["Content-Length"] = String(chosen.body.length);
    if (c.req.method === "HEAD") return c.body(null, 200, headers);
    return c.body(new Uint8Array(chosen.body), 200, headers);
  };
}
