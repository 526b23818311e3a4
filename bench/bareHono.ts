/**
 * The serving baseline: a bare hono server on @hono/node-server that answers one project's
 * JSON and ETag from memory, with nothing else (no auth, no database, no middleware). The API
 * bench runs it beside the emulator so their ratio says what the emulator's own work costs.
 * Reads the body and the ETag from BARE_BODY and BARE_ETAG.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const body = process.env.BARE_BODY ?? "{}";
const etag = process.env.BARE_ETAG ?? '"x"';
const app = new Hono();
app.get("/v1/projetos/:id", (c) =>
  c.body(body, 200, { "Content-Type": "application/json", ETag: etag }),
);
serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  console.log(`bare hono listening on http://127.0.0.1:${info.port}`);
});
