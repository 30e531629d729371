/**
 * The merge rule of imported execution rows (shared/model/merge-actuals.ts),
 * checked on any rows against a recomputation of what each row must hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeActuals, type IncomingActual } from '../../../shared/model/merge-actuals';
import type { ActualEntry, ActualStatus } from '../../../shared/model/portfolio';

const statusArb = fc.constantFrom<ActualStatus>('en-cours', 'livre', 'abandonne');
const uniqueBy = <T extends { project: string; year: number }>(rows: T[]) =>
  rows.filter((r, i) => rows.findIndex((q) => q.project === r.project && q.year === r.year) === i);
const existingArb: fc.Arbitrary<ActualEntry[]> = fc
  .array(
    fc.record(
      {
        project: fc.constantFrom('A', 'B', 'C'),
        year: fc.integer({ min: 2026, max: 2029 }),
        paid: fc.integer({ min: 0, max: 1e6 }),
        status: statusArb,
        note: fc.string(),
      },
      { requiredKeys: ['project', 'year', 'paid'] },
    ),
    { maxLength: 8 },
  )
  .map(uniqueBy);
const incomingArb: fc.Arbitrary<IncomingActual[]> = fc
  .array(
    fc.record(
      {
        project: fc.constantFrom('A', 'B', 'C', 'D'),
        year: fc.integer({ min: 2026, max: 2030 }),
        paid: fc.integer({ min: 0, max: 1e6 }),
        status: statusArb,
      },
      { requiredKeys: ['project', 'year'] },
    ),
    { maxLength: 8 },
  )
  .map(uniqueBy);

describe('merging imported execution rows', () => {
  it('replaces what a row gives, keeps what it leaves empty, adds the new rows after', () => {
    fc.assert(
      fc.property(existingArb, incomingArb, (existing, incoming) => {
        const snapshot = JSON.stringify(existing);
        const out = mergeActuals(existing, incoming);
        expect(JSON.stringify(existing)).toBe(snapshot);
        const key = (r: { project: string; year: number }) => `${r.project}|${r.year}`;
        const incomingByKey = new Map(incoming.map((r) => [key(r), r]));
        // The existing rows keep their place; each one named is updated field by field.
        existing.forEach((row, i) => {
          const inc = incomingByKey.get(key(row));
          expect(out.actuals[i]).toEqual({
            ...row,
            ...(inc?.paid !== undefined ? { paid: inc.paid } : {}),
            ...(inc?.status !== undefined ? { status: inc.status } : {}),
          });
        });
        // New rows follow, in the order read, an empty amount being 0.
        const known = new Set(existing.map(key));
        const fresh = incoming.filter((r) => !known.has(key(r)));
        expect(out.actuals.slice(existing.length)).toEqual(
          fresh.map((r) => ({
            project: r.project,
            year: r.year,
            paid: r.paid ?? 0,
            ...(r.status !== undefined ? { status: r.status } : {}),
          })),
        );
        expect(out.added).toEqual(fresh.map((_, k) => existing.length + k));
        expect(out.replaced).toEqual(
          existing.map((r, i) => (incomingByKey.has(key(r)) ? i : -1)).filter((i) => i >= 0),
        );
        incoming.forEach((r, k) => expect(key(out.actuals[out.placed[k]!]!)).toBe(key(r)));
      }),
      { numRuns: 300 },
    );
  });

  it('starts from no rows at all', () => {
    expect(mergeActuals(undefined, [{ project: 'A', year: 2027, status: 'livre' }])).toEqual({
      actuals: [{ project: 'A', year: 2027, paid: 0, status: 'livre' }],
      added: [0],
      replaced: [],
      placed: [0],
    });
  });
});
