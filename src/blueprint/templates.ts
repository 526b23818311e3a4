/** The reference architectures of the seed page, as blueprints. */
import type { Blueprint } from "./schema";

export interface Template {
  id: string;
  title: string;
  description: string;
  blueprint: Blueprint;
}

/** The seed page's "Global SaaS" blueprint, exactly as the page shows it. */
export const GLOBAL_SAAS: Blueprint = {
  nome: "Global SaaS",
  resiliencia: "multi-regiao",
  recursos: [
    {
      tipo: "compute",
      nome: "app-global",
      config: { subtipo: "web", replicas_min: 3, replicas_max: 12 },
    },
    {
      tipo: "datastore",
      nome: "db-global",
      config: { engine: "postgres", ha: true, tamanho_gb: 200 },
    },
    {
      tipo: "gateway",
      nome: "global-dns",
      config: { dominio: "app.acme.com", tls: true },
    },
    {
      tipo: "insight",
      nome: "global-insight",
      config: { retencao_dias: 90, alertas: true },
    },
  ],
};

/**
 * The SLOs of a one-region template: an availability objective its own design meets (one
 * region cannot reach the default 99.95 %), and the default latency SLO.
 */
function oneRegionSlos(objetivo: number) {
  return [
    { nome: "disponibilidade", sli: "disponibilidade" as const, objetivo, janela_dias: 28 },
    { nome: "latencia", sli: "latencia" as const, objetivo: 99, janela_dias: 28, limiar_ms: 300 },
  ];
}

const SINGLE_REGION_WEB: Blueprint = {
  nome: "Single-region web application",
  resiliencia: "multi-zona",
  regioes: ["sa-east-1"],
  recursos: [
    {
      tipo: "sentinel",
      nome: "edge-waf",
      config: { modo: "bloqueio", regras: ["owasp-top10", "bots"] },
      conexoes: ["web-gateway"],
    },
    {
      tipo: "gateway",
      nome: "web-gateway",
      config: { dominio: "shop.example.com", tls: true },
      conexoes: ["web"],
    },
    {
      tipo: "compute",
      nome: "web",
      config: { subtipo: "web", replicas_min: 2, replicas_max: 8 },
      conexoes: ["web-db"],
    },
    {
      tipo: "datastore",
      nome: "web-db",
      config: { engine: "postgres", ha: true, tamanho_gb: 50 },
    },
    {
      tipo: "insight",
      nome: "web-insight",
      config: { retencao_dias: 30, alertas: true, slos: oneRegionSlos(99.85) },
    },
  ],
};

const MICROSERVICES_FABRIC: Blueprint = {
  nome: "Microservices on private Fabric",
  resiliencia: "multi-zona",
  regioes: ["us-east-1"],
  recursos: [
    {
      tipo: "gateway",
      nome: "api-gateway",
      config: { dominio: "api.example.com", tls: true },
      conexoes: ["api"],
    },
    { tipo: "fabric", nome: "services-net", config: { cidr: "10.20.0.0/16", isolada: true } },
    {
      tipo: "compute",
      nome: "api",
      config: { subtipo: "web", replicas_min: 2, replicas_max: 10, fabric: "services-net" },
      conexoes: ["orders", "payments"],
    },
    {
      tipo: "compute",
      nome: "orders",
      config: { subtipo: "web", replicas_min: 2, replicas_max: 8, fabric: "services-net" },
      conexoes: ["orders-db"],
    },
    {
      tipo: "compute",
      nome: "payments",
      config: { subtipo: "web", replicas_min: 2, replicas_max: 6, fabric: "services-net" },
      conexoes: ["payments-db"],
    },
    {
      tipo: "datastore",
      nome: "orders-db",
      config: { engine: "postgres", ha: true, tamanho_gb: 100, fabric: "services-net" },
    },
    {
      tipo: "datastore",
      nome: "payments-db",
      config: { engine: "mysql", ha: true, tamanho_gb: 50, fabric: "services-net" },
    },
    {
      tipo: "autoscale",
      nome: "orders-scaling",
      config: { alvo: "orders", metrica: "rps", limiar: 500 },
      conexoes: ["orders"],
    },
    {
      tipo: "autoscale",
      nome: "payments-scaling",
      config: { alvo: "payments", metrica: "cpu", limiar: 65 },
      conexoes: ["payments"],
    },
    {
      tipo: "insight",
      nome: "services-insight",
      config: { retencao_dias: 30, alertas: true, slos: oneRegionSlos(99.7) },
    },
  ],
};

const SECURE_EDGE: Blueprint = {
  nome: "Secure edge ingress",
  resiliencia: "multi-zona",
  regioes: ["eu-central-1"],
  recursos: [
    {
      tipo: "sentinel",
      nome: "perimeter-waf",
      config: { modo: "bloqueio", regras: ["owasp-top10", "bots", "rate-limit"] },
      conexoes: ["edge-gateway"],
    },
    {
      tipo: "gateway",
      nome: "edge-gateway",
      config: {
        dominio: "secure.example.com",
        tls: true,
        health_check: { caminho: "/healthz", intervalo_s: 10, falhas_para_failover: 3 },
      },
      conexoes: ["app"],
    },
    { tipo: "fabric", nome: "private-net", config: { cidr: "10.10.0.0/20", isolada: true } },
    {
      tipo: "compute",
      nome: "app",
      config: { subtipo: "web", replicas_min: 2, replicas_max: 6, fabric: "private-net" },
      conexoes: ["app-db"],
    },
    {
      tipo: "datastore",
      nome: "app-db",
      config: { engine: "postgres", ha: true, tamanho_gb: 40, fabric: "private-net" },
    },
    {
      tipo: "insight",
      nome: "security-insight",
      config: { retencao_dias: 365, alertas: true, slos: oneRegionSlos(99.85) },
    },
  ],
};

export const TEMPLATES: readonly Template[] = [
  {
    id: "global-saas",
    title: "Global SaaS",
    description:
      "Multi-region active-active: compute in three regions, gateway geo-routing and failover, HA datastore, SLO dashboards.",
    blueprint: GLOBAL_SAAS,
  },
  {
    id: "single-region-web",
    title: "Single-region web application",
    description:
      "SPAs, e-commerce and public APIs in one region across zones, behind a WAF and TLS.",
    blueprint: SINGLE_REGION_WEB,
  },
  {
    id: "microservices-fabric",
    title: "Microservices on private Fabric",
    description:
      "Services on an isolated Fabric network, public ingress via Gateway, per-service datastores and autoscale.",
    blueprint: MICROSERVICES_FABRIC,
  },
  {
    id: "secure-edge",
    title: "Secure edge ingress",
    description:
      "Defense in depth: Sentinel WAF, Gateway TLS termination, Fabric isolation, security monitoring.",
    blueprint: SECURE_EDGE,
  },
];

/** A fresh deep copy of a template's blueprint, safe to edit. */
export function blueprintFromTemplate(id: string): Blueprint | undefined {
  const t = TEMPLATES.find((x) => x.id === id);
  return t ? structuredClone(t.blueprint) : undefined;
}
