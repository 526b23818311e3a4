/** Account plans and what each allows (contract §1, "Plans"). */
export const PLANS = ["starter", "business", "enterprise"] as const;
export type Plano = (typeof PLANS)[number];

export const RESILIENCE_LEVELS = ["zona-unica", "multi-zona", "multi-regiao"] as const;
export type Resiliencia = (typeof RESILIENCE_LEVELS)[number];

export const REPLICATION_MODES = ["assincrona", "sincrona"] as const;
export type Replicacao = (typeof REPLICATION_MODES)[number];

export interface PlanRules {
  resiliencia: readonly Resiliencia[];
  replicacao: readonly Replicacao[];
}

export const PLAN_RULES: Record<Plano, PlanRules> = {
  starter: { resiliencia: ["zona-unica", "multi-zona"], replicacao: ["assincrona"] },
  business: { resiliencia: RESILIENCE_LEVELS, replicacao: ["assincrona"] },
  enterprise: { resiliencia: RESILIENCE_LEVELS, replicacao: REPLICATION_MODES },
};

export function isPlano(value: unknown): value is Plano {
  return typeof value === "string" && (PLANS as readonly string[]).includes(value);
}

/** Default `regioes` by resilience level (contract §1). */
export function defaultRegions(resiliencia: Resiliencia): string[] {
  return resiliencia === "multi-regiao"
    ? ["sa-east-1", "us-east-1", "eu-central-1"]
    : ["sa-east-1"];
}

/**
 * The regions a stored blueprint runs in, read defensively from its JSON (a project's answer
 * carries the blueprint as a plain record): `regioes`, or the level's default.
 */
export function blueprintRegions(blueprint: Readonly<Record<string, unknown>>): string[] {
  const { regioes, resiliencia } = blueprint;
  if (Array.isArray(regioes) && regioes.every((r) => typeof r === "string")) return regioes;
  return (RESILIENCE_LEVELS as readonly unknown[]).includes(resiliencia)
    ? defaultRegions(resiliencia as Resiliencia)
    : [];
}
