/** The account a token speaks for, and the region catalog (contract §2). */
import { Hono } from "hono";
import { REGIONS, zonesOf } from "../../src/blueprint";
import type { Env } from "../http";

export function accountRoutes() {
  const app = new Hono<Env>();
  app.get("/conta", (c) => c.json(c.get("account")));
  app.get("/regioes", (c) =>
    c.json(
      REGIONS.map((r) => ({
        id: r.id,
        cidade: r.city,
        continente: r.continent,
        lat: r.lat,
        lon: r.lon,
        zonas: zonesOf(r.id),
      })),
    ),
  );
  return app;
}
