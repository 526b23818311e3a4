/**
 * The land outline as one SVG path, computed from world-atlas at build time (the Vite plugin
 * `virtual:world-land` in vite.config.ts): decoding the topology and projecting every coast
 * cost each page with a map a long task in the browser.
 */

import { geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import landTopology from "world-atlas/land-110m.json" with { type: "json" };
import { worldProjection } from "./worldProjection.ts";

export function worldLandPath(): string {
  const topology = landTopology as unknown as Topology<{ land: GeometryCollection }>;
  // A tenth of a pixel in a 960-wide frame is finer than any screen shows.
  return geoPath(worldProjection).digits(1)(feature(topology, topology.objects.land)) ?? "";
}
