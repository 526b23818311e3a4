/**
 * The rules beyond shape (contract §1). They run on the raw document, defensively, so that a
 * wrong type in one field does not hide a rule broken elsewhere: each rule judges only what it
 * can read with the right type.
 */
import type { Finding } from "./findings";
import { defaultRegions, PLAN_RULES, type Plano, RESILIENCE_LEVELS } from "./plans";
import { findRegion } from "./regions";
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

/** Why `source → target` is refused, or undefined when the pair is allowed. */
/** A resilience level as people say it, with its wire value after it (messages name both). */
const LEVEL_NAMES: Record<string, string> = {
  "zona-unica": "single-zone",
  "multi-zona": "multi-zone",
  "multi-regiao": "multi-region",
};
const levelName = (level: string) => `${LEVEL_NAMES[level] ?? level} (\`${level}\`)`;
const PLAN_NAMES: Record<string, string> = {
  starter: "Starter",
  business: "Business",
  enterprise: "Enterprise",
};

export function connectionRefusal(source: TipoRecurso, target: TipoRecurso): string | undefined {
  const allowed = ALLOWED_CONNECTIONS[source];
  if (allowed.includes(target)) return undefined;
  if (source === "insight")
    return "Insight observes every resource by itself and needs no connection.";
  if (target === "fabric" || source === "fabric")
    return "Fabric is a network, not a traffic target: put compute and datastores inside it instead.";
  if (allowed.length === 0) return `A ${source} does not send traffic to other resources.`;
  return `A ${source} can only send traffic to ${allowed.join(" or ")}, not to a ${target}.`;
}

interface ResourceView {
  index: number;
  tipo: TipoRecurso | undefined;
  nome: string | undefined;
  config: Loose | undefined;
  raw: Loose;
}

const TIPOS = new Set<string>([
  "compute",
  "datastore",
  "archive",
  "gateway",
  "autoscale",
  "insight",
  "fabric",
  "sentinel",
]);

export interface RuleOptions {
  plano?: Plano;
}

