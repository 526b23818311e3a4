/**
 * fast-check generators for tests: valid blueprints (every rule satisfied) and hostile JSON.
 * Only tests and benches import this module.
 */
import fc from "fast-check";
import { REGIONS } from "./regions";
import { type Blueprint, RESOURCE_TYPES, type Recurso, SENTINEL_RULES } from "./schema";

const regionIds = REGIONS.map((r) => r.id);
const name = fc.stringMatching(/^[a-z]([a-z0-9-]{0,14}[a-z0-9])?$/);
const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
const hostname = fc
  .tuple(
    fc.stringMatching(/^[a-z]([a-z0-9-]{0,10}[a-z0-9])?$/),
    fc.constantFrom("com", "io", "com.br", "example.org"),
  )
  .map(([a, b]) => `${a}.${b}`);

/** Drops keys whose value is undefined, so a generated object has only what a user would write. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const pick = <T>(items: readonly T[], flags: readonly boolean[]) =>
  items.filter((_, i) => flags[i % flags.length]);

export const validBlueprintArb: fc.Arbitrary<Blueprint> = fc
  .record({
    resiliencia: fc.constantFrom("zona-unica", "multi-zona", "multi-regiao" as const),
    regionPick: fc.shuffledSubarray(regionIds, { minLength: 2, maxLength: 5 }),
    writeRegions: fc.boolean(),
    counts: fc.record({
      compute: fc.integer({ min: 1, max: 4 }),
      datastore: fc.integer({ min: 0, max: 3 }),
      archive: fc.integer({ min: 0, max: 2 }),
      gateway: fc.integer({ min: 1, max: 2 }),
      autoscale: fc.integer({ min: 0, max: 2 }),
      insight: fc.integer({ min: 0, max: 1 }),
      fabric: fc.integer({ min: 0, max: 2 }),
      sentinel: fc.integer({ min: 0, max: 2 }),
    }),
    names: fc.uniqueArray(name, { minLength: 20, maxLength: 20 }),
    nome: fc.string({ minLength: 1, maxLength: 80 }),
    flags: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    seedNumbers: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 16, maxLength: 16 }),
    domains: fc.array(hostname, { minLength: 2, maxLength: 2 }),
    cpu: finite(0.25, 16),
    positions: fc.array(fc.tuple(finite(-1e6, 1e6), finite(-1e6, 1e6)), {
      minLength: 20,
      maxLength: 20,
    }),
    withDiagram: fc.boolean(),
  })
  .map((g) => {
    const regions = g.resiliencia === "multi-regiao" ? g.regionPick : [g.regionPick[0]];
    const regionCount = g.writeRegions ? regions.length : g.resiliencia === "multi-regiao" ? 3 : 1;
    const n = (i: number, mod: number) => g.seedNumbers[i % g.seedNumbers.length] % mod;
    let nameIndex = 0;
    const names: Record<string, string[]> = {};
    for (const tipo of RESOURCE_TYPES) {
      names[tipo] = [];
      for (let i = 0; i < g.counts[tipo]; i++) names[tipo].push(g.names[nameIndex++]);
    }
    const recursos: Recurso[] = [];
    names.fabric.forEach((nome, i) => {
      recursos.push({
        tipo: "fabric",
        nome,
        config: compact({
          cidr: g.flags[i] ? `10.${n(i, 256)}.0.0/16` : undefined,
          isolada: g.flags[i + 1],
        }),
      });
    });
    names.compute.forEach((nome, i) => {
      const min = Math.max(regionCount, g.resiliencia === "multi-zona" ? 2 : 1) + n(i, 5);
      const others = names.compute.filter((c) => c !== nome);
      recursos.push({
        tipo: "compute",
        nome,
        config: compact({
          subtipo: (["web", "worker", "cron"] as const)[n(i + 1, 3)],
          replicas_min: min,
          replicas_max: min + n(i + 2, 100 - min + 1),
          imagem: g.flags[i] ? `ghcr.io/acme/${nome}:1.${n(i, 20)}` : undefined,
          porta: g.flags[i + 1] ? 1 + n(i + 3, 65535) : undefined,
          cpu: g.flags[i + 2] ? g.cpu : undefined,
          memoria_mb: g.flags[i + 3] ? 128 + n(i + 4, 65536 - 128 + 1) : undefined,
          fabric: names.fabric.length && g.flags[i + 4] ? names.fabric[0] : undefined,
        }),
        conexoes: g.flags[i + 5]
          ? [
              ...pick(others, g.flags),
              ...pick(names.datastore, g.flags),
              ...pick(names.archive, g.flags),
            ]
          : undefined,
      });
    });
    names.datastore.forEach((nome, i) => {
      recursos.push({
        tipo: "datastore",
        nome,
        config: compact({
          engine: (["postgres", "mysql", "redis"] as const)[n(i + 5, 3)],
          ha: g.resiliencia === "zona-unica" ? g.flags[i] : true,
          tamanho_gb: 1 + n(i + 6, 16384),
          replicacao: g.flags[i + 1] ? (g.flags[i + 2] ? "sincrona" : "assincrona") : undefined,
          fabric:
            names.fabric.length && g.flags[i + 3]
              ? names.fabric[names.fabric.length - 1]
              : undefined,
        }),
      });
    });
    names.archive.forEach((nome, i) => {
      recursos.push({
        tipo: "archive",
        nome,
        config: compact({
          classe: g.flags[i] ? "fria" : undefined,
          versionamento: g.flags[i + 1],
          publico: g.flags[i + 2] ? false : undefined,
        }),
      });
    });
    names.gateway.forEach((nome, i) => {
      recursos.push({
        tipo: "gateway",
        nome,
        config: compact({
          dominio: g.domains[i % 2],
          tls: g.flags[i],
          health_check: g.flags[i + 1]
            ? compact({
                caminho: "/ready",
                intervalo_s: 5 + n(i, 296),
                falhas_para_failover: g.flags[i + 2] ? 1 + n(i + 1, 10) : undefined,
              })
            : undefined,
        }),
        conexoes: pick(names.compute, g.flags),
      });
    });
    names.autoscale.forEach((nome, i) => {
      const alvo = names.compute[n(i + 7, names.compute.length)];
      recursos.push({
        tipo: "autoscale",
        nome,
        config: compact({
          alvo,
          metrica: g.flags[i] ? (["cpu", "rps", "latencia"] as const)[n(i, 3)] : undefined,
          limiar: g.flags[i + 1] ? 1 + n(i + 8, 1000) : undefined,
        }),
        conexoes: g.flags[i + 2] ? [alvo] : undefined,
      });
    });
    names.insight.forEach((nome, i) => {
      recursos.push({
        tipo: "insight",
        nome,
        config: compact({
          retencao_dias: 1 + n(i + 9, 400),
          alertas: g.flags[i],
          slos: g.flags[i + 1]
            ? [
                {
                  nome: "avail",
                  sli: "disponibilidade" as const,
                  objetivo: 99.9,
                  janela_dias: 1 + n(i, 90),
                },
                {
                  nome: "fast",
                  sli: "latencia" as const,
                  objetivo: 95,
                  janela_dias: 28,
                  limiar_ms: 1 + n(i + 1, 2000),
                },
              ]
            : undefined,
        }),
      });
    });
    names.sentinel.forEach((nome, i) => {
      recursos.push({
        tipo: "sentinel",
        nome,
        config: compact({
          modo: g.flags[i] ? "deteccao" : undefined,
          regras: g.flags[i + 1] ? pick(SENTINEL_RULES, g.flags) : undefined,
        }),
        conexoes: [names.gateway[0]],
      });
    });
    for (const r of recursos) if (r.conexoes === undefined) delete r.conexoes;
    const blueprint: Blueprint = compact({
      nome: g.nome,
      resiliencia: g.resiliencia,
      regioes: g.writeRegions ? regions : undefined,
      recursos,
      diagrama: g.withDiagram
        ? {
            posicoes: Object.fromEntries(
              recursos
                .filter((_, i) => g.flags[i % 8])
                .map((r, i) => [r.nome, { x: g.positions[i][0], y: g.positions[i][1] }]),
            ),
          }
        : undefined,
    });
    return blueprint;
  });

const hostileKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "nome",
  "resiliencia",
  "regioes",
  "recursos",
  "tipo",
  "config",
  "conexoes",
  "diagrama",
  "posicoes",
  "x",
  "a/b",
  "~0",
  "",
);

/** JSON text whose objects may carry own `__proto__` keys, as JSON.parse makes them. */
export const hostileJsonTextArb: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(
      fc.constant("null"),
      fc.boolean().map(String),
      fc.integer().map(String),
      fc.string().map((s) => JSON.stringify(s)),
    ),
    fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
    fc
      .array(fc.tuple(fc.oneof(hostileKey, fc.string({ maxLength: 6 })), tie("value")), {
        maxLength: 5,
      })
      .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`),
  ),
})).value;

/** Every path of a JSON value, root first. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) out.push(...pathsOf(value[i], [...prefix, i]));
  } else if (typeof value === "object" && value !== null)
    for (const k of Object.keys(value))
      out.push(...pathsOf((value as Record<string, unknown>)[k], [...prefix, k]));
  return out;
}

/** A valid blueprint with one value replaced (or one key added) somewhere, from hostile JSON. */
export const mutatedBlueprintArb: fc.Arbitrary<unknown> = fc
  .tuple(
    validBlueprintArb,
    fc.nat(),
    hostileJsonTextArb,
    fc.boolean(),
    fc.oneof(hostileKey, fc.string({ maxLength: 6 })),
  )
  .map(([bp, at, text, addKey, key]) => {
    const doc = structuredClone(bp) as unknown;
    const paths = pathsOf(doc);
    const path = paths[at % paths.length];
    const replacement = JSON.parse(text) as unknown;
    if (path.length === 0) return replacement;
    let parent = doc as Record<string | number, unknown>;
    for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    const target = parent[last];
    if (addKey && typeof target === "object" && target !== null && !Array.isArray(target))
      Object.defineProperty(target, key, {
        value: replacement,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else
      Object.defineProperty(parent, last, {
        value: replacement,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return doc;
  });
