/** Blueprints checked, assessed and optimised without creating anything (contract §2, §5, §8). */
import { Hono } from "hono";
import * as z from "zod";
import { assess, normalizeBlueprint, PLANS, validateBlueprint } from "../../src/blueprint";
import { optimize } from "../../src/blueprint/optimize";
import { type Env, planOf, problemResponse, readJson } from "../http";
import { localeOf, problemT } from "../i18n";

export function blueprintRoutes() {
  const app = new Hono<Env>();

  app.post("/blueprints/avaliar", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    // An estimate needs a valid design, not a plan that allows it: no plan rules here.
    const result = validateBlueprint(body.value, { locale: localeOf(c) });
    if (!result.valido || !result.blueprint)
      return problemResponse(
        422,
        problemT(c)("invalid.title"),
        problemT(c)("invalidAssess.detail"),
        { type: "https://tesserra.dev/problemas/blueprint-invalido", problemas: result.problemas },
      );
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
      return problemResponse(
        422,
        problemT(c)("reviewInvalid.title"),
        problemT(c)("reviewInvalid.detail"),
        {
          problemas: (request.success
            ? [{ path: ["blueprint"], message: "Required" }]
            : request.error.issues
          ).map((i) => ({
            ponteiro: `/${i.path.map(String).join("/")}`,
            codigo: "esquema",
            severidade: "erro",
            mensagem: i.message,
          })),
        },
      );
    // A rule error is no reason to refuse (a candidate may not have it); a wrong shape is.
    const result = validateBlueprint(request.data.blueprint, { locale: localeOf(c) });
    if (!result.blueprint)
      return problemResponse(
        422,
        problemT(c)("invalid.title"),
        problemT(c)("invalidAssess.detail"),
        { type: "https://tesserra.dev/problemas/blueprint-invalido", problemas: result.problemas },
      );
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
