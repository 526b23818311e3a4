/**
 * The offline world map's frame and projection (Natural Earth, fitted to the inhabited
 * latitudes: Antarctica would take a fifth of the height for no region). Light: markers and
 * arcs are projected in the browser; the land outline is drawn once, at build time
 * (`worldLand.ts`).
 */
import { geoNaturalEarth1, geoPath } from "d3-geo";

export const WORLD_WIDTH = 960;
export const WORLD_HEIGHT = 440;

export const worldProjection = geoNaturalEarth1().fitExtent(
  [
    [12, 12],
    [WORLD_WIDTH - 12, WORLD_HEIGHT - 12],
  ],
  {
    type: "MultiPoint",
    coordinates: [
      [-170, 78],
      [180, 78],
      [-170, -56],
      [180, -56],
      [0, 78],
      [0, -56],
    ],
  },
);

export const worldPath = geoPath(worldProjection);
