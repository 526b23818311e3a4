import { connectAll } from "../doc";
import { impliedConnections } from "../flow";
import type { Action } from "./types";

/** Writes the connections the contract implies (drawn dashed) into the blueprint. */
export const actionConnectImplied: Action = {
  name: "connectImplied",
  label: "action.connectImplied",
  enabled: (s) => impliedConnections(s.history.present).length > 0,
  perform: (s) => {
    const implied = impliedConnections(s.history.present);
    return implied.length === 0 ? null : { doc: connectAll(s.history.present, implied) };
  },
};
