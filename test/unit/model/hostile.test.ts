/**
 * Hostile values (absurd amounts, control and bidi characters): refused by
 * validation with the field and the ceiling named, so that every engine keeps
 * plain numbers; names keep whatever characters they hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { financePlan } from '../../../shared/engine/finance';
import { portfolioValues } from '../../../shared/engine/value';
import { simulatePlan } from '../../../shared/engine/simulate';
import { resolveScenario, type Portfolio } from '../../../shared/model/portfolio';
import {
  CEILING_MESSAGES,
  LIMITS,
  codePointName,
  forbiddenIdCharacter,
} from '../../../shared/model/schema';
import { formatPath, validatePortfolio } from '../../../shared/model/validate';
import { visible } from '../../../shared/model/validation/describe';
import { formatNumber } from '../../../shared/model/validation/predicates';
import { validPortfolioArb } from '../../support/arbitraries';
import { example, loose, problemsOf } from './fixtures';

type Ceiling = keyof typeof CEILING_MESSAGES;
type Location = { path: (string | number)[]; ceiling: Ceiling };

const MAX: Record<Ceiling, number> = {
  amount: LIMITS.maxAmount,
  days: LIMITS.maxDaysPerYear,
  factor: LIMITS.maxFactor,
  duration: LIMITS.maxDurationMonths,
  weight: LIMITS.maxWeight,
};

/** Every number of a document that has a ceiling, with the ceiling's kind. */
function bounded(doc: Portfolio): Location[] {
  const out: Location[] = [];
  const each = (values: readonly unknown[] | undefined, path: (string | number)[], c: Ceiling) =>
    (values ?? []).forEach((_, k) => out.push({ path: [...path, k], ceiling: c }));
  each(doc.budget.investment, ['budget', 'investment'], 'amount');
  each(doc.budget.operating, ['budget', 'operating'], 'amount');
  doc.criteria.forEach((_, c) => out.push({ path: ['criteria', c, 'weight'], ceiling: 'weight' }));
  doc.teams.forEach((t, k) => each(t.capacity, ['teams', k, 'capacity'], 'days'));
  doc.projects.forEach((p, i) => {
    each(p.investment, ['projects', i, 'investment'], 'amount');
    for (const key of ['runCost', 'savings'] as const)
      if (p[key] !== undefined) out.push({ path: ['projects', i, key], ceiling: 'amount' });
    (p.staff ?? []).forEach((s, j) => each(s.days, ['projects', i, 'staff', j, 'days'], 'days'));
    out.push({ path: ['projects', i, 'durationMonths', 'high'], ceiling: 'duration' });
    if (p.costFactor) out.push({ path: ['projects', i, 'costFactor', 'high'], ceiling: 'factor' });
  });
  (doc.scenarios ?? []).forEach((s, k) => {
    if (s.capacityFactor !== undefined)
      out.push({ path: ['scenarios', k, 'capacityFactor'], ceiling: 'factor' });
    if (s.budgetFactor?.investment !== undefined)
      out.push({ path: ['scenarios', k, 'budgetFactor', 'investment'], ceiling: 'factor' });
  });
  if (doc.risk?.blackSwan) {
    out.push({ path: ['risk', 'blackSwan', 'costFactor'], ceiling: 'factor' });
    out.push({ path: ['risk', 'blackSwan', 'scheduleFactor'], ceiling: 'factor' });
  }
  (doc.actuals ?? []).forEach((_, k) =>
    out.push({ path: ['actuals', k, 'paid'], ceiling: 'amount' }),
  );
  return out;
}