export function checkRules(input: unknown, options: RuleOptions = {}): Finding[] {
  const doc = asObject(input);
  if (!doc) return [];
  const out: Finding[] = [];
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
        `The name "${r.nome}" is already used by resource ${first.index + 1}; resource names must be unique.`,
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
          `"${id}" is not a Tesserra region. Choose one of the catalog: sa-east-1, us-east-1, us-west-1, eu-central-1, eu-south-1, ap-southeast-1, ap-northeast-1.`,
        );
      } else if (seen.has(id)) {
        erro(
          `/regioes/${k}`,
          "esquema",
          `The region "${id}" is listed twice; list each region once.`,
        );
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
        `A multi-region (\`multi-regiao\`) blueprint needs at least 2 regions; it has ${regions.length}. Add a region or choose multi-zone (\`multi-zona\`).`,
      );
    const continents = new Set(knownRegions.map((id) => findRegion(id)?.continent));
    if (knownRegions.length >= 2 && continents.size === 1)
      aviso(
        regionPointer,
        "regioes-mesmo-continente",
        "All regions are on one continent: a continental outage would take every region down. Add a region on another continent.",
      );
  } else if (resiliencia && regions.length > 1) {
    erro(
      regionPointer,
      "regioes-insuficientes",
      `A ${levelName(resiliencia)} blueprint runs in exactly one region; it lists ${regions.length}. Keep one region or choose multi-region (\`multi-regiao\`).`,
    );
  }

  const plano = options.plano;
  if (plano && resiliencia && !PLAN_RULES[plano].resiliencia.includes(resiliencia))
    erro(
      "/resiliencia",
      "plano-insuficiente",
      `The ${PLAN_NAMES[plano]} plan does not allow ${levelName(resiliencia)}. Upgrade to Business or Enterprise, or choose ${PLAN_RULES[plano].resiliencia.map(levelName).join(" or ")}.`,
    );

  if (resiliencia === "multi-regiao" && !resources.some((r) => r.tipo === "gateway"))
    erro(
      "/resiliencia",
      "multi-regiao-sem-gateway",
      "A multi-region (`multi-regiao`) blueprint needs a gateway to route users across regions and fail over. Add a gateway.",
    );
  if (resiliencia === "multi-regiao" && !resources.some((r) => r.tipo === "insight"))
    aviso(
      "/recursos",
      "sem-insight",
      "No insight resource: this multi-region design will have no SLO dashboards or alerts. Add an insight.",
    );

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
          `Minimum replicas (\`replicas_min\`) is ${min}, more than the maximum (\`replicas_max\`) of ${max}. Lower the minimum or raise the maximum.`,
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
          `Minimum replicas (\`replicas_min\`) is ${min}, but the blueprint runs in ${regions.length} regions and every region keeps an active replica. Set it to at least ${regions.length}.`,
        );
      if (isInt(min) && resiliencia === "multi-zona" && min < 2)
        erro(
          `${at}/config/replicas_min`,
          "replicas-multi-zona",
          `Minimum replicas (\`replicas_min\`) is ${min}; a multi-zone (\`multi-zona\`) design needs at least 2 to survive a zone outage. Set it to 2 or more.`,
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
          `A ${levelName(resiliencia)} blueprint needs highly available datastores. Turn on High availability (\`ha\`).`,
        );
      if (own(cfg, "replicacao") === "sincrona" && plano && plano !== "enterprise")
        erro(
          `${at}/config/replicacao`,
          "plano-insuficiente",
          `Synchronous replication (\`replicacao: sincrona\`) needs the Enterprise plan; this account is on ${PLAN_NAMES[plano]}. Use asynchronous replication (\`assincrona\`) or upgrade.`,
        );
    }

    if (r.tipo === "gateway" && cfg && own(cfg, "tls") === false)
      aviso(
        `${at}/config/tls`,
        "gateway-sem-tls",
        "This gateway serves plain HTTP: traffic and credentials travel unencrypted. Turn on TLS (`tls`).",
      );

    if (r.tipo === "insight" && cfg) {
      const slos = own(cfg, "slos");
      if (Array.isArray(slos))
        slos.forEach((s, k) => {
          const slo = asObject(s);
          if (slo && own(slo, "sli") === "latencia" && own(slo, "limiar_ms") === undefined)
            erro(
              `${at}/config/slos/${k}/limiar_ms`,
              "limiar-obrigatorio",
              "A latency SLO needs limiar_ms: the threshold in milliseconds a request must beat to count as good.",
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
            ? `"${fabric}" is a ${named(fabric)?.tipo}, not a fabric. Name a fabric resource.`
            : `No fabric named "${fabric}". Name an existing fabric resource or remove the field.`,
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
              ? `"${raw}" is a ${named(raw)?.tipo}; an autoscale's alvo must be a compute.`
              : `No compute named "${raw}". Name the compute this policy scales.`,
          );
      }
    }

    const conexoes = own(r.raw, "conexoes");
    if (Array.isArray(conexoes)) {
      const seen = new Set<string>();
      conexoes.forEach((target, k) => {
        if (typeof target !== "string" || target === "") return;
        const ptr = `${at}/conexoes/${k}`;
        const t = named(target);
        if (seen.has(target)) {
          erro(ptr, "conexao-invalida", `The connection to "${target}" is listed twice.`);
          return;
        }
        seen.add(target);
        if (!t) {
          erro(
            ptr,
            "referencia-inexistente",
            `No resource named "${target}". Connect to an existing resource.`,
          );
          return;
        }
        if (!r.tipo || !t.tipo) return;
        if (t === r) {
          erro(ptr, "conexao-invalida", `"${target}" cannot connect to itself.`);
          return;
        }
        const refusal = connectionRefusal(r.tipo, t.tipo);
        if (refusal) {
          erro(ptr, "conexao-invalida", refusal);
          return;
        }
        if (r.tipo === "autoscale" && alvo !== undefined && alvo !== target)
          erro(
            ptr,
            "conexao-invalida",
            `This autoscale targets "${alvo}" but connects to "${target}"; connect it to the compute it scales.`,
          );
      });
    }
  }
  return out;
}
