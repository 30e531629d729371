/**
 * The copula tables (distributions.ts) against an independent reference:
 * the Beta distribution function by Simpson quadrature of its density (with
 * mathjs's gamma for the normalising constant and a change of variable that
 * makes the integrand smooth at the ends), inverted by bisection, and the
 * triangular's closed form; Φ against mathjs's erf.
 */
import { describe, expect, it } from 'vitest';
import { erf, gamma } from 'mathjs';
import { buildTable, readTable, shapeOf } from '../../../shared/engine/simulate/distributions';
import { normalCdf, normalQuantile } from '../../../shared/engine/simulate/random';

const phi = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));

/** ∫_0^x t^(a-1)(1-t)^(b-1) dt / B(a,b) with x = s^4 (smooth integrand in s), Simpson. */
function lowerIntegral(x: number, a: number, b: number, beta: number): number {
  if (x <= 0) return 0;
  const top = Math.pow(x, 0.25);
  const n = 1000;
  const h = top / n;
  const f = (s: number) => {
    const t = s ** 4;
    return t <= 0 ? 0 : (4 * s ** 3 * t ** (a - 1) * (1 - t) ** (b - 1)) / beta;
  };
  let sum = f(0) + f(top);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(i * h);
  return (sum * h) / 3;
}

function betaCdfReference(x: number, a: number, b: number): number {
  const beta = (gamma(a) * gamma(b)) / gamma(a + b);
  return x <= 0.5 ? lowerIntegral(x, a, b, beta) : 1 - lowerIntegral(1 - x, b, a, beta);
}

function betaQuantileReference(u: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 42; k++) {
    const mid = 0.5 * (lo + hi);
    if (betaCdfReference(mid, a, b) < u) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

const zs = Array.from({ length: 21 }, (_, i) => -5 + i * 0.5 + 0.0371);

describe('inverse distribution tables', () => {
  it.each([
    [10, 14, 24],
    [10, 10, 24],
    [10, 24, 24],
    [3, 4, 9],
    [0.9, 1, 1.6],
    [1, 1.2, 9],
  ])(
    'reads the PERT(%d, %d, %d) quantile to 1e-9 of the range, the accuracy distributions.ts documents',
    (low, mode, high) => {
      const shape = shapeOf('pert', low, mode, high);
      if (shape.kind !== 'pert') throw new Error('pert expected');
      const table = buildTable(shape);
      let maxError = 0;
      for (const z of zs) {
        const reference = betaQuantileReference(phi(z), shape.alpha, shape.beta);
        maxError = Math.max(maxError, Math.abs(readTable(table, 0, z) - reference));
      }
      expect(maxError).toBeLessThan(1e-9);
    },
  );

  it.each([0, 0.2, 0.5, 1])(
    'reads the triangular quantile (mode at %d) to 2e-6 of the range',
    (c) => {
      const table = buildTable(shapeOf('triangular', 0, c, 1));
      let maxError = 0;
      for (let z = -6; z <= 6; z += 0.0173) {
        const u = phi(z);
        const reference = u <= c ? Math.sqrt(u * c) : 1 - Math.sqrt((1 - u) * (1 - c));
        maxError = Math.max(maxError, Math.abs(readTable(table, 0, z) - reference));
      }
      expect(maxError).toBeLessThan(2e-6);
    },
  );

  it('is non-decreasing and stays in [0, 1] over the whole grid and beyond', () => {
    const table = buildTable(shapeOf('pert', 1, 1.2, 9));
    let previous = 0;
    let worstDrop = 0;
    let outside = 0;
    for (let z = -12; z <= 12; z += 0.001) {
      const x = readTable(table, 0, z);
      worstDrop = Math.max(worstDrop, previous - x);
      if (x < 0 || x > 1) outside++;
      previous = x;
    }
    expect(worstDrop).toBeLessThanOrEqual(1e-15);
    expect(outside).toBe(0);
  });

  it('gives a constant for low = high', () => {
    expect(shapeOf('pert', 7, 7, 7)).toEqual({ kind: 'constant' });
    const table = buildTable({ kind: 'constant' });
    expect([-3, 0, 3].map((z) => readTable(table, 0, z))).toEqual([0, 0, 0]);
  });
});

describe('standard normal functions', () => {
  it('Φ matches the error function to 1e-14 on [-5, 5] and known tail values to 1e-7 relative', () => {
    for (let z = -5; z <= 5; z += 0.01) expect(Math.abs(normalCdf(z) - phi(z))).toBeLessThan(1e-14);
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 7);
    expect(normalCdf(-9) / 1.1285884059538e-19).toBeCloseTo(1, 7);
  });

  it('Φ⁻¹ inverts Φ to 1e-9 over the range of the generator’s uniforms', () => {
    for (const u of [2 ** -33, 1e-9, 1e-5, 0.01, 0.2, 0.5, 0.7, 0.99, 1 - 1e-7, 1 - 2 ** -33]) {
      const z = normalQuantile(u);
      expect(Math.abs(normalCdf(z) - u) / Math.min(u, 1 - u)).toBeLessThan(1e-9);
    }
  });
});