function setAt(doc: unknown, path: readonly (string | number)[], value: unknown): void {
  let node = doc as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

/** Above a ceiling: from just past it to the largest double. */
const above = (max: number) =>
  fc.oneof(
    fc.double({ min: max, max: Number.MAX_VALUE, noNaN: true }).filter((x) => x > max),
    fc.integer({ min: 1, max: 1000 }).map((k) => max + k),
    fc.constant(Number.MAX_VALUE),
  );

const FORBIDDEN = [
  ...Array.from({ length: 0x20 }, (_, c) => c),
  0x7f,
  ...Array.from({ length: 0x20 }, (_, c) => 0x80 + c),
  0x061c,
  0x200e,
  0x200f,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
];
const forbiddenChar = fc.constantFrom(...FORBIDDEN).map((c) => String.fromCharCode(c));
const hasForbidden = (s: string) => [...s].some((ch) => forbiddenIdCharacter(ch) !== undefined);

describe('ceilings of amounts, person-days, factors, durations and weights', () => {
  it('refuses any number above its ceiling, naming the field and the ceiling', () => {
    fc.assert(
      fc.property(
        validPortfolioArb({ minProjects: 1 }).chain((doc) =>
          fc.record({ doc: fc.constant(doc), at: fc.constantFrom(...bounded(doc)) }),
        ),
        ({ doc: generated, at }) => {
          const doc = structuredClone(generated);
          const value = MAX[at.ceiling] * 10;
          setAt(doc, at.path, value);
          const problems = problemsOf(doc);
          expect(problems.map((p) => p.path)).toEqual([formatPath(at.path)]);
          expect(problems[0]!.message).toContain(CEILING_MESSAGES[at.ceiling]);
          expect(problems[0]!.message).toContain(`reçu : ${formatNumber(value)}`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses every value above the ceiling up to the largest double, and accepts the ceiling itself', () => {
    fc.assert(
      fc.property(
        validPortfolioArb({ minProjects: 1 }).chain((doc) =>
          fc.constantFrom(...bounded(doc)).chain((at) =>
            fc.record({
              doc: fc.constant(doc),
              at: fc.constant(at),
              value: above(MAX[at.ceiling]),
            }),
          ),
        ),
        ({ doc: generated, at, value }) => {
          const doc = structuredClone(generated);
          const atCeiling = structuredClone(doc);
          setAt(atCeiling, at.path, MAX[at.ceiling]);
          // A ceiling can make a low ≤ mode ≤ high estimate or a plan warn, never refuse.
          const path = formatPath(at.path);
          const ok = validatePortfolio(atCeiling);
          if (!ok.ok) expect(ok.problems.map((p) => p.path)).not.toContain(path);
          setAt(doc, at.path, value);
          expect(problemsOf(doc).map((p) => p.path)).toContain(path);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes huge numbers received as a power of ten, not 1e+308', () => {
    expect(formatNumber(1e308)).toBe('1 × 10^308');
    expect(formatNumber(Number.MAX_VALUE)).toBe('1,7976931348623157 × 10^308');
    expect(formatNumber(-2.5e-7)).toBe('-2,5 × 10^-7');
    expect(formatNumber(1e12)).toBe('1\u202f000\u202f000\u202f000\u202f000');
    const doc = loose(example('petit'));
    doc.projects[0].investment[0] = 1e308;
    const [problem] = problemsOf(doc);
    expect(problem!.message).toContain("le montant de l'année 1 du calendrier des crédits");
    expect(problem!.message).toContain("1 000 milliards d'euros (10^12 €)");
    expect(problem!.message).toContain('reçu : 1 × 10^308');
  });

  it('keeps the engines in plain numbers for a document at every ceiling', async () => {
    const doc = example('petit');
    for (const at of bounded(doc)) setAt(doc, at.path, MAX[at.ceiling]);
    for (const p of doc.projects) {
      p.durationMonths = { low: 1, mode: 600, high: LIMITS.maxDurationMonths };
      p.costFactor = { low: 1, mode: 50, high: LIMITS.maxFactor };
    }
    doc.risk = { blackSwan: { probability: 0.5, scheduleFactor: 100, costFactor: 100 } };
    const result = validatePortfolio(doc);
    expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(true);
    const plan = doc.projects.map((p) => ({ project: p.id, start: doc.horizon.firstYear }));
    const scenario = resolveScenario(doc)!;
    const figures = {
      values: [...portfolioValues(doc).values()],
      finance: financePlan(doc, scenario, plan),
      simulation: await simulatePlan(doc, plan, scenario, { iterations: 200, seed: 1 }),
    };
    const notPlain: string[] = [];
    const walk = (x: unknown, path: string) => {
      if (typeof x === 'number' && !Number.isFinite(x)) notPlain.push(`${path} = ${x}`);
      else if (Array.isArray(x)) x.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (typeof x === 'object' && x !== null)
        for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
    };
    walk(figures, 'figures');
    expect(notPlain).toEqual([]);
  });
});

describe('control and bidi characters', () => {
  /** Every id and id reference of a document, by path. */
  function idPaths(doc: Portfolio): (string | number)[][] {
    const out: (string | number)[][] = [];
    for (const section of ['criteria', 'teams', 'directions', 'axes', 'scenarios'] as const)
      (doc[section] ?? []).forEach((_, k) => out.push([section, k, 'id']));
    doc.projects.forEach((p, i) => {
      out.push(['projects', i, 'id']);
      if (p.direction) out.push(['projects', i, 'direction']);
      (p.axes ?? []).forEach((_, k) => out.push(['projects', i, 'axes', k]));
      (p.dependsOn ?? []).forEach((_, k) => out.push(['projects', i, 'dependsOn', k]));
      (p.excludes ?? []).forEach((_, k) => out.push(['projects', i, 'excludes', k]));
      (p.staff ?? []).forEach((_, k) => out.push(['projects', i, 'staff', k, 'team']));
    });
    (doc.scenarios ?? []).forEach((s, k) => {
      (s.forceIn ?? []).forEach((_, j) => out.push(['scenarios', k, 'forceIn', j]));
      (s.plan ?? []).forEach((_, j) => out.push(['scenarios', k, 'plan', j, 'project']));
    });
    (doc.decisions ?? []).forEach((_, k) => out.push(['decisions', k, 'project']));
    (doc.criteriaJudgements ?? []).forEach((m, k) =>
      m.pairs.forEach((_, j) => out.push(['criteriaJudgements', k, 'pairs', j, 'a'])),
    );
    (doc.actuals ?? []).forEach((_, k) => out.push(['actuals', k, 'project']));
    if (doc.baseline?.scenario) out.push(['baseline', 'scenario']);
    return out;
  }

  function getAt(doc: unknown, path: readonly (string | number)[]): unknown {
    return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc);
  }

  it('refuses any id holding one, naming its code point, and never prints it raw', () => {
    fc.assert(
      fc.property(
        validPortfolioArb({ minProjects: 1 }).chain((doc) =>
          fc.record({
            doc: fc.constant(doc),
            at: fc.constantFrom(...idPaths(doc)),
            char: forbiddenChar,
            where: fc.nat(),
          }),
        ),
        ({ doc: generated, at, char, where }) => {
          const doc = structuredClone(generated);
          const id = getAt(doc, at) as string;
          const k = where % (id.length + 1);
          setAt(doc, at, id.slice(0, k) + char + id.slice(k));
          const problems = problemsOf(doc);
          const path = formatPath(at);
          const here = problems.filter((p) => p.path === path);
          expect(here.some((p) => p.message.includes(codePointName(char.charCodeAt(0))))).toBe(
            true,
          );
          for (const p of problems) expect(hasForbidden(p.message), p.message).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps them in names and labels, unchanged', () => {
    fc.assert(
      fc.property(
        validPortfolioArb({ minProjects: 1 }),
        fc.array(forbiddenChar, { minLength: 1, maxLength: 4 }),
        (generated, chars) => {
          const doc = structuredClone(generated);
          const name = `Projet ${chars.join('x')} fin`;
          doc.projects[0]!.name = name;
          doc.teams[0]!.label = `${chars.join('')}Équipe`;
          doc.organisation.name = `Ville${chars[0]}`;
          const result = validatePortfolio(doc);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.portfolio.projects[0]!.name).toBe(name);
          expect(result.portfolio.teams[0]!.label).toBe(doc.teams[0]!.label);
          expect(result.portfolio.organisation.name).toBe(doc.organisation.name);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('accepts ids in any other script, accents and symbols included', () => {
    const doc = loose(example('petit'));
    const old = doc.projects[0].id as string;
    const id = 'Étude-été_2027 ✓ 日本 ‍👩‍💻';
    doc.projects[0].id = id;
    for (const p of doc.projects)
      p.dependsOn = (p.dependsOn ?? []).map((d: string) => (d === old ? id : d));
    for (const p of doc.projects)
      p.excludes = (p.excludes ?? []).map((d: string) => (d === old ? id : d));
    for (const s of doc.scenarios ?? []) {
      for (const key of ['forceIn', 'forceOut'])
        if (s[key]) s[key] = s[key].map((d: string) => (d === old ? id : d));
      for (const e of s.plan ?? []) if (e.project === old) e.project = id;
    }
    for (const d of doc.decisions ?? []) if (d.project === old) d.project = id;
    const result = validatePortfolio(doc);
    expect(result.ok, JSON.stringify(!result.ok && result.problems)).toBe(true);
  });

  it('shows refused characters as their code point in a message', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const shown = visible(s);
        expect(hasForbidden(shown)).toBe(false);
        if (!hasForbidden(s)) expect(shown).toBe(s);
        else expect(shown).toMatch(/‹U\+[0-9A-F]{4}›/);
      }),
      { numRuns: 500 },
    );
  });

  it('names the kind of character refused', () => {
    const doc = loose(example('petit'));
    doc.teams[0].id = 'dsi\u001b[2J';
    doc.criteria[0].id = 'usagers\u202e';
    const problems = problemsOf(doc);
    const team = problems.find((p) => p.path === 'teams[0].id')!;
    expect(team.message).toContain('caractère de contrôle invisible (U+001B)');
    expect(team.message).toContain('« dsi‹U+001B›[2J »');
    const criterion = problems.find((p) => p.path === 'criteria[0].id')!;
    expect(criterion.message).toContain("marque invisible de sens d'écriture (U+202E)");
  });
});
