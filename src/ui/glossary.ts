/**
 * Human labels for the wire format's enum values, in one place: the UI never shows a raw wire
 * value as a label (codes stay visible, in mono, only where people need them to search or to
 * talk to the API).
 */
export const WIRE_LABELS: Record<string, string> = {
  // Resilience levels
  "zona-unica": "Single zone",
  "multi-zona": "Multi-zone",
  "multi-regiao": "Multi-region",
  // Replication, storage classes, sentinel modes, autoscale metrics
  assincrona: "Asynchronous",
  sincrona: "Synchronous (quorum)",
  padrao: "Standard",
  fria: "Cold",
  deteccao: "Detect only",
  bloqueio: "Block",
  latencia: "Latency",
  // SLI kinds
  disponibilidade: "Availability",
  // Plans
  starter: "Starter",
  business: "Business",
  enterprise: "Enterprise",
};

/** The label for a wire value, or the value itself when it has none (free text, names). */
export function wireLabel(value: unknown): string {
  const s = String(value ?? "");
  return WIRE_LABELS[s] ?? s;
}
