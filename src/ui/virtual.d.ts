declare module "virtual:world-land" {
  /** The world's land as an SVG path in the map's frame (see ui/worldLand.ts). */
  export const landPath: string;
}
