/** Blueprints checked and assessed without creating anything (contract §2, §5). */
import { Hono } from "hono";
import { assess, normalizeBlueprint, validateBlueprint } from "../../src/blueprint";
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
