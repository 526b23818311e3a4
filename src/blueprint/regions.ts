/** The Tesserra region catalog (contract §1). */
export const CONTINENTS = ["south-america", "north-america", "europe", "asia"] as const;
export type Continent = (typeof CONTINENTS)[number];

export interface Region {
  id: string;
  city: string;
  continent: Continent;
  lat: number;
  lon: number;
}

export const REGIONS: readonly Region[] = [
  { id: "sa-east-1", city: "São Paulo", continent: "south-america", lat: -23.55, lon: -46.63 },
  { id: "us-east-1", city: "Ashburn", continent: "north-america", lat: 39.04, lon: -77.49 },
  { id: "us-west-1", city: "Portland", continent: "north-america", lat: 45.52, lon: -122.68 },
  { id: "eu-central-1", city: "Frankfurt", continent: "europe", lat: 50.11, lon: 8.68 },
  { id: "eu-south-1", city: "Lisboa", continent: "europe", lat: 38.72, lon: -9.14 },
  { id: "ap-southeast-1", city: "Singapore", continent: "asia", lat: 1.35, lon: 103.82 },
  { id: "ap-northeast-1", city: "Tokyo", continent: "asia", lat: 35.68, lon: 139.69 },
];

const byId = new Map(REGIONS.map((r) => [r.id, r]));

export function findRegion(id: string): Region | undefined {
  return byId.get(id);
}

/** A region's city ("São Paulo"), or the id itself when the catalog does not know it. */
export function cityOf(id: string): string {
  return byId.get(id)?.city ?? id;
}

/** Each region has three zones, `<region>a`, `<region>b`, `<region>c`. */
export function zonesOf(regionId: string): string[] {
  return ["a", "b", "c"].map((z) => `${regionId}${z}`);
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance (haversine) between two catalog regions, in km. */
export function greatCircleKm(a: Region, b: Region): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The candidate nearest to `from` by great-circle distance (a tie goes to the earlier candidate). */
export function nearestRegion(from: string, candidates: readonly string[]): string | undefined {
  const origin = findRegion(from);
  if (!origin) return undefined;
  let best: string | undefined;
  let bestKm = Number.POSITIVE_INFINITY;
  for (const id of candidates) {
    const r = findRegion(id);
    if (!r || id === from) continue;
    const km = greatCircleKm(origin, r);
    if (km < bestKm) {
      best = id;
      bestKm = km;
    }
  }
  return best;
}
