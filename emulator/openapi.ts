/**
 * `GET /v1/openapi.json`: contract §2 as OpenAPI 3.1, generated from the same zod schemas the
 * emulator answers with and the console parses with, so the document cannot drift from them.
 */
import * as z from "zod";
import { AvaliacaoSchema, blueprintJsonSchema, PLANS } from "../src/blueprint";
import { OtimizacaoSchema } from "../src/blueprint/otimizacao";
import { PraticaSchema, RunbookSchema } from "../src/blueprint/runbook/shape";
import {
  EstadoSchema,
  MetricasSchema,
  NovoTesteFailoverSchema,
  PONTOS_JSON_SCHEMA,
  PontosSchema,
  SERIES,
  SloStatusSchema,
  TesteFailoverSchema,
} from "../src/contract/monitoring";
import {
  ComentarioSchema,
  NovaDecisaoSchema,
  NovaRevisaoSchema,
  NovoComentarioSchema,
  REVIEW_STATUSES,
  RevisaoSchema,
} from "../src/contract/reviews";
import {
  ContaSchema,
  EventoSchema,
  ImplantacaoSchema,
  PlanoRespostaSchema,
  ProblemSchema,
  ProjetoSchema,
  RegioesSchema,
  ValidacaoSchema,
} from "../src/contract/schemas";

type Json = Record<string, unknown>;

/**
 * zod closes a tuple with `items: false`; `minItems`/`maxItems` already bound it, and common
 * OpenAPI tools misread `false` as a schema, so it is dropped.
 */
function withoutClosedTupleItems(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutClosedTupleItems);
  if (typeof node !== "object" || node === null) return node;
  const entries = Object.entries(node).filter(
    ([k, v]) => !(k === "items" && v === false && "prefixItems" in node),
  );
  return Object.fromEntries(entries.map(([k, v]) => [k, withoutClosedTupleItems(v)]));
}

function schemaOf(schema: z.ZodType): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "output",
    unrepresentable: "any",
    override(ctx) {
      if (ctx.zodSchema === PontosSchema) Object.assign(ctx.jsonSchema, PONTOS_JSON_SCHEMA);
    },
  }) as Json;
  return withoutClosedTupleItems(rest) as Json;
}

