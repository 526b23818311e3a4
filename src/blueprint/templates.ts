/** The reference architectures of the seed page, as blueprints. */
import type { Plano } from "./plans";
import type { Blueprint } from "./schema";

export interface Template {
  id: string;
  title: string;
  description: string;
  blueprint: Blueprint;
  /** The least plan the design validates on (synchronous replication needs enterprise). */
  plano: Plano;
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

export const SINGLE_REGION_WEB: Blueprint = {
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

/**
 * The seed page's "Fintech with BCDR": no write may be lost (synchronous quorum replication,
 * RPO 0, enterprise plan), a blocking WAF in front of the gateway, compute and data on an
 * isolated Fabric, three regions on two continents, health checks every 5 s so a region loss
 * recovers in 21 s, and a policy its own assessment meets.
 */
const FINTECH_BCDR: Blueprint = {
  nome: "Fintech with BCDR",
  resiliencia: "multi-regiao",
  regioes: ["eu-central-1", "eu-south-1", "us-east-1"],
  politica: { rto_s: 30, rpo_s: 0, disponibilidade_pct: 99.95, validade_teste_dias: 30 },
  recursos: [
    {
      tipo: "sentinel",
      nome: "fraud-shield",
      config: { modo: "bloqueio", regras: ["owasp-top10", "bots", "rate-limit"] },
      conexoes: ["payments-gateway"],
    },
    {
      tipo: "gateway",
      nome: "payments-gateway",
      config: {
        dominio: "pay.example.com",
        tls: true,
        health_check: { caminho: "/healthz", intervalo_s: 5, falhas_para_failover: 3 },
      },
      conexoes: ["payments-api"],
    },
    { tipo: "fabric", nome: "core-net", config: { cidr: "10.40.0.0/16", isolada: true } },
    {
      tipo: "compute",
      nome: "payments-api",
      config: { subtipo: "web", replicas_min: 6, replicas_max: 18, fabric: "core-net" },
      conexoes: ["ledger-db", "audit-log"],
    },
    {
      tipo: "compute",
      nome: "settlement",
      config: { subtipo: "worker", replicas_min: 3, replicas_max: 6, fabric: "core-net" },
      conexoes: ["ledger-db"],
    },
    {
      tipo: "datastore",
      nome: "ledger-db",
      config: {
        engine: "postgres",
        ha: true,
        tamanho_gb: 500,
        replicacao: "sincrona",
        fabric: "core-net",
      },
    },
    {
      tipo: "archive",
      nome: "audit-log",
      config: { classe: "padrao", versionamento: true, publico: false },
    },
    {
      tipo: "insight",
      nome: "bcdr-insight",
      config: {
        retencao_dias: 400,
        alertas: true,
        slos: [
          { nome: "disponibilidade", sli: "disponibilidade", objetivo: 99.95, janela_dias: 28 },
          {
            nome: "latencia",
            sli: "latencia",
            objetivo: 99,
            janela_dias: 28,
            limiar_ms: 400,
          },
        ],
      },
    },
  ],
};

/**
 * The seed page's "Media streaming platform": four regions on four continents near the
 * audience, asynchronous replication (a few seconds of catalogue writes at risk, business
 * plan), media and user uploads in regional archives with cold masters, request-driven
 * autoscale, and a latency SLO on playback.
 */
const MEDIA_STREAMING: Blueprint = {
  nome: "Media streaming platform",
  resiliencia: "multi-regiao",
  regioes: ["us-east-1", "eu-central-1", "ap-southeast-1", "sa-east-1"],
  politica: { rto_s: 45, rpo_s: 5 },
  recursos: [
    {
      tipo: "gateway",
      nome: "media-edge",
      config: { dominio: "watch.example.com", tls: true },
      conexoes: ["stream-api"],
    },
    {
      tipo: "compute",
      nome: "stream-api",
      config: { subtipo: "web", replicas_min: 8, replicas_max: 40 },
      conexoes: ["catalog-db", "media-assets", "user-uploads"],
    },
    {
      tipo: "compute",
      nome: "transcoder",
      config: { subtipo: "worker", replicas_min: 4, replicas_max: 32, cpu: 4, memoria_mb: 8192 },
      conexoes: ["media-assets", "user-uploads", "cold-masters"],
    },
    {
      tipo: "datastore",
      nome: "catalog-db",
      config: { engine: "postgres", ha: true, tamanho_gb: 300, replicacao: "assincrona" },
    },
    {
      tipo: "archive",
      nome: "media-assets",
      config: { classe: "padrao", versionamento: false, publico: true },
    },
    {
      tipo: "archive",
      nome: "user-uploads",
      config: { classe: "padrao", versionamento: true, publico: false },
    },
    {
      tipo: "archive",
      nome: "cold-masters",
      config: { classe: "fria", versionamento: true, publico: false },
    },
    {
      tipo: "autoscale",
      nome: "stream-scaling",
      config: { alvo: "stream-api", metrica: "rps", limiar: 800 },
      conexoes: ["stream-api"],
    },
    {
      tipo: "autoscale",
      nome: "transcode-scaling",
      config: { alvo: "transcoder", metrica: "rps", limiar: 40 },
      conexoes: ["transcoder"],
    },
    {
      tipo: "insight",
      nome: "playback-insight",
      config: {
        retencao_dias: 90,
        alertas: true,
        slos: [
          { nome: "disponibilidade", sli: "disponibilidade", objetivo: 99.9, janela_dias: 28 },
          {
            nome: "inicio-playback",
            sli: "latencia",
            objetivo: 99,
            janela_dias: 28,
            limiar_ms: 250,
          },
        ],
      },
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
    plano: "business",
  },
  {
    id: "fintech-bcdr",
    title: "Fintech with BCDR",
    description:
      "Zero data loss: synchronous quorum datastore, blocking WAF, isolated Fabric, three regions on two continents, 21 s failover.",
    blueprint: FINTECH_BCDR,
    plano: "enterprise",
  },
  {
    id: "media-streaming",
    title: "Media streaming platform",
    description:
      "Four regions on four continents, regional media archives with cold masters, request-driven autoscale, a playback latency SLO.",
    blueprint: MEDIA_STREAMING,
    plano: "business",
  },
  {
    id: "single-region-web",
    title: "Single-region web application",
    description:
      "SPAs, e-commerce and public APIs in one region across zones, behind a WAF and TLS.",
    blueprint: SINGLE_REGION_WEB,
    plano: "starter",
  },
  {
    id: "microservices-fabric",
    title: "Microservices on private Fabric",
    description:
      "Services on an isolated Fabric network, public ingress via Gateway, per-service datastores and autoscale.",
    blueprint: MICROSERVICES_FABRIC,
    plano: "starter",
  },
  {
    id: "secure-edge",
    title: "Secure edge ingress",
    description:
      "Defense in depth: Sentinel WAF, Gateway TLS termination, Fabric isolation, security monitoring.",
    blueprint: SECURE_EDGE,
    plano: "starter",
  },
];

/** A fresh deep copy of a template's blueprint, safe to edit. */
export function blueprintFromTemplate(id: string): Blueprint | undefined {
  const t = TEMPLATES.find((x) => x.id === id);
  return t ? structuredClone(t.blueprint) : undefined;
}
