import type { ChangePlan, Finding } from "../../blueprint";

/**
 * The designer's Submit button and its flow (validate on the server, plan, apply). The
 * designer owns the draft; this control only reads it and reports back through callbacks.
 */
export interface SubmitControlProps {
  /** The document being edited, exactly as the user wrote it. */
  blueprint: unknown;
  /** Local findings with severidade "erro": submitting is refused while there are any. */
  localErrors: number;
  /** The project this draft was last submitted to (kept with the draft), or null. */
  linkedProjectId: string | null;
  onLinkedProject: (id: string) => void;
  /** Server findings, shown on nodes and in Problems like local ones; [] clears them. */
  onServerFindings: (findings: Finding[]) => void;
  /** The plan to colour on the canvas while it is shown; null clears it. */
  onPlan: (plan: ChangePlan | null) => void;
}

export function SubmitControl({ localErrors }: SubmitControlProps) {
  return (
    <button type="button" disabled={localErrors > 0} className="btn-primary">
      Submit
    </button>
  );
}
