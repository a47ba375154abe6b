import { PNG } from 'pngjs';

/**
 * The app's two Teams icons, drawn from a few shapes so that they are the same on every build:
 * a speech bubble with a check mark (a question answered). Teams asks for a 192×192 full-colour
 * icon and a 32×32 outline icon, white on a transparent background.
 */

/** The accent colour of the app (the colour icon's background and the manifest's accentColor). */
export const ACCENT_COLOR = '#1F5F8B';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

type Point = readonly [number, number];

/** Shapes in a unit square (0 = left/top, 1 = right/bottom). */
const BUBBLE = { left: 0.16, top: 0.2, right: 0.84, bottom: 0.68, radius: 0.12 };
const TAIL: readonly [Point, Point, Point] = [
  [0.3, 0.64],
  [0.48, 0.64],
  [0.26, 0.84],
];
const CHECK: readonly Point[] = [
  [0.35, 0.44],
  [0.46, 0.54],
  [0.65, 0.35],
];

function insideRoundedRect(x: number, y: number): boolean {
  const { left, top, right, bottom, radius } = BUBBLE;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return x >= left && x <= right && y >= top && y <= bottom && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insideTriangle(x: number, y: number, [a, b, c]: readonly [Point, Point, Point]): boolean {
  const side = (p: Point, q: Point) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

function insideBubble(x: number, y: number): boolean {
  return insideRoundedRect(x, y) || insideTriangle(x, y, TAIL);
}

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function onCheck(x: number, y: number, halfWidth: number): boolean {
  for (let i = 1; i < CHECK.length; i++) if (distanceToSegment(x, y, CHECK[i - 1]!, CHECK[i]!) <= halfWidth) return true;
  return false;
}

/** Inside the bubble but within `width` of its edge (the outline drawing of the bubble). */
function onBubbleEdge(x: number, y: number, width: number): boolean {
  if (!insideBubble(x, y)) return false;
  for (let k = 0; k < 16; k++) {
    const angle = (k * Math.PI) / 8;
    if (!insideBubble(x + width * Math.cos(angle), y + width * Math.sin(angle))) return true;
  }
  return false;
}

/** Fraction (0–1) of a pixel covered by a shape, from 4×4 samples: smooth edges without a font or a renderer. */
function coverage(size: number, px: number, py: number, covered: (x: number, y: number) => boolean): number {
  const n = 4;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (covered((px + (i + 0.5) / n) / size, (py + (j + 0.5) / n) / size)) hits++;
  }
  return hits / (n * n);
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function encode(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const offset = (y * size + x) * 4;
      const [r, g, b, a] = pixel(x, y);
      png.data[offset] = r;
      png.data[offset + 1] = g;
      png.data[offset + 2] = b;
      png.data[offset + 3] = a;
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** Drawn once per process: the drawing never changes. */
function once(draw: () => Buffer): () => Buffer {
  let png: Buffer | undefined;
  return () => (png ??= draw());
}

/** 192×192, opaque: a white bubble on the accent colour, the check mark in the accent colour. */
export const colorIcon = once(() => {
  const size = COLOR_ICON_SIZE;
  const accent = hexToRgb(ACCENT_COLOR);
  return encode(size, (x, y) => {
    const white = coverage(size, x, y, (u, v) => insideBubble(u, v) && !onCheck(u, v, 0.045));
    const mix = (c: number) => Math.round(c + (255 - c) * white);
    return [mix(accent[0]), mix(accent[1]), mix(accent[2]), 255];
  });
});

/** 32×32, white on transparent: the bubble's outline and the check mark. */
export const outlineIcon = once(() => {
  const size = OUTLINE_ICON_SIZE;
  return encode(size, (x, y) => {
    const alpha = coverage(size, x, y, (u, v) => onBubbleEdge(u, v, 0.07) || onCheck(u, v, 0.045));
    return [255, 255, 255, Math.round(alpha * 255)];
  });
});
