/**
 * The rules beyond shape (contract §1). They run on the raw document, defensively, so that a
 * wrong type in one field does not hide a rule broken elsewhere: each rule judges only what it
 * can read with the right type.
 */
import type { Locale } from "../i18n";
import { formatList } from "../i18n/format";
import type { Finding } from "./findings";
import { blueprintT } from "./i18n";
import { defaultRegions, PLAN_RULES, type Plano, RESILIENCE_LEVELS } from "./plans";
import { findRegion, REGIONS } from "./regions";
import { RESOURCE_TYPES } from "./resourceTypes";
import type { TipoRecurso } from "./schema";

type Loose = { readonly [key: string]: unknown };

function asObject(v: unknown): Loose | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Loose) : undefined;
}
function own(o: Loose | undefined, key: string): unknown {
  return o && Object.hasOwn(o, key) ? o[key] : undefined;
}
const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

/** Which targets each source type may send traffic to. */
export const ALLOWED_CONNECTIONS: Readonly<Record<TipoRecurso, readonly TipoRecurso[]>> = {
  gateway: ["compute"],
  sentinel: ["gateway"],
  compute: ["compute", "datastore", "archive"],
  autoscale: ["compute"],
  datastore: [],
  archive: [],
  insight: [],
  fabric: [],
};

const PLAN_NAMES: Record<string, string> = {
  starter: "Starter",
  business: "Business",
  enterprise: "Enterprise",
};

/** A resilience level as people say it, with its wire value after it (messages name both). */
function levelName(locale: Locale, level: string): string {
  const t = blueprintT(locale);
  const key = `level.${level}` as "level.multi-zona";
  const name = key in LEVEL_KEYS ? t(key) : level;
  return t("level.named", { name, level });
}
const LEVEL_KEYS = { "level.zona-unica": 1, "level.multi-zona": 1, "level.multi-regiao": 1 };

/** Why `source → target` is refused, or undefined when the pair is allowed. */
export function connectionRefusal(
  source: TipoRecurso,
  target: TipoRecurso,
  locale?: Locale,
): string | undefined {
  const allowed = ALLOWED_CONNECTIONS[source];
  if (allowed.includes(target)) return undefined;
  const t = blueprintT(locale);
  if (source === "insight") return t("connection.insight");
  if (target === "fabric" || source === "fabric") return t("connection.fabric");
  if (allowed.length === 0) return t("connection.none", { source });
  return t("connection.only", {
    source,
    target,
    allowed: formatList(locale ?? "en", allowed, "disjunction"),
  });
}

interface ResourceView {
  index: number;
  tipo: TipoRecurso | undefined;
  nome: string | undefined;
  config: Loose | undefined;
  raw: Loose;
}

const TIPOS = new Set<string>(RESOURCE_TYPES);

export interface RuleOptions {
  plano?: Plano;
  /** The language of the messages; English when absent. */
  locale?: Locale;
}

