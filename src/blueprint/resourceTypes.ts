/**
 * The eight Tesserra products (contract §1), on their own: the wire schemas name them without
 * loading the blueprint's schema, which a page that only reads projects never builds.
 */
export const RESOURCE_TYPES = [
  "compute",
  "datastore",
  "archive",
  "gateway",
  "autoscale",
  "insight",
  "fabric",
  "sentinel",
] as const;
export type TipoRecurso = (typeof RESOURCE_TYPES)[number];
