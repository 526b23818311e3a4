/** The eight Tesserra products as the palette and the nodes present them. */
import type { TipoRecurso } from "../blueprint";
import type { Translate } from "../i18n";
import { configOf, type Resource } from "./doc";
import type { DesignerMessageKey } from "./i18n";

export interface Product {
  tipo: TipoRecurso;
  /** The product's name (a brand: the same in every language). */
  label: string;
  /** What it is, as a key of the designer's catalog. */
  description: DesignerMessageKey;
  /** Tailwind classes for the product's accent (icon tile). */
  accent: string;
  role: "edge" | "compute" | "data" | "platform";
}

export const PRODUCTS: readonly Product[] = [
  {
    tipo: "gateway",
    label: "Gateway",
    description: "product.gateway",
    accent: "bg-sky-100 text-sky-700 dark:bg-sky-500/15 dark:text-sky-300",
    role: "edge",
  },
  {
    tipo: "sentinel",
    label: "Sentinel",
    description: "product.sentinel",
    accent: "bg-rose-100 text-rose-700 dark:bg-rose-500/15 dark:text-rose-300",
    role: "edge",
  },
  {
    tipo: "compute",
    label: "Compute",
    description: "product.compute",
    accent: "bg-indigo-100 text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300",
    role: "compute",
  },
  {
    tipo: "autoscale",
    label: "Autoscale",
    description: "product.autoscale",
    accent: "bg-violet-100 text-violet-700 dark:bg-violet-500/15 dark:text-violet-300",
    role: "compute",
  },
  {
    tipo: "datastore",
    label: "Datastore",
    description: "product.datastore",
    accent: "bg-emerald-100 text-emerald-700 dark:bg-emerald-500/15 dark:text-emerald-300",
    role: "data",
  },
  {
    tipo: "archive",
    label: "Archive",
    description: "product.archive",
    accent: "bg-amber-100 text-amber-700 dark:bg-amber-500/15 dark:text-amber-300",
    role: "data",
  },
  {
    tipo: "fabric",
    label: "Fabric",
    description: "product.fabric",
    accent: "bg-slate-200 text-slate-700 dark:bg-slate-500/20 dark:text-slate-300",
    role: "platform",
  },
  {
    tipo: "insight",
    label: "Insight",
    description: "product.insight",
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
export function keyFacts(r: Resource, t: Translate<DesignerMessageKey>): string[] {
  const c = configOf(r);
  switch (r.tipo) {
    case "compute":
      return [
        str(c.subtipo) || "web",
        t("fact.replicas", { min: str(c.replicas_min) || "?", max: str(c.replicas_max) || "?" }),
        ...(c.fabric ? [t("fact.inFabric", { fabric: str(c.fabric) })] : []),
      ];
    case "datastore":
      return [
        [str(c.engine), c.tamanho_gb !== undefined ? `${str(c.tamanho_gb)} GB` : ""]
          .filter(Boolean)
          .join(" · "),
        c.ha === true ? t("fact.ha") : t("fact.single"),
        ...(c.replicacao === "sincrona" ? [t("fact.sync")] : []),
      ];
    case "gateway":
      return [str(c.dominio), c.tls === false ? t("fact.noTls") : "TLS"];
    case "insight":
      return [
        t("fact.retention", { days: str(c.retencao_dias) || "?" }),
        c.alertas ? t("fact.alertsOn") : t("fact.alertsOff"),
      ];
    case "archive":
      return [
        c.classe === "fria" ? t("fact.cold") : t("fact.standard"),
        ...(c.versionamento ? [t("fact.versioned")] : []),
      ];
    case "autoscale":
      return [
        t("fact.scales", { target: str(c.alvo) || "?" }),
        `${str(c.metrica) || "cpu"} > ${str(c.limiar) || 70}`,
      ];
    case "fabric":
      return [
        str(c.cidr) || "10.0.0.0/16",
        c.isolada === false ? t("fact.routable") : t("fact.isolated"),
      ];
    case "sentinel":
      return [
        c.modo === "deteccao" ? t("fact.detect") : t("fact.blocking"),
        Array.isArray(c.regras) ? c.regras.join(", ") : "owasp-top10",
      ];
    default:
      return [];
  }
}
