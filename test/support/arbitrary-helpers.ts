/** Small helpers shared by the fast-check arbitraries of test/support. */
import fc from 'fast-check';

/** Removes the keys whose value is undefined (absent, not undefined). */
export function compact<T extends object>(o: T): T {
  for (const key of Object.keys(o) as (keyof T)[]) if (o[key] === undefined) delete o[key];
  return o;
}

export const percent = (min: number, max: number): fc.Arbitrary<number> =>
  fc.integer({ min, max }).map((n) => n / 100);

/** A value or absent (undefined, removed by `compact`). */
export const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined });
