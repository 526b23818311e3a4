/** The eight Tesserra products as the palette and the nodes present them. */
import type { TipoRecurso } from "../blueprint";
import { configOf, type Resource } from "./doc";

export interface Product {
  tipo: TipoRecurso;
  label: string;
  description: string;
  /** Tailwind classes for the product's accent (icon tile). */
  accent: string;
  role: "edge" | "compute" | "data" | "platform";
}

export const PRODUCTS: readonly Product[] = [
  {
    tipo: "gateway",
    label: "Gateway",
    description: "Global entry point: DNS, TLS and geo-routing with health checks.",
    accent: "bg-sky-100 text-sky-700 dark:bg-sky-500/15 dark:text-sky-300",
    role: "edge",
  },
  {
    tipo: "sentinel",
    label: "Sentinel",
    description: "Web application firewall in front of a gateway.",
    accent: "bg-rose-100 text-rose-700 dark:bg-rose-500/15 dark:text-rose-300",
    role: "edge",
  },
  {
    tipo: "compute",
    label: "Compute",
    description: "Containers for web services, workers and cron jobs.",
    accent: "bg-indigo-100 text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300",
    role: "compute",
  },
  {
    tipo: "autoscale",
    label: "Autoscale",
    description: "Scales a compute between its replica bounds on CPU, RPS or latency.",
    accent: "bg-violet-100 text-violet-700 dark:bg-violet-500/15 dark:text-violet-300",
    role: "compute",
  },
  {
    tipo: "datastore",
    label: "Datastore",
    description: "Managed Postgres, MySQL or Redis with replicas across regions.",
    accent: "bg-emerald-100 text-emerald-700 dark:bg-emerald-500/15 dark:text-emerald-300",
    role: "data",
  },
  {
    tipo: "archive",
    label: "Archive",
    description: "Object storage, standard or cold, with optional versioning.",
    accent: "bg-amber-100 text-amber-700 dark:bg-amber-500/15 dark:text-amber-300",
    role: "data",
  },
  {
    tipo: "fabric",
    label: "Fabric",
    description: "Private network: computes and datastores inside it talk privately.",
    accent: "bg-slate-200 text-slate-700 dark:bg-slate-500/20 dark:text-slate-300",
    role: "platform",
  },
  {
    tipo: "insight",
    label: "Insight",
    description: "Metrics, SLOs and alerts for every resource of the blueprint.",
    accent: "bg-teal-100 text-teal-700 dark:bg-teal-500/15 dark:text-teal-300",
    role: "platform",
  },
];

export const PRODUCT_BY_TYPE = Object.fromEntries(PRODUCTS.map((p) => [p.tipo, p])) as Record<
  TipoRecurso,
  Product
>;

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

/** Two or three short facts about a resource's config, for its node. */
export function keyFacts(r: Resource): string[] {
  const c = configOf(r);
  switch (r.tipo) {
    case "compute":
      return [
        str(c.subtipo) || "web",
        `${str(c.replicas_min) || "?"}–${str(c.replicas_max) || "?"} replicas`,
        ...(c.fabric ? [`in ${str(c.fabric)}`] : []),
      ];
    case "datastore":
      return [
        [str(c.engine), c.tamanho_gb !== undefined ? `${str(c.tamanho_gb)} GB` : ""]
          .filter(Boolean)
          .join(" · "),
        c.ha === true ? "HA" : "single instance",
        ...(c.replicacao === "sincrona" ? ["sync replicas"] : []),
      ];
    case "gateway":
      return [str(c.dominio), c.tls === false ? "no TLS" : "TLS"];
    case "insight":
      return [`${str(c.retencao_dias) || "?"} d retention`, c.alertas ? "alerts on" : "alerts off"];
    case "archive":
      return [c.classe === "fria" ? "cold" : "standard", ...(c.versionamento ? ["versioned"] : [])];
    case "autoscale":
      return [
        `scales ${str(c.alvo) || "?"}`,
        `${str(c.metrica) || "cpu"} > ${str(c.limiar) || 70}`,
      ];
    case "fabric":
      return [str(c.cidr) || "10.0.0.0/16", c.isolada === false ? "routable" : "isolated"];
    case "sentinel":
      return [
        c.modo === "deteccao" ? "detect only" : "blocking",
        Array.isArray(c.regras) ? c.regras.join(", ") : "owasp-top10",
      ];
    default:
      return [];
  }
}
