/**
 * The optimiser's reference: every candidate of contract §8 enumerated literally (no pruning),
 * each validated and assessed like any design. Only tests and benches import this module.
 */
import { assess } from "./assess";
import { normalizeBlueprint } from "./normalize";
import { changesBetween } from "./optimize";
import type { Plano } from "./plans";
import { REGIONS } from "./regions";
import type { Blueprint, NormalizedBlueprint } from "./schema";
import { validateBlueprint } from "./validate";

type Recurso = NormalizedBlueprint["recursos"][number];

/**
 * Every candidate of contract §8, enumerated literally (no pruning), each validated and
 * assessed like any design: the reference the optimiser's answers are checked against.
 */
export function* candidates(input: Blueprint): Generator<NormalizedBlueprint> {
  const bp = normalizeBlueprint(input);
  const first = bp.regioes[0];
  const others = REGIONS.map((r) => r.id).filter((r) => r !== first);
  const outers: { regioes: string[]; resiliencia: NormalizedBlueprint["resiliencia"] }[] = [
    { regioes: [first], resiliencia: "multi-zona" },
    { regioes: [first], resiliencia: "zona-unica" },
  ];
  for (let mask = 1; mask < 1 << others.length; mask++) {
    const set = others.filter((_, i) => mask & (1 << i));
    if (set.length > 3) continue;
    const kept = bp.regioes.filter((r) => set.includes(r));
    const added = others.filter((r) => set.includes(r) && !kept.includes(r));
    outers.push({ regioes: [first, ...kept, ...added], resiliencia: "multi-regiao" });
  }
  const gateway = bp.recursos.findIndex((r) => r.tipo === "gateway");
  for (const outer of outers) {
    const R = outer.regioes.length;
    // Each resource's settings under this outer.
    const settings: Recurso[][] = bp.recursos.map((r, i) => {
      const cfg = (extra: object) => ({ ...r, config: { ...r.config, ...extra } }) as Recurso;
      if (r.tipo === "compute") {
        const mins =
          r.config.subtipo === "web"
            ? [R, 2 * R, 3 * R]
            : [Math.max(r.config.replicas_min, outer.resiliencia === "multi-zona" ? 2 : R)];
        return mins.map((min) =>
          cfg({ replicas_min: min, replicas_max: Math.max(r.config.replicas_max, min) }),
        );
      }
      if (r.tipo === "datastore")
        return [true, false].flatMap((ha) =>
          (["assincrona", "sincrona"] as const).map((replicacao) => cfg({ ha, replicacao })),
        );
      if (r.tipo === "archive")
        return (["padrao", "fria"] as const).map((classe) => cfg({ classe }));
      if (i === gateway && r.tipo === "gateway")
        return [5, 10, 15, 30].flatMap((intervalo_s) =>
          [1, 2, 3].map((falhas_para_failover) =>
            cfg({
              health_check: { ...r.config.health_check, intervalo_s, falhas_para_failover },
            }),
          ),
        );
      return [r];
    });
    const walk = function* (i: number, acc: Recurso[]): Generator<NormalizedBlueprint> {
      if (i === settings.length) {
        yield { ...bp, ...outer, recursos: acc };
        return;
      }
      for (const s of settings[i]) yield* walk(i + 1, [...acc, s]);
    };
    yield* walk(0, []);
  }
}

export interface Judged {
  bp: NormalizedBlueprint;
  valid: boolean;
  qualifies: boolean;
  custo: number;
  estimate: number;
  changes: number;
  D: number;
  replicas: number;
}

export function judge(input: Blueprint, plano: Plano): Judged[] {
  const from = normalizeBlueprint(input);
  const out: Judged[] = [];
  for (const bp of candidates(input)) {
    const valid = validateBlueprint(bp, { plano }).valido;
    const a = assess(bp, { plano });
    const g = bp.recursos.find((r) => r.tipo === "gateway");
    const hc =
      g?.tipo === "gateway" ? g.config.health_check : { intervalo_s: 10, falhas_para_failover: 3 };
    out.push({
      bp,
      valid,
      qualifies: valid && a.conformidade.length === 0,
      custo: a.custo_mensal_usd.max,
      estimate: a.disponibilidade_estimada_pct,
      changes: changesBetween(from, bp).length,
      D: hc.intervalo_s * hc.falhas_para_failover,
      replicas: bp.recursos.reduce(
        (s, r) => s + (r.tipo === "compute" ? r.config.replicas_min : 0),
        0,
      ),
    });
  }
  return out;
}
