/**
 * Checks answers against the OpenAPI document the emulator serves (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses), so an answer that drifts from the published contract fails the test that
 * received it, whatever that test was looking at.
 */
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

type Json = Record<string, unknown>;

const DOC_ID = "https://tesserra.test/openapi.json";

/** `/v1/projetos/{id}` → a regex for concrete paths. */
function templateRegex(template: string): RegExp {
  const escaped = template.replace(/[.+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+");
  return new RegExp(`^${escaped}$`);
}

const pointerEscape = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

export interface Conformance {
  /** Throws an Error naming every way the response breaks the document. Reads a clone. */
  check(method: string, url: string, response: Response): Promise<void>;
  /** How many responses were checked, so a suite can prove its net caught something. */
  readonly checked: number;
}

export function createConformance(document: Json): Conformance {
  const ajv = new Ajv2020({ strict: false, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOC_ID });
  const paths = Object.keys(document.paths as Json).map((template) => ({
    template,
    regex: templateRegex(template),
  }));
  const validators = new Map<string, ValidateFunction>();
  const validatorAt = (pointer: string) => {
    let v = validators.get(pointer);
    if (!v) {
      v = ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
      validators.set(pointer, v);
    }
    return v;
  };
  const problemValidator = () => validatorAt("/components/schemas/Problem");
  let checked = 0;

  return {
    get checked() {
      return checked;
    },
    async check(method, url, response) {
      checked++;
      const path = new URL(url).pathname;
      const status = String(response.status);
      const contentType = (response.headers.get("Content-Type") ?? "").split(";")[0].trim();
      const where = `${method} ${path} → ${status}`;
      const template = paths.find((p) => p.regex.test(path))?.template;
      const operation = template
        ? ((document.paths as Record<string, Json>)[template][method.toLowerCase()] as
            | Json
            | undefined)
        : undefined;

      if (!operation) {
        // Not an operation of the document: it must be refused, as a problem.
        if (response.status < 400)
          throw new Error(`${where}: not in the OpenAPI document, yet answered with success`);
        if (response.status === 405 && !response.headers.get("Allow"))
          throw new Error(`${where}: a 405 without an Allow header`);
        if (response.status === 204 || method === "HEAD") return;
        const body = await response.clone().json();
        if (!problemValidator()(body))
          throw new Error(`${where}: not a problem: ${ajv.errorsText(problemValidator().errors)}`);
        return;
      }

      const responses = operation.responses as Record<string, Json>;
      const documented = responses[status] ? status : responses.default ? "default" : undefined;
      if (!documented)
        throw new Error(
          `${where}: status not documented (documented: ${Object.keys(responses).join(", ")})`,
        );
      const content = responses[documented].content as Record<string, Json> | undefined;
      if (!content) {
        if (response.status !== 204 && method !== "HEAD" && (await response.clone().text()) !== "")
          throw new Error(`${where}: the document declares no body, yet one was sent`);
        return;
      }
      if (!content[contentType])
        throw new Error(
          `${where}: Content-Type "${contentType}" not documented (${Object.keys(content).join(", ")})`,
        );
      if (contentType === "text/event-stream" || method === "HEAD") return;
      const pointer = `/paths/${pointerEscape(template as string)}/${method.toLowerCase()}/responses/${documented}/content/${pointerEscape(contentType)}/schema`;
      const validate = validatorAt(pointer);
      const body = /[/+]json$/.test(contentType)
        ? await response.clone().json()
        : await response.clone().text();
      if (!validate(body))
        throw new Error(
          `${where}: the body breaks the document: ${ajv.errorsText(validate.errors)}`,
        );
    },
  };
}

/** Fetches the served document and returns a `fetch` that checks every answer against it. */
export async function conformingFetch(
  baseUrl: string,
): Promise<{ fetch: typeof fetch; conformance: Conformance }> {
  const document = (await (await fetch(`${baseUrl}/v1/openapi.json`)).json()) as Json;
  const conformance = createConformance(document);
  const checkedFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    await conformance.check(method.toUpperCase(), url, response);
    return response;
  }) as typeof fetch;
  return { fetch: checkedFetch, conformance };
}
