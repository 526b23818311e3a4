/** Words for the assessment in the designer's Resilience view. Pure. */
import { type Avaliacao, findRegion, nearestRegion } from "../blueprint";

const city = (regiao: string) => findRegion(regiao)?.city ?? regiao;

export const seconds = (s: number | null) => (s === null ? "—" : `${s} s`);
export const usd = (n: number) =>
  n.toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 });

/** "If São Paulo goes down: traffic moves to Ashburn in 36 s; up to 2.5 s of writes are lost." */
export function regionLossSentence(a: Avaliacao, regiao: string): string {
  const loss = a.cenarios.find((c) => c.tipo === "perda-regiao" && c.regiao === regiao);
  const regions = a.cenarios.filter((c) => c.tipo === "perda-regiao").map((c) => c.regiao);
  if (!loss?.sobrevive || loss.rto_s === null)
    return `If ${city(regiao)} goes down: the design goes down with it; nothing takes its traffic. Add a region and a gateway.`;
  const to = nearestRegion(
    regiao,
    regions.filter((r) => r !== regiao),
  );
  const writes =
    loss.rpo_s && loss.rpo_s > 0 ? `up to ${loss.rpo_s} s of writes are lost` : "no write is lost";
  return `If ${city(regiao)} goes down: traffic moves to ${to ? city(to) : "another region"} in ${loss.rto_s} s; ${writes}.`;
}

/** The label of a one-click fix, e.g. "Set replicas_min to 6", "Check every 8 s × 3". */
export function fixLabel(ponteiro: string, valor: unknown): string {
  const field = ponteiro.split("/").pop() ?? ponteiro;
  if (field === "health_check" && typeof valor === "object" && valor !== null) {
    const hc = valor as { intervalo_s?: number; falhas_para_failover?: number };
    return `Check every ${hc.intervalo_s} s × ${hc.falhas_para_failover}`;
  }
  return `Set ${field} to ${typeof valor === "string" ? valor : JSON.stringify(valor)}`;
}

/** How a figure compares with its policy, in words (colour is never the only signal). */
export function verdict(ok: boolean): { text: string; tone: "ok" | "warning" } {
  return ok
    ? { text: "meets the policy", tone: "ok" }
    : { text: "misses the policy", tone: "warning" };
}
