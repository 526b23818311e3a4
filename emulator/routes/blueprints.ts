/** Blueprints checked, assessed and optimised without creating anything (contract §2, §5, §8). */

import type { Context } from "hono";
import { Hono } from "hono";
import * as z from "zod";
import type { Finding } from "../../src/blueprint";
import { assess, normalizeBlueprint, PLANS, validateBlueprint } from "../../src/blueprint";
import { optimize } from "../../src/blueprint/optimize";
import { type Env, invalidRequest, planOf, problemResponse, readJson } from "../http";
import { localeOf, problemT } from "../i18n";

/** 422 for a blueprint that cannot be assessed or searched, with every finding. */
const unassessable = (c: Context, problemas: Finding[]) =>
  problemResponse(422, problemT(c)("invalid.title"), problemT(c)("invalidAssess.detail"), {
    type: "https://tesserra.dev/problemas/blueprint-invalido",
    problemas,
  });

export function blueprintRoutes() {
  const app = new Hono<Env>();

  app.post("/blueprints/avaliar", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    // An estimate needs a valid design, not a plan that allows it: no plan rules here.
    const result = validateBlueprint(body.value, { locale: localeOf(c) });
    if (!result.valido || !result.blueprint) return unassessable(c, result.problemas);
    // The token's plan decides only which fixes are offered (none it would refuse).
    return c.json(
      assess(normalizeBlueprint(result.blueprint), {
        locale: localeOf(c),
        plano: planOf(c.get("account")),
      }),
    );
  });

  /** `POST /v1/blueprints/otimizar` `{ blueprint, plano? }`: the plan defaults to the token's. */
  const OptimizeRequest = z.strictObject({
    blueprint: z.unknown(),
    plano: z.enum(PLANS).optional(),
  });
  app.post("/blueprints/otimizar", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const request = OptimizeRequest.safeParse(body.value);
    if (!request.success || request.data.blueprint === undefined)
      return invalidRequest(
        c,
        request.success ? [{ path: ["blueprint"], message: "Required" }] : request.error.issues,
      );
    // A rule error is no reason to refuse (a candidate may not have it); a wrong shape is.
    const result = validateBlueprint(request.data.blueprint, { locale: localeOf(c) });
    if (!result.blueprint) return unassessable(c, result.problemas);
    return c.json(
      optimize(result.blueprint, {
        plano: request.data.plano ?? planOf(c.get("account")),
        locale: localeOf(c),
      }),
    );
  });

  app.post("/blueprints/validar", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const { valido, problemas } = validateBlueprint(body.value, {
      plano: planOf(c.get("account")),
      locale: localeOf(c),
    });
    return c.json({ valido, problemas });
  });

  return app;
}
