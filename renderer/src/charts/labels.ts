/**
 * Direct labels that do not collide: each label goes to the first place
 * around its point (in the order of preference given) where it covers no
 * mark, no other label and no obstacle (error bars, the line between
 * points), inside the drawing; when no place is free, to the one that
 * covers least. Pure, tested in Node (test/unit/charts/labels.test.ts).
 * Boxes are given by their centre.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Anchor = 'start' | 'middle' | 'end';

export interface Placed {
  /** Where the text is written (x at its anchor, y its baseline). */
  x: number;
  y: number;
  anchor: Anchor;
  /** The box the text covers. */
  box: Box;
}

export interface LabelRequest {
  id: string;
  /** The point labelled. */
  x: number;
  y: number;
  /** The text's size: `width` from its length, `size` its font size (user units). */
  width: number;
  size: number;
  /** Distance from the point to the nearest edge of the text. */
  gap: number;
}

export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Estimated width of a text of `chars` characters at font size `size` (bold sans-serif). */
export function textWidth(chars: number, size: number): number {
  return chars * size * 0.62;
}

/** Area two boxes share (0 when apart). */
export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w / 2, b.x + b.w / 2) - Math.max(a.x - a.w / 2, b.x - b.w / 2);
  const h = Math.min(a.y + a.h / 2, b.y + b.h / 2) - Math.max(a.y - a.h / 2, b.y - b.h / 2);
  return w > 0 && h > 0 ? w * h : 0;
}

/** How far a box goes out of the bounds (area outside). */
function outside(b: Box, bounds: Bounds): number {
  const inside = overlap(b, {
    x: (bounds.left + bounds.right) / 2,
    y: (bounds.top + bounds.bottom) / 2,
    w: bounds.right - bounds.left,
    h: bounds.bottom - bounds.top,
  });
  return b.w * b.h - inside;
}

/** Boxes along a segment, for a line labels should not cover. */
export function segmentBoxes(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  thickness: number,
): Box[] {
  const length = Math.hypot(x2 - x1, y2 - y1);
  const steps = Math.max(1, Math.ceil(length / thickness));
  return Array.from({ length: steps + 1 }, (_, i) => ({
    x: x1 + ((x2 - x1) * i) / steps,
    y: y1 + ((y2 - y1) * i) / steps,
    w: thickness,
    h: thickness,
  }));
}

/** The places around a point, nearest first in the usual reading order. */
function candidates(r: LabelRequest): Placed[] {
  const h = r.size * 1.15;
  const out: Placed[] = [];
  for (const reach of [1, 1.9, 2.9]) {
    const g = r.gap * reach;
    const options: [dx: number, dy: number, anchor: Anchor][] = [
      [-g * 0.7, -g * 0.7, 'end'],
      [g * 0.7, -g * 0.7, 'start'],
      [g, 0, 'start'],
      [-g, 0, 'end'],
      [g * 0.7, g * 0.7, 'start'],
      [-g * 0.7, g * 0.7, 'end'],
      [0, -g, 'middle'],
      [0, g, 'middle'],
    ];
    for (const [dx, dy, anchor] of options) {
      // The box's near edge sits `gap` away from the point in the direction (dx, dy).
      const cx =
        anchor === 'start'
          ? r.x + dx + r.width / 2
          : anchor === 'end'
            ? r.x + dx - r.width / 2
            : r.x;
      const cy = dy < 0 ? r.y + dy - h / 2 : dy > 0 ? r.y + dy + h / 2 : r.y;
      const box = { x: cx, y: cy, w: r.width, h };
      const textX =
        anchor === 'start' ? cx - r.width / 2 : anchor === 'end' ? cx + r.width / 2 : cx;
      // Baseline: about a third of the font size below the box's centre.
      out.push({ x: textX, y: cy + r.size * 0.35, anchor, box });
    }
  }
  return out;
}

/** Places the labels in order; each one placed becomes an obstacle for the next. */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
  bounds: Bounds,
): Map<string, Placed> {
  const taken: Box[] = [...obstacles];
  const out = new Map<string, Placed>();
  for (const r of requests) {
    let best: Placed | null = null;
    let bestCost = Infinity;
    for (const c of candidates(r)) {
      const cost = taken.reduce((s, t) => s + overlap(c.box, t), 0) + 4 * outside(c.box, bounds);
      if (cost < bestCost - 1e-9) {
        best = c;
        bestCost = cost;
        if (cost === 0) break;
      }
    }
    if (best) {
      out.set(r.id, best);
      taken.push(best.box);
    }
  }
  return out;
}
