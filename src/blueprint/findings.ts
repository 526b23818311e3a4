/** A validation finding, exactly as the contract's wire shape (§1, "Rules beyond shape"). */
export const FINDING_CODES = [
  "esquema",
  "campo-desconhecido",
  "nome-duplicado",
  "replicas-invalidas",
  "replicas-por-regiao",
  "replicas-multi-zona",
  "multi-regiao-sem-gateway",
  "datastore-sem-ha",
  "regioes-insuficientes",
  "regiao-desconhecida",
  "regioes-mesmo-continente",
  "referencia-inexistente",
  "conexao-invalida",
  "plano-insuficiente",
  "gateway-sem-tls",
  "sem-insight",
  "limiar-obrigatorio",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Severity = "erro" | "aviso";

export interface Finding {
  /** RFC 6901 JSON Pointer into the blueprint, "" for the whole document. */
  ponteiro: string;
  codigo: FindingCode;
  severidade: Severity;
  mensagem: string;
}

export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((seg) => `/${String(seg).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

export function fromPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((seg) => seg.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** The resource index a pointer is about (`/recursos/3/config/x` → 3), if any. */
export function resourceIndexOf(pointer: string): number | undefined {
  const m = /^\/recursos\/(\d+)(?:\/|$)/.exec(pointer);
  return m ? Number(m[1]) : undefined;
}

/** Findings grouped by the index of the resource they point into (`/recursos/<i>/…`). */
export function findingsByResource(findings: readonly Finding[]): Map<number, Finding[]> {
  const grouped = new Map<number, Finding[]>();
  for (const f of findings) {
    const i = resourceIndexOf(f.ponteiro);
    if (i === undefined) continue;
    const list = grouped.get(i);
    if (list) list.push(f);
    else grouped.set(i, [f]);
  }
  return grouped;
}