/** What each operation does, for readers of the document and generated clients. */
const DESCRIPTIONS: Record<string, string> = {
  getConta: "Answers the organization and plan of the bearer token. Use it to check a token.",
  listRegioes:
    "Lists every region a blueprint may name, with its city, continent, coordinates and three zones.",
  validarBlueprint:
    "Checks a blueprint's shape, the contract's rules and the account's plan. Nothing is created; `valido` is false when any finding is an error.",
  otimizarBlueprint:
    "Searches the designs made from a blueprint by choosing its regions, level, web replicas, datastore HA and replication, archive class and health checks (contract §8), and answers the cheapest, the least changed and the most available that meet the policy, and the cost/availability frontier. The plan defaults to the token's. Nothing is created.",
  avaliarBlueprint:
    "Estimates a blueprint's availability, the RTO and RPO of losing each region and zone, its conformance to the resilience policy, and its monthly cost. Nothing is created.",
  listProjetos: "Lists the organization's projects, newest first.",
  createProjeto:
    "Creates a project from a valid blueprint and starts its first deployment. Send an Idempotency-Key so a retried request creates one project.",
  getProjeto: "Answers the project with its current blueprint; the ETag names its version.",
  updateProjeto:
    "Applies a new blueprint and starts a deployment of what changed. If-Match must carry the ETag of the version the change starts from (strong comparison).",
  deleteProjeto:
    "Tears the project down. With If-Match, only when the project is still at that version.",
  planProjeto:
    "Answers what applying the blueprint would create, change and remove, against the project's current version, with the blueprint's warnings.",
  getImplantacao:
    "A deployment with one step per resource and region: pendente, provisionando, pronto or falhou.",
  listEventos:
    "The project's events as a JSON list, or as a server-sent-events stream with `Accept: text/event-stream`; a stream resumes after `Last-Event-ID`.",
  getEstado:
    "Live topology: per region and zone the healthy replicas, traffic weights, each datastore's primary and replication lag, and an ongoing failover.",
  getSlos:
    "Every SLO's SLI over its window, error budget remaining and burn rates, per region and aggregated by request counts, with the alerts firing.",
  getMetricas: "One time series for a region or globally, downsampled to at most 10,000 points.",
  getMetricasLote:
    "Many series over one window in one request, in the order asked; `*` stands for every region of the project then `global`, so a dashboard can ask before it knows the regions. A bad item is a 400 that names it.",
  getMetricsPrometheus:
    "The project's simulated counters in the Prometheus text format, for a Prometheus (or Mimir, Thanos) to scrape with the same bearer token. Over any window, 5xx over all requests equals 1 − the availability series.",
  exportarSlos:
    "The project's SLOs as Prometheus rules (error-ratio recording rules and multiwindow burn-rate alerts, contract §4) or as OpenSLO v1 documents, as YAML.",
  listTestesFailover: "The project's failover drills, newest first.",
  startTesteFailover:
    "Starts a drill that takes a region (or, with `zona`, one of its zones) down for `duracao_s` simulated seconds. Refused with 409 and nothing started, checked in this order: `projeto-nao-ativo` (the project is not active), `teste-em-andamento` (a drill or a runbook practice is under way), `teste-inseguro` (no healthy region would be left serving).",
  getRunbook:
    "The project's BCDR runbook: every region and zone-a loss with its steps, the design's estimate, and whether a drill proves it (`status`). With `Accept: text/markdown`, the same runbook as a Markdown document in the request's language.",
  requestRevisao:
    "Requests Tesserra engineering's review of the project's current version, with its evidence (assessment, runbook status, verifications) snapshotted now. 409 revisao-em-aberto while one is pending for the same design.",
  listRevisoesProjeto: "The project's reviews, newest first (its organization, or a reviewer).",
  listRevisoes:
    "Reviewers only: every organization's reviews, newest first, optionally by status (`?status=pendente`).",
  getRevisao: "A review with its evidence, comments and decision.",
  commentRevisao:
    "Adds a comment to a review, on the whole design or on the field a JSON Pointer into the reviewed blueprint names.",
  decideRevisao:
    "Reviewers only: approves or requests changes on a pending review. Approving over an unmet `alta` verification needs a note of at least 20 characters; the override is recorded in `decisao.sobrepoe`.",
  withdrawRevisao: "The owner withdraws a pending review.",
  cutoverProjeto:
    "Moves the project to production. A multi-region project needs an approved review of its current design (its signature); 409 revisao-necessaria, revisao-desatualizada or ja-em-producao otherwise.",
  praticarRunbook:
    "Queues a 60 s drill for every surviving scenario that is not `testado`, in scenario order, one at a time; each is checked against the safety rules when it starts, and a refused one is skipped with a `teste-failover` event saying why.",
  getTesteFailover:
    "The drill's report: detection, traffic moved, measured RTO and RPO, failed requests, error budget spent and the timeline.",
  getOpenApi: "This document.",
};

