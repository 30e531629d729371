/**
 * Seeded sampling of weightings for the stability part of the robustness
 * analysis (robustness.ts): a small uniform generator, Gamma draws and
 * Dirichlet draws. Same seed, same samples, on every machine.
 */

/** mulberry32: a small seeded generator of uniforms in (0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the usual boost for shape < 1. */
export function gamma(shape: number, random: () => number): number {
  if (shape < 1) return gamma(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A draw from Dirichlet(α): positive shares summing to 1. */
export function dirichlet(alpha: readonly number[], random: () => number): number[] {
  const g = alpha.map((a) => gamma(a, random));
  const total = g.reduce((s, x) => s + x, 0);
  return g.map((x) => x / total);
}
