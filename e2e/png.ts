/**
 * What the export tests need to look inside a PNG: a decoder for the 8-bit, non-interlaced
 * RGB and RGBA images that rsvg-convert and Chromium write (zlib and the five row filters of
 * the PNG spec), and where a drawn connection passes.
 */
import { inflateSync } from "node:zlib";

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixel(x: number, y: number): [number, number, number, number];
}

export function decodePng(file: Buffer): Raster {
  if (file.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString("latin1", offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6))
        throw new Error(
          `unsupported PNG (depth ${depth}, colour ${colour}, interlace ${interlace})`,
        );
      channels = colour === 6 ? 4 : 3;
    } else if (type === "IDAT") data.push(body);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[y * stride + i - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels] : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter}`);
      out[y * stride + i] = (row[i] + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    pixel(x, y) {
      const i = Math.round(y) * stride + Math.round(x) * channels;
      return [out[i], out[i + 1], out[i + 2], channels === 4 ? out[i + 3] : 255];
    },
  };
}

/** The point halfway along each connection (`<path class="connection" d="M… C…">`) of an SVG. */
export function connectionMidpoints(
  svg: string,
): { source: string; target: string; x: number; y: number }[] {
  const out: { source: string; target: string; x: number; y: number }[] = [];
  for (const m of svg.matchAll(
    /<path class="connection" data-source="([^"]*)" data-target="([^"]*)" d="([^"]+)"/g,
  )) {
    const [sx, sy, c1x, c1y, c2x, c2y, tx, ty] = (m[3].match(/-?[\d.]+/g) ?? []).map(Number);
    // A cubic Bézier at t = 1/2.
    out.push({
      source: m[1],
      target: m[2],
      x: (sx + 3 * c1x + 3 * c2x + tx) / 8,
      y: (sy + 3 * c1y + 3 * c2y + ty) / 8,
    });
  }
  return out;
}

/** Whether a colour near `rgb` is drawn within `r` pixels of (x, y). */
export function drawnNear(
  img: Raster,
  x: number,
  y: number,
  rgb: [number, number, number],
  r = 2,
): boolean {
  for (let dy = -r; dy <= r; dy++)
    for (let dx = -r; dx <= r; dx++) {
      const [pr, pg, pb, pa] = img.pixel(x + dx, y + dy);
      if (pa > 128 && Math.abs(pr - rgb[0]) + Math.abs(pg - rgb[1]) + Math.abs(pb - rgb[2]) < 60)
        return true;
    }
  return false;
}
