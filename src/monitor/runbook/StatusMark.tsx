import type { ScenarioStatus } from "../../blueprint/runbook/shape";
import { Badge } from "../../ui/Card";
import { STATUS_TONE } from "./runbookView";

/** The marks inside each status's icon. */
function shapeOf(status: ScenarioStatus) {
  switch (status) {
    case "testado":
      return <path d="M2.5 6.2 5 8.6l4.5-5.2" />;
    case "nunca-testado":
      return <circle cx="6" cy="6" r="4.2" strokeDasharray="2 1.6" />;
    case "desatualizado":
      return <path d="M9.6 4.2A4 4 0 1 0 10 7M10 1.8v2.6H7.4" />;
    case "vencido":
      return <path d="M6 1.8a4.2 4.2 0 1 0 0 8.4 4.2 4.2 0 0 0 0-8.4M6 3.6V6l1.8 1.2" />;
    case "reprovado":
      return <path d="m3 3 6 6M9 3 3 9" />;
    default:
      return <path d="M6 1.8a4.2 4.2 0 1 0 0 8.4 4.2 4.2 0 0 0 0-8.4M3 9l6-6" />;
  }
}

/** One shape per status, so status never rests on colour alone (the badge also says it). */
function StatusIcon({ status }: { status: ScenarioStatus }) {
  return (
    <svg
      width={12}
      height={12}
      viewBox="0 0 12 12"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {shapeOf(status)}
    </svg>
  );
}

export function StatusMark({ status, label }: { status: ScenarioStatus; label: string }) {
  return (
    <Badge tone={STATUS_TONE[status]}>
      <StatusIcon status={status} />
      {label}
    </Badge>
  );
}
