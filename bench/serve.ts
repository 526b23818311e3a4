/** A static file server on an ephemeral loopback port, for benchmark pages built into a folder. */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
};

export async function serveDir(
  dir: string,
  index = "index.html",
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = join(dir, (req.url ?? "/").split("?")[0].replace(/^\/$/, `/${index}`));
    try {
      const body = readFileSync(path);
      res.setHeader(
        "Content-Type",
        TYPES[path.slice(path.lastIndexOf("."))] ?? "application/octet-stream",
      );
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