/** The blueprint schema's `$defs` move to components, and its refs follow them. */
function blueprintComponents(): Record<string, Json> {
  const { $schema: _s, $id: _i, $defs, ...blueprint } = blueprintJsonSchema();
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (typeof node !== "object" || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        k === "$ref" && typeof v === "string"
          ? v.replace("#/$defs/", "#/components/schemas/")
          : rewrite(v),
      ]),
    );
  };
  const defs = Object.fromEntries(
    Object.entries(($defs ?? {}) as Record<string, unknown>).map(([k, v]) => [
      k,
      rewrite(v) as Json,
    ]),
  );
  return { Blueprint: rewrite(blueprint) as Json, ...defs };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const errors = {
  "401": problem("No token, or a token this API does not know."),
};
const idParam = {
  name: "id",
  in: "path",
  required: true,
  description: "The project's id.",
  schema: { type: "string" },
};
const ridParam = {
  name: "rid",
  in: "path",
  required: true,
  description: "The review's id.",
  schema: { type: "string" },
};
const REVIEW_STATUS_VALUES = REVIEW_STATUSES;
/** A series' window: `de`, `ate` (default: the last 24 hours) and `passo` (seconds). */
const windowParams = [
  { name: "de", in: "query", required: false, schema: { type: "string", format: "date-time" } },
  { name: "ate", in: "query", required: false, schema: { type: "string", format: "date-time" } },
  {
    name: "passo",
    in: "query",
    required: false,
    schema: { type: "integer", minimum: 60, maximum: 86400 },
  },
];
const blueprintBody = {
  required: true,
  content: { "application/json": { schema: ref("Blueprint") } },
};
const refusedBlueprint = {
  "400": problem("The body is not JSON."),
  "403": problem("The account's plan does not allow this blueprint (plano-insuficiente)."),
  "413": problem("The body is over 1 MB."),
  "415": problem("The body is not sent as application/json."),
  "422": problem("The blueprint is invalid; `problemas` lists each finding with its pointer."),
};

