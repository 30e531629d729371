/**
 * The committee's weights (MODEL.md §8): the group matrix is the pairwise
 * geometric mean of the members' judgements, its weights the principal
 * eigenvector (checked against a hand-built matrix and mathjs's own
 * eigen-solver); consistent members give the normalised geometric mean of
 * their weights; each member's and the group's consistency ratio; the
 * disagreement spread is log₃(max/min); `arbitra weights` prints CLI.md's
 * fields.
 */
import { join } from 'node:path';
import { abs, complex, eigs, type Complex } from 'mathjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { command as weightsCommand } from '../../../electron/cli/commands/weights';
import { ahp } from '../../../shared/engine/ahp';
import { committeeWeights } from '../../../shared/engine/judgements';
import type { Criterion, MemberJudgements } from '../../../shared/model/portfolio';

const criteria: Criterion[] = [
  { id: 'usagers', label: 'Usagers', weight: 0.4 },
  { id: 'efficience', label: 'Efficience', weight: 0.3 },
  { id: 'agents', label: 'Agents', weight: 0.3 },
];

const dgs: MemberJudgements = {
  member: 'DGS',
  pairs: [
    { a: 'usagers', b: 'efficience', ratio: 3 },
    { a: 'usagers', b: 'agents', ratio: 5 },
    { a: 'efficience', b: 'agents', ratio: 2 },
  ],
};
const daf: MemberJudgements = {
  member: 'DAF',
  pairs: [
    { a: 'efficience', b: 'usagers', ratio: 3 }, // given the other way round
    { a: 'usagers', b: 'agents', ratio: 1 },
    { a: 'efficience', b: 'agents', ratio: 7 },
  ],
};

function perron(a: number[][]): number[] {
  type Pair = { value: number | Complex; vector: (number | Complex)[] };
  const { eigenvectors } = eigs(a) as unknown as { eigenvectors: Pair[] };
  let best: { lambda: number; vector: number[] } | null = null;
  for (const { value, vector } of eigenvectors) {
    const c = complex(value);
    if (Math.abs(c.im) > 1e-9) continue;
    if (!best || c.re > best.lambda)
      best = { lambda: c.re, vector: vector.map((x) => abs(complex(x)) as number) };
  }
  const total = best!.vector.reduce((s, v) => s + v, 0);
  return best!.vector.map((v) => v / total);
}

describe('the committee’s weights', () => {
  it('are the principal eigenvector of the pairwise geometric mean of the judgements', () => {
    const r = committeeWeights(criteria, [dgs, daf]);
    // By hand: u/e = √(3 × 1/3) = 1, u/a = √(5 × 1) = √5, e/a = √(2 × 7) = √14.
    const g = [
      [1, 1, Math.sqrt(5)],
      [1, 1, Math.sqrt(14)],
      [1 / Math.sqrt(5), 1 / Math.sqrt(14), 1],
    ];
    const expected = perron(g);
    criteria.forEach((c, k) => expect(r.group.weights[c.id]).toBeCloseTo(expected[k]!, 9));
    expect(r.group.cr).toBeCloseTo(ahp(g).cr, 12);
    const dgsAlone = ahp([
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ]);
    expect(r.members[0]!.cr).toBeCloseTo(dgsAlone.cr, 12);
    expect(r.members[0]!.weights.usagers).toBeCloseTo(dgsAlone.weights[0]!, 12);
    expect(r.members.every((m) => m.complete)).toBe(true);
    const sum = Object.values(r.group.weights).reduce((s, v) => s + v, 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it('of consistent members is the normalised geometric mean of their weights', () => {
    const consistent = (member: string, w: number[]): MemberJudgements => ({
      member,
      pairs: [
        { a: 'usagers', b: 'efficience', ratio: w[0]! / w[1]! },
        { a: 'usagers', b: 'agents', ratio: w[0]! / w[2]! },
        { a: 'efficience', b: 'agents', ratio: w[1]! / w[2]! },
      ],
    });
    const a = [0.5, 0.3, 0.2];
    const b = [0.2, 0.5, 0.3];
    const r = committeeWeights(criteria, [consistent('A', a), consistent('B', b)]);
    const geo = a.map((x, k) => Math.sqrt(x * b[k]!));
    const total = geo.reduce((s, v) => s + v, 0);
    criteria.forEach((c, k) => expect(r.group.weights[c.id]).toBeCloseTo(geo[k]! / total, 12));
    expect(r.group.cr).toBeCloseTo(0, 12);
  });

  it('measure disagreement as log₃(max/min), widest first, and mark incomplete members', () => {
    const partial: MemberJudgements = {
      member: 'DSI',
      pairs: [{ a: 'usagers', b: 'efficience', ratio: 9 }],
    };
    const r = committeeWeights(criteria, [dgs, daf, partial]);
    const ue = r.disagreement.find((d) => d.a === 'usagers' && d.b === 'efficience')!;
    expect(ue.spread).toBeCloseTo(Math.log(9 / (1 / 3)) / Math.log(3), 12); // 3
    expect(ue.byMember).toEqual({ DGS: 3, DAF: 1 / 3, DSI: 9 });
    const ea = r.disagreement.find((d) => d.a === 'efficience' && d.b === 'agents')!;
    expect(ea.spread).toBeCloseTo(Math.log(7 / 2) / Math.log(3), 12);
    expect(r.disagreement[0]).toBe(ue);
    expect(r.members.map((m) => m.complete)).toEqual([true, true, false]);
    // The partial member judged one pair: the others count as equal (1) in their own weights.
    const own = ahp([
      [1, 9, 1],
      [1 / 9, 1, 1],
      [1, 1, 1],
    ]);
    criteria.forEach((c, k) =>
      expect(r.members[2]!.weights[c.id]).toBeCloseTo(own.weights[k]!, 12),
    );
  });
});

afterEach(() => vi.restoreAllMocks());

describe('arbitra weights', () => {
  const fixture = (name: string) => join(__dirname, '../../fixtures', `${name}.json`);

  it('prints each member’s and the group’s weights and the disagreement as JSON', async () => {
    const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const doc = JSON.parse(readFileSync(fixture('petit'), 'utf8'));
    const ids = doc.criteria.map((c: Criterion) => c.id) as string[];
    doc.criteriaJudgements = ['DGS', 'DAF'].map((member, m) => ({
      member,
      pairs: ids.slice(1).map((b, k) => ({ a: ids[0], b, ratio: m === 0 ? k + 2 : 1 / (k + 2) })),
    }));
    const file = join(mkdtempSync(join(tmpdir(), 'arbitra-weights-')), 'doc.json');
    writeFileSync(file, JSON.stringify(doc));
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await weightsCommand([file, '--json'])).toBe(0);
    const json = JSON.parse(out);
    expect(json.members.map((m: { member: string }) => m.member)).toEqual(['DGS', 'DAF']);
    for (const m of [...json.members, json.group]) {
      const total = Object.values(m.weights as Record<string, number>).reduce((s, v) => s + v, 0);
      expect(total).toBeCloseTo(1, 12);
      expect(m.cr).toBeGreaterThanOrEqual(0);
    }
    expect(json.disagreement[0]).toHaveProperty('spread');
    expect(json.disagreement[0].spread).toBeGreaterThan(0);
  });

  it('exits 1 with a sentence when the document holds no judgements', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await weightsCommand([fixture('petit')])).toBe(1);
  });
});
