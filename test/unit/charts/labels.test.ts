/**
 * Direct labels of the charts (renderer/src/charts/labels.ts): on random
 * sets of points with error bars, wherever a free place exists around each
 * point no label covers another label, a mark or an error bar, and every
 * label stays in the drawing; the frontier's crowded case of the issue
 * (« × 1 » on its error bar, « × 1,25 » on « × 1,5 ») is placed apart.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  overlap,
  placeLabels,
  segmentBoxes,
  textWidth,
  type Box,
  type LabelRequest,
} from '../../../renderer/src/charts/labels';

const bounds = { left: 120, top: 0, right: 1000, bottom: 460 };

function scene(points: { x: number; y: number; bar: number }[]) {
  const obstacles: Box[] = [];
  for (const p of points) {
    obstacles.push({ x: p.x, y: p.y, w: 32, h: 32 });
    if (p.bar > 0) obstacles.push({ x: p.x, y: p.y - p.bar / 2, w: 24, h: p.bar + 6 });
  }
  for (let i = 1; i < points.length; i++) {
    obstacles.push(
      ...segmentBoxes(points[i - 1]!.x, points[i - 1]!.y, points[i]!.x, points[i]!.y, 8),
    );
  }
  const requests: LabelRequest[] = points.map((p, i) => ({
    id: String(i),
    x: p.x,
    y: p.y,
    width: textWidth(6, 24),
    size: 24,
    gap: 22,
  }));
  return { obstacles, requests, placed: placeLabels(requests, obstacles, bounds) };
}

describe('direct labels', () => {
  it('covers nothing when the points leave room (random frontiers)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dy: fc.integer({ min: -60, max: 60 }),
            bar: fc.integer({ min: 0, max: 80 }),
          }),
          {
            minLength: 2,
            maxLength: 6,
          },
        ),
        (steps) => {
          // Points 150 units apart from left to right, rising or falling a little.
          let y = 300;
          const points = steps.map((s, i) => {
            y = Math.max(120, Math.min(400, y + s.dy));
            return { x: 220 + 150 * i, y, bar: s.bar };
          });
          const { obstacles, placed } = scene(points);
          const boxes = [...placed.values()].map((p) => p.box);
          expect(placed.size).toBe(points.length);
          boxes.forEach((b, i) => {
            for (const o of obstacles) expect(overlap(b, o)).toBe(0);
            boxes.slice(i + 1).forEach((c) => expect(overlap(b, c)).toBe(0));
            expect(b.x - b.w / 2).toBeGreaterThanOrEqual(bounds.left);
            expect(b.x + b.w / 2).toBeLessThanOrEqual(bounds.right);
            expect(b.y - b.h / 2).toBeGreaterThanOrEqual(bounds.top);
            expect(b.y + b.h / 2).toBeLessThanOrEqual(bounds.bottom);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps « × 1 » off its error bar and « × 1,25 » off « × 1,5 » (the crowded top of a frontier)', () => {
    const points = [
      { x: 300, y: 380, bar: 0 },
      { x: 560, y: 250, bar: 90 },
      { x: 820, y: 175, bar: 40 },
      { x: 860, y: 165, bar: 30 },
    ];
    const { obstacles, placed } = scene(points);
    const boxes = [...placed.values()].map((p) => p.box);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(0);
      for (const o of obstacles) expect(overlap(boxes[i]!, o)).toBe(0);
    }
  });

  it('measures boxes: overlap is the shared area, segments are covered end to end', () => {
    expect(overlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 5, w: 10, h: 10 })).toBe(25);
    expect(overlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 20, y: 0, w: 10, h: 10 })).toBe(0);
    const seg = segmentBoxes(0, 0, 100, 0, 10);
    expect(seg[0]).toMatchObject({ x: 0, y: 0 });
    expect(seg[seg.length - 1]).toMatchObject({ x: 100, y: 0 });
    for (let i = 1; i < seg.length; i++) expect(seg[i]!.x - seg[i - 1]!.x).toBeLessThanOrEqual(10);
  });
});