export function checkRules(input: unknown, options: RuleOptions = {}): Finding[] {
  const doc = asObject(input);
  if (!doc) return [];
  const out: Finding[] = [];
  const locale = options.locale ?? "en";
  const t = blueprintT(locale);
  const level = (l: string) => levelName(locale, l);
  const erro = (ponteiro: string, codigo: Finding["codigo"], mensagem: string) =>
    out.push({ ponteiro, codigo, severidade: "erro", mensagem });
  const aviso = (ponteiro: string, codigo: Finding["codigo"], mensagem: string) =>
    out.push({ ponteiro, codigo, severidade: "aviso", mensagem });

  const rawResiliencia = own(doc, "resiliencia");
  const resiliencia = (RESILIENCE_LEVELS as readonly unknown[]).includes(rawResiliencia)
    ? (rawResiliencia as (typeof RESILIENCE_LEVELS)[number])
    : undefined;

  const rawResources = own(doc, "recursos");
  const resources: ResourceView[] = [];
  if (Array.isArray(rawResources)) {
    rawResources.forEach((r, index) => {
      const raw = asObject(r);
      if (!raw) return;
      const tipo = own(raw, "tipo");
      const nome = own(raw, "nome");
      resources.push({
        index,
        raw,
        tipo: typeof tipo === "string" && TIPOS.has(tipo) ? (tipo as TipoRecurso) : undefined,
        nome: typeof nome === "string" ? nome : undefined,
        config: asObject(own(raw, "config")),
      });
    });
  }

  // nome-duplicado: every repeat after the first is at fault.
  const byName = new Map<string, ResourceView>();
  for (const r of resources) {
    if (r.nome === undefined) continue;
    const first = byName.get(r.nome);
    if (first)
      erro(
        `/recursos/${r.index}/nome`,
        "nome-duplicado",
        t("rule.nomeDuplicado", { name: r.nome, index: first.index + 1 }),
      );
    else byName.set(r.nome, r);
  }

  // Regions: the ones written, else the default for the resilience level.
  const rawRegions = own(doc, "regioes");
  const regionsWritten = Array.isArray(rawRegions);
  let regions: string[] = [];
  if (regionsWritten) {
    const seen = new Set<string>();
    (rawRegions as unknown[]).forEach((id, k) => {
      if (typeof id !== "string" || id === "") return;
      if (!findRegion(id)) {
        erro(
          `/regioes/${k}`,
          "regiao-desconhecida",
          t("rule.regiaoDesconhecida", { id, catalog: REGIONS.map((g) => g.id).join(", ") }),
        );
      } else if (seen.has(id)) {
        erro(`/regioes/${k}`, "esquema", t("rule.regiaoRepetida", { id }));
      }
      seen.add(id);
    });
    regions = [...seen];
  } else if (resiliencia) {
    regions = defaultRegions(resiliencia);
  }
  const knownRegions = regions.filter((id) => findRegion(id));
  const regionPointer = regionsWritten ? "/regioes" : "/resiliencia";

  if (resiliencia === "multi-regiao") {
    if (regions.length < 2)
      erro(
        regionPointer,
        "regioes-insuficientes",
        t("rule.regioesInsuficientesMulti", { count: regions.length }),
      );
    const continents = new Set(knownRegions.map((id) => findRegion(id)?.continent));
    if (knownRegions.length >= 2 && continents.size === 1)
      aviso(regionPointer, "regioes-mesmo-continente", t("rule.regioesMesmoContinente"));
  } else if (resiliencia && regions.length > 1) {
    erro(
      regionPointer,
      "regioes-insuficientes",
      t("rule.regioesDemais", { level: level(resiliencia), count: regions.length }),
    );
  }

  const plano = options.plano;
  if (plano && resiliencia && !PLAN_RULES[plano].resiliencia.includes(resiliencia))
    erro(
      "/resiliencia",
      "plano-insuficiente",
      t("rule.planoNivel", {
        plan: PLAN_NAMES[plano],
        level: level(resiliencia),
        allowed: formatList(locale, PLAN_RULES[plano].resiliencia.map(level), "disjunction"),
      }),
    );

  if (resiliencia === "multi-regiao" && !resources.some((r) => r.tipo === "gateway"))
    erro("/resiliencia", "multi-regiao-sem-gateway", t("rule.multiRegiaoSemGateway"));
  if (resiliencia === "multi-regiao" && !resources.some((r) => r.tipo === "insight"))
    aviso("/recursos", "sem-insight", t("rule.semInsight"));

  const named = (nome: unknown) => (typeof nome === "string" ? byName.get(nome) : undefined);

  for (const r of resources) {
    const at = `/recursos/${r.index}`;
    const cfg = r.config;

    if (r.tipo === "compute" && cfg) {
      const min = own(cfg, "replicas_min");
      const max = own(cfg, "replicas_max");
      if (isInt(min) && isInt(max) && min > max)
        erro(
          `${at}/config/replicas_min`,
          "replicas-invalidas",
          t("rule.replicasInvalidas", { min, max }),
        );
      if (
        isInt(min) &&
        resiliencia === "multi-regiao" &&
        regions.length > 0 &&
        min < regions.length
      )
        erro(
          `${at}/config/replicas_min`,
          "replicas-por-regiao",
          t("rule.replicasPorRegiao", { min, regions: regions.length }),
        );
      if (isInt(min) && resiliencia === "multi-zona" && min < 2)
        erro(
          `${at}/config/replicas_min`,
          "replicas-multi-zona",
          t("rule.replicasMultiZona", { min }),
        );
    }

    if (r.tipo === "datastore" && cfg) {
      if (
        own(cfg, "ha") === false &&
        (resiliencia === "multi-zona" || resiliencia === "multi-regiao")
      )
        erro(
          `${at}/config/ha`,
          "datastore-sem-ha",
          t("rule.datastoreSemHa", { level: level(resiliencia) }),
        );
      if (own(cfg, "replicacao") === "sincrona" && plano && plano !== "enterprise")
        erro(
          `${at}/config/replicacao`,
          "plano-insuficiente",
          t("rule.planoSincrona", { plan: PLAN_NAMES[plano] }),
        );
    }

    if (r.tipo === "gateway" && cfg && own(cfg, "tls") === false)
      aviso(`${at}/config/tls`, "gateway-sem-tls", t("rule.gatewaySemTls"));

    if (r.tipo === "insight" && cfg) {
      const slos = own(cfg, "slos");
      if (Array.isArray(slos))
        slos.forEach((s, k) => {
          const slo = asObject(s);
          if (slo && own(slo, "sli") === "latencia" && own(slo, "limiar_ms") === undefined)
            erro(
              `${at}/config/slos/${k}/limiar_ms`,
              "limiar-obrigatorio",
              t("rule.limiarObrigatorio"),
            );
        });
    }

    // References through config: fabric (compute, datastore) and alvo (autoscale).
    if ((r.tipo === "compute" || r.tipo === "datastore") && cfg) {
      const fabric = own(cfg, "fabric");
      if (typeof fabric === "string" && fabric !== "" && named(fabric)?.tipo !== "fabric")
        erro(
          `${at}/config/fabric`,
          "referencia-inexistente",
          named(fabric)
            ? t("rule.fabricTipo", { name: fabric, tipo: String(named(fabric)?.tipo) })
            : t("rule.fabricAusente", { name: fabric }),
        );
    }
    let alvo: string | undefined;
    if (r.tipo === "autoscale" && cfg) {
      const raw = own(cfg, "alvo");
      if (typeof raw === "string" && raw !== "") {
        alvo = raw;
        if (named(raw)?.tipo !== "compute")
          erro(
            `${at}/config/alvo`,
            "referencia-inexistente",
            named(raw)
              ? t("rule.alvoTipo", { name: raw, tipo: String(named(raw)?.tipo) })
              : t("rule.alvoAusente", { name: raw }),
          );
      }
    }

    const conexoes = own(r.raw, "conexoes");
    if (Array.isArray(conexoes)) {
      const seen = new Set<string>();
      conexoes.forEach((target, k) => {
        if (typeof target !== "string" || target === "") return;
        const ptr = `${at}/conexoes/${k}`;
        const to = named(target);
        if (seen.has(target)) {
          erro(ptr, "conexao-invalida", t("rule.conexaoRepetida", { name: target }));
          return;
        }
        seen.add(target);
        if (!to) {
          erro(ptr, "referencia-inexistente", t("rule.conexaoAusente", { name: target }));
          return;
        }
        if (!r.tipo || !to.tipo) return;
        if (to === r) {
          erro(ptr, "conexao-invalida", t("rule.conexaoPropria", { name: target }));
          return;
        }
        const refusal = connectionRefusal(r.tipo, to.tipo, locale);
        if (refusal) {
          erro(ptr, "conexao-invalida", refusal);
          return;
        }
        if (r.tipo === "autoscale" && alvo !== undefined && alvo !== target)
          erro(ptr, "conexao-invalida", t("rule.conexaoAutoscale", { alvo, name: target }));
      });
    }
  }
  return out;
}