export function openApiDocument(): Json {
  const schemas: Record<string, Json> = {
    ...blueprintComponents(),
    Problem: schemaOf(ProblemSchema),
    Conta: schemaOf(ContaSchema),
    Regioes: schemaOf(RegioesSchema),
    Validacao: schemaOf(ValidacaoSchema),
    PlanoResposta: schemaOf(PlanoRespostaSchema),
    Avaliacao: schemaOf(AvaliacaoSchema),
    Otimizacao: schemaOf(OtimizacaoSchema),
    PedidoOtimizacao: {
      type: "object",
      required: ["blueprint"],
      additionalProperties: false,
      properties: {
        blueprint: ref("Blueprint"),
        plano: { type: "string", enum: [...PLANS], description: "Default: the token's plan." },
      },
    },
    Projeto: schemaOf(ProjetoSchema),
    Implantacao: schemaOf(ImplantacaoSchema),
    Evento: schemaOf(EventoSchema),
    Estado: schemaOf(EstadoSchema),
    SloStatus: schemaOf(SloStatusSchema),
    Metricas: schemaOf(MetricasSchema),
    NovoTesteFailover: schemaOf(NovoTesteFailoverSchema),
    TesteFailover: schemaOf(TesteFailoverSchema),
    Runbook: schemaOf(RunbookSchema),
    Revisao: schemaOf(RevisaoSchema),
    NovaRevisao: schemaOf(NovaRevisaoSchema),
    Comentario: schemaOf(ComentarioSchema),
    NovoComentario: schemaOf(NovoComentarioSchema),
    NovaDecisao: schemaOf(NovaDecisaoSchema),
    Pratica: schemaOf(PraticaSchema),
  };
  const op = (operationId: string, summary: string, rest: Json) => ({
    operationId,
    summary,
    description: DESCRIPTIONS[operationId],
    ...rest,
  });
  const document: Json = {
    openapi: "3.1.0",
    info: {
      title: "Tesserra API",
      version: "1.0.0",
      description:
        "Design, deploy and monitor multi-region Tesserra architectures. Served locally by the Tesserra emulator.",
      license: { name: "Proprietary", identifier: "LicenseRef-Tesserra" },
    },
    servers: [{ url: "/", description: "This emulator" }],
    security: [{ bearer: [] }],
    tags: [
      { name: "conta", description: "The account and the region catalog." },
      { name: "projetos", description: "Projects, deployments and events." },
      { name: "monitoramento", description: "Live state, SLOs, metrics and failover drills." },
      { name: "revisoes", description: "Engineering review before production cutover." },
    ],
    paths: {
      "/v1/conta": {
        get: op("getConta", "The token's organization and plan", {
          tags: ["conta"],
          responses: { "200": json(ref("Conta"), "The account."), ...errors },
        }),
      },
      "/v1/regioes": {
        get: op("listRegioes", "The region catalog", {
          tags: ["conta"],
          responses: { "200": json(ref("Regioes"), "Every region with its zones."), ...errors },
        }),
      },
      "/v1/blueprints/avaliar": {
        post: op("avaliarBlueprint", "Assess a blueprint's resilience and cost", {
          tags: ["projetos"],
          requestBody: blueprintBody,
          responses: {
            "200": json(ref("Avaliacao"), "The assessment; nothing is created."),
            "400": problem("The body is not JSON."),
            "413": problem("The body is over 1 MB."),
            "415": problem("The body is not sent as application/json."),
            "422": problem("The blueprint has errors; `problemas` lists each one."),
            ...errors,
          },
        }),
      },
      "/v1/blueprints/otimizar": {
        post: op("otimizarBlueprint", "Find the cheapest design that meets the policy", {
          tags: ["projetos"],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("PedidoOtimizacao") } },
          },
          responses: {
            "200": json(ref("Otimizacao"), "The options and the frontier; nothing is created."),
            "400": problem("The body is not JSON."),
            "413": problem("The body is over 1 MB."),
            "415": problem("The body is not sent as application/json."),
            "422": problem(
              "The body is not `{ blueprint, plano? }` or the blueprint's shape is wrong; `problemas` lists each finding.",
            ),
            ...errors,
          },
        }),
      },
      "/v1/blueprints/validar": {
        post: op("validarBlueprint", "Validate a blueprint against shape, rules and plan", {
          tags: ["projetos"],
          requestBody: blueprintBody,
          responses: {
            "200": json(ref("Validacao"), "The findings; nothing is created."),
            "400": problem("The body is not JSON."),
            "413": problem("The body is over 1 MB."),
            "415": problem("The body is not sent as application/json."),
            ...errors,
          },
        }),
      },
      "/v1/projetos": {
        get: op("listProjetos", "The organization's projects, newest first", {
          tags: ["projetos"],
          responses: {
            "200": json({ type: "array", items: ref("Projeto") }, "The projects."),
            ...errors,
          },
        }),
        post: op("createProjeto", "Create a project from a blueprint and deploy it", {
          tags: ["projetos"],
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description:
                "The same key and body within 24 h answers the first answer again; the same key with another body is 422.",
              schema: { type: "string", maxLength: 255 },
            },
          ],
          requestBody: blueprintBody,
          responses: {
            "201": json(ref("Projeto"), "Created; its first deployment has started."),
            ...refusedBlueprint,
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}": {
        parameters: [idParam],
        get: op("getProjeto", "A project", {
          tags: ["projetos"],
          responses: {
            "200": {
              ...json(ref("Projeto"), "The project, with its version as ETag."),
              headers: { ETag: { description: "The version.", schema: { type: "string" } } },
            },
            "404": problem("No such project in the organization."),
            ...errors,
          },
        }),
        put: op("updateProjeto", "Apply a new blueprint and deploy it", {
          tags: ["projetos"],
          parameters: [
            {
              name: "If-Match",
              in: "header",
              required: true,
              description: "The ETag of the version this change starts from.",
              schema: { type: "string" },
            },
          ],
          requestBody: blueprintBody,
          responses: {
            "200": json(ref("Projeto"), "Updated; a new deployment has started."),
            "404": problem("No such project in the organization."),
            "412": problem("The project changed since that ETag; nothing was changed."),
            "428": problem("If-Match is missing."),
            ...refusedBlueprint,
            ...errors,
          },
        }),
        delete: op("deleteProjeto", "Tear a project down", {
          tags: ["projetos"],
          responses: {
            "204": { description: "Deleted." },
            "404": problem("No such project in the organization."),
            "412": problem("If-Match was given and is stale."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/plano": {
        parameters: [idParam],
        post: op("planProjeto", "What applying a blueprint would create, change and remove", {
          tags: ["projetos"],
          requestBody: blueprintBody,
          responses: {
            "200": json(ref("PlanoResposta"), "The plan."),
            "404": problem("No such project in the organization."),
            ...refusedBlueprint,
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/implantacoes/{iid}": {
        parameters: [
          idParam,
          { name: "iid", in: "path", required: true, schema: { type: "string" } },
        ],
        get: op("getImplantacao", "A deployment, step by step", {
          tags: ["projetos"],
          responses: {
            "200": json(ref("Implantacao"), "The deployment."),
            "404": problem("No such project or deployment."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/eventos": {
        parameters: [idParam],
        get: op("listEventos", "The project's events, as JSON or a server-sent-events stream", {
          tags: ["projetos"],
          parameters: [
            {
              name: "Last-Event-ID",
              in: "header",
              required: false,
              description: "Resume after this event id.",
              schema: { type: "string" },
            },
          ],
          responses: {
            "200": {
              description:
                "A JSON list, or with `Accept: text/event-stream` a stream whose messages carry one Evento each.",
              content: {
                "application/json": { schema: { type: "array", items: ref("Evento") } },
                "text/event-stream": { schema: { type: "string" } },
              },
            },
            "404": problem("No such project in the organization."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/estado": {
        parameters: [idParam],
        get: op("getEstado", "Live topology and health", {
          tags: ["monitoramento"],
          responses: {
            "200": json(ref("Estado"), "The state now."),
            "404": problem("No such project in the organization."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/slos": {
        parameters: [idParam],
        get: op("getSlos", "SLOs with budgets, burn rates and alerts, per region and global", {
          tags: ["monitoramento"],
          responses: {
            "200": json(ref("SloStatus"), "The SLO status now."),
            "404": problem("No such project in the organization."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/metricas": {
        parameters: [idParam],
        get: op("getMetricas", "A time series, downsampled to at most 10,000 points", {
          tags: ["monitoramento"],
          parameters: [
            {
              name: "serie",
              in: "query",
              required: true,
              schema: { type: "string", enum: [...SERIES] },
            },
            { name: "regiao", in: "query", required: false, schema: { type: "string" } },
            ...windowParams,
          ],
          responses: {
            "200": json(ref("Metricas"), "The series."),
            "400": problem("An invalid query."),
            "404": problem("No such project in the organization."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/metricas/lote": {
        parameters: [idParam],
        get: op("getMetricasLote", "Many series in one request (contract §9)", {
          tags: ["monitoramento"],
          parameters: [
            {
              name: "series",
              in: "query",
              required: true,
              description:
                "`<serie>:<regiao>,...`; `<regiao>` may be `*`: every region of the project in `regioes` order, then `global`. At most 64 series after `*` is expanded.",
              schema: { type: "string" },
            },
            ...windowParams,
          ],
          responses: {
            "200": json(
              {
                type: "object",
                required: ["series"],
                properties: { series: { type: "array", items: ref("Metricas") } },
              },
              "The series, in the order asked.",
            ),
            "400": problem("An invalid query; the detail names the item at fault."),
            "404": problem("No such project in the organization."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/metrics": {
        parameters: [idParam],
        get: op("getMetricsPrometheus", "The project's counters for Prometheus (contract §9)", {
          tags: ["monitoramento"],
          responses: {
            "200": {
              description:
                "Prometheus text exposition 0.0.4: `tesserra_requests_total` by `regiao` and `codigo`, and the histogram `tesserra_request_duration_seconds` of successful requests, counting from when the emulator started serving the project.",
              content: { "text/plain": { schema: { type: "string" } } },
            },
            "404": problem("No such project in the organization."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/slos/exportar": {
        parameters: [idParam],
        get: op("exportarSlos", "The SLOs as Prometheus rules or OpenSLO (contract §9)", {
          tags: ["monitoramento"],
          parameters: [
            {
              name: "formato",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["prometheus", "openslo"], default: "prometheus" },
            },
          ],
          responses: {
            "200": {
              description:
                "YAML: Prometheus rule groups (recording rules and `TesserraSloBurnRate` alerts) or OpenSLO v1 documents, selecting this project.",
              content: { "application/yaml": { schema: { type: "string" } } },
            },
            "400": problem("An unknown `formato`."),
            "404": problem("No such project in the organization."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/testes-failover": {
        parameters: [idParam],
        get: op("listTestesFailover", "The project's failover drills, newest first", {
          tags: ["monitoramento"],
          responses: {
            "200": json({ type: "array", items: ref("TesteFailover") }, "The drills."),
            "404": problem("No such project in the organization."),
            ...errors,
          },
        }),
        post: op("startTesteFailover", "Start a drill that takes a region down", {
          tags: ["monitoramento"],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("NovoTesteFailover") } },
          },
          responses: {
            "202": json(ref("TesteFailover"), "Started."),
            "400": problem("The body is not JSON."),
            "413": problem("The body is over 1 MB."),
            "415": problem("The body is not sent as application/json."),
            "404": problem("No such project in the organization."),
            "409": problem(
              "Refused by a safety rule (`type` names it): projeto-nao-ativo, teste-em-andamento or teste-inseguro.",
            ),
            "422": problem("An unknown region or zone, or an invalid duration."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/testes-failover/{tid}": {
        parameters: [
          idParam,
          { name: "tid", in: "path", required: true, schema: { type: "string" } },
        ],
        get: op("getTesteFailover", "A drill's report", {
          tags: ["monitoramento"],
          responses: {
            "200": json(ref("TesteFailover"), "The report, complete once the drill is over."),
            "404": problem("No such project or drill."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/runbook": {
        parameters: [idParam],
        get: op("getRunbook", "The project's BCDR runbook", {
          tags: ["monitoramento"],
          responses: {
            "200": {
              description: "The runbook, as JSON or (Accept: text/markdown) as a document.",
              content: {
                "application/json": { schema: ref("Runbook") },
                "text/markdown": { schema: { type: "string" } },
              },
            },
            "404": problem("No such project in the organization."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/runbook/praticar": {
        parameters: [idParam],
        post: op("praticarRunbook", "Drill every scenario the runbook has not proven", {
          tags: ["monitoramento"],
          responses: {
            "202": json(ref("Pratica"), "The scenarios queued, in the order they will run."),
            "404": problem("No such project in the organization."),
            "409": problem("A drill or a practice is under way (teste-em-andamento)."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/revisoes": {
        parameters: [idParam],
        get: op("listRevisoesProjeto", "The project's engineering reviews", {
          tags: ["revisoes"],
          responses: {
            "200": json({ type: "array", items: ref("Revisao") }, "Newest first."),
            "404": problem("No such project (or, for a reviewer, no review of it)."),
            ...errors,
          },
        }),
        post: op("requestRevisao", "Request an engineering review of the current version", {
          tags: ["revisoes"],
          requestBody: {
            required: false,
            content: { "application/json": { schema: ref("NovaRevisao") } },
          },
          responses: {
            "201": json(ref("Revisao"), "Requested, with its evidence."),
            "400": problem("The body is not JSON."),
            "403": problem("A reviewer never requests a review."),
            "404": problem("No such project in the organization."),
            "409": problem("A review of this design is already pending (revisao-em-aberto)."),
            "415": problem("The body is not sent as application/json."),
            "422": problem("The note is not a string of at most 2,000 characters."),
            ...errors,
          },
        }),
      },
      "/v1/projetos/{id}/cutover": {
        parameters: [idParam],
        post: op("cutoverProjeto", "Cut over to production", {
          tags: ["revisoes"],
          parameters: [
            { name: "If-Match", in: "header", required: true, schema: { type: "string" } },
          ],
          responses: {
            "200": json(ref("Projeto"), "In production."),
            "403": problem("A reviewer never cuts a project over."),
            "404": problem("No such project in the organization."),
            "409": problem("revisao-necessaria, revisao-desatualizada or ja-em-producao."),
            "412": problem("If-Match does not name the current version."),
            "428": problem("No If-Match."),
            ...errors,
          },
        }),
      },
      "/v1/revisoes": {
        get: op("listRevisoes", "Every review (Tesserra engineering)", {
          tags: ["revisoes"],
          parameters: [
            {
              name: "status",
              in: "query",
              required: false,
              schema: { type: "string", enum: [...REVIEW_STATUS_VALUES] },
            },
          ],
          responses: {
            "200": json({ type: "array", items: ref("Revisao") }, "Newest first."),
            "400": problem("An unknown status."),
            "403": problem("A customer token (somente-revisor)."),
            ...errors,
          },
        }),
      },
      "/v1/revisoes/{rid}": {
        parameters: [ridParam],
        get: op("getRevisao", "A review", {
          tags: ["revisoes"],
          responses: {
            "200": json(ref("Revisao"), "The review."),
            "404": problem("No review this token may see."),
            ...errors,
          },
        }),
      },
      "/v1/revisoes/{rid}/comentarios": {
        parameters: [ridParam],
        post: op("commentRevisao", "Comment on a review", {
          tags: ["revisoes"],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("NovoComentario") } },
          },
          responses: {
            "201": json(ref("Comentario"), "The comment."),
            "400": problem("The body is not JSON."),
            "404": problem("No review this token may see."),
            "415": problem("The body is not sent as application/json."),
            "422": problem("No text, text over 2,000 characters, or a pointer to nothing."),
            ...errors,
          },
        }),
      },
      "/v1/revisoes/{rid}/decisao": {
        parameters: [ridParam],
        post: op("decideRevisao", "Approve or request changes (Tesserra engineering)", {
          tags: ["revisoes"],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("NovaDecisao") } },
          },
          responses: {
            "200": json(ref("Revisao"), "Decided."),
            "400": problem("The body is not JSON."),
            "403": problem("A customer never decides a review (somente-revisor)."),
            "404": problem("No review this token may see."),
            "409": problem("The review is not pending (revisao-nao-pendente)."),
            "415": problem("The body is not sent as application/json."),
            "422": problem("An invalid body, or an override without a 20-character note."),
            ...errors,
          },
        }),
      },
      "/v1/revisoes/{rid}/retirar": {
        parameters: [ridParam],
        post: op("withdrawRevisao", "Withdraw a pending review (its owner)", {
          tags: ["revisoes"],
          responses: {
            "200": json(ref("Revisao"), "Withdrawn."),
            "403": problem("A reviewer never withdraws a review."),
            "404": problem("No review this token may see."),
            "409": problem("The review is not pending (revisao-nao-pendente)."),
            ...errors,
          },
        }),
      },
      "/v1/openapi.json": {
        get: op("getOpenApi", "This document", {
          tags: ["conta"],
          security: [],
          responses: {
            "200": json(
              { type: "object", additionalProperties: true },
              "The OpenAPI 3.1 document.",
            ),
          },
        }),
      },
    },
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A token from TESSERRA_TOKENS (default: dev, business, starter).",
        },
      },
    },
  };
  // Every write can meet a reviewer's token, which only reads (§7): say so where it applies.
  for (const item of Object.values(document.paths as Record<string, Record<string, Json>>))
    for (const [method, operation] of Object.entries(item)) {
      if (method === "get" || method === "parameters") continue;
      const responses = operation.responses as Record<string, unknown>;
      responses["403"] ??= problem(
        "A reviewer's token on a write Tesserra engineering never makes (revisor-somente-leitura).",
      );
      // Any write may carry a body, even one that takes none: it must be JSON, at most 1 MB.
      if (method === "post" || method === "put") {
        responses["413"] ??= problem("The body is over 1 MB.");
        responses["415"] ??= problem("A body not sent as application/json.");
      }
    }
  return document;
}
