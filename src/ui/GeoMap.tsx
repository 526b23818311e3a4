import { landPath } from "virtual:world-land";
import type { ReactNode } from "react";
import { placeMarkerLabels } from "./mapLabels";
import { WORLD_HEIGHT, WORLD_WIDTH, worldPath, worldProjection } from "./worldProjection";

export interface GeoMarker {
  id: string;
  lat: number;
  lon: number;
  radius: number;
  /** Tailwind fill class, e.g. "fill-emerald-500". */
  className: string;
  label?: string;
  sublabel?: string;
  /** Draws a ring around the marker (e.g. the primary datastore). */
  ring?: boolean;
  title?: string;
}

export interface GeoArc {
  id: string;
  from: { lat: number; lon: number };
  to: { lat: number; lon: number };
  className: string;
}

const WIDTH = WORLD_WIDTH;
const HEIGHT = WORLD_HEIGHT;
const projection = worldProjection;
const path = worldPath;

function project(lat: number, lon: number): [number, number] {
  return projection([lon, lat]) ?? [0, 0];
}

/** An offline world map (no tiles): land from world-atlas, markers and great-circle arcs on top. */
export function GeoMap({
  markers,
  arcs = [],
  label,
  children,
}: {
  markers: GeoMarker[];
  arcs?: GeoArc[];
  label: string;
  children?: ReactNode;
}) {
  // Labels placed so that none covers another (neighbours like Lisboa and Frankfurt).
  const places = placeMarkerLabels(
    markers.map((m) => {
      const [x, y] = project(m.lat, m.lon);
      return { x, y, r: m.radius + (m.ring ? 5 : 0), label: m.label, sublabel: m.sublabel };
    }),
  );
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="h-auto w-full">
      <path
        d={landPath}
        className="fill-slate-200 stroke-white dark:fill-slate-800 dark:stroke-slate-900"
        strokeWidth={0.6}
      />
      {arcs.map((a) => (
        <path
          key={a.id}
          d={
            path({
              type: "LineString",
              coordinates: [
                [a.from.lon, a.from.lat],
                [a.to.lon, a.to.lat],
              ],
            }) ?? ""
          }
          className={`fill-none ${a.className}`}
          strokeWidth={2.5}
          strokeDasharray="6 5"
          strokeLinecap="round"
        />
      ))}
      {markers.map((m, i) => {
        const [x, y] = project(m.lat, m.lon);
        const place = places[i];
        return (
          <g key={m.id} transform={`translate(${x} ${y})`}>
            {m.title ? <title>{m.title}</title> : null}
            {m.ring ? (
              <circle
                r={m.radius + 5}
                className="fill-none stroke-indigo-500 dark:stroke-indigo-400"
                strokeWidth={2}
              />
            ) : null}
            <circle
              r={m.radius}
              className={`${m.className} stroke-white dark:stroke-slate-950`}
              strokeWidth={1.5}
              fillOpacity={0.85}
            />
            {m.label ? (
              <text
                x={place.label.x - x}
                y={place.label.y - y}
                textAnchor={place.label.anchor}
                className="fill-slate-800 text-[13px] font-semibold dark:fill-slate-100"
                paintOrder="stroke"
                stroke="currentColor"
                strokeWidth={0}
              >
                {m.label}
              </text>
            ) : null}
            {m.sublabel ? (
              <text
                x={place.sublabel.x - x}
                y={place.sublabel.y - y}
                textAnchor={place.sublabel.anchor}
                className="fill-slate-600 text-[12px] dark:fill-slate-300"
              >
                {m.sublabel}
              </text>
            ) : null}
          </g>
        );
      })}
      {children}
    </svg>
  );
}
