/**
 * The presentation's slide titles and the figures behind them, checked
 * against figures recomputed here from the document (not through the
 * screens' shaping functions) and against closed forms.
 */
import { describe, expect, it } from 'vitest';
import demo from '../../../resources/demo.json';
import type { FrontierPoint } from '../../../shared/engine/optimise';
import type { Portfolio } from '../../../shared/model/portfolio';
import { headline } from '../../../renderer/src/screens/frontier/figures';
import { scenarioFacts, defaultScenario } from '../../../renderer/src/screens/present/figures';
import {
  compareTitle,
  confidenceTitle,
  decisionsTitle,
  envelopeTitle,
  frontierTitle,
  noPlanTitle,
  overruns,
  riskTitle,
  roadmapTitle,
  shareAtLeast,
  valueTitle,
} from '../../../renderer/src/screens/present/titles';
import { sCurve } from '../../support/curves';

const portfolio = demo as unknown as Portfolio;
/** Text with the no-break spaces of French formats made plain. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** A deterministic uniform sample (xorshift), so the test needs no engine. */
function uniformSample(n: number, seed: number, max: number): number[] {
  let x = seed >>> 0 || 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out.push((x / 2 ** 32) * max);
  }
  return out;
}

function point(factor: number, objective: number, investment: number): FrontierPoint {
  return { factor, objective, investment, status: 'optimal' } as unknown as FrontierPoint;
}

describe('frontier title', () => {
  it('says what 10 % more budget buys, from the points', () => {
    const points = [point(0.9, 280, 9e6), point(1, 300, 1e7), point(1.1, 323, 1.1e7)];
    const h = headline(points)!;
    expect(plain(frontierTitle('fr', h))).toBe(
      'Avec 10 % de budget en plus : +23 points de valeur',
    );
    expect(frontierTitle('en', h)).toBe('With 10% more budget: +23 points of value');
  });
  it('falls back on the step below when nothing above has a plan', () => {
    const h = headline([point(0.75, 270.5, 7.5e6), point(1, 300, 1e7)])!;
    expect(plain(frontierTitle('fr', h))).toBe(
      'Avec 25 % de budget en moins : −29,5 points de valeur',
    );
  });
});

describe('value title', () => {
  it('gives the plan value and its gain on the heuristic, rounded to the percent', () => {
    // 330 / 300 − 1 = 10 %.
    expect(plain(valueTitle('fr', 330, 300))).toBe(
      'Le plan apporte 330 points de valeur, +10 % par rapport au classement simple',
    );
    expect(plain(valueTitle('fr', 300.04, 300))).toContain('autant que le classement simple');
    expect(plain(valueTitle('fr', 250, null))).toBe('Le plan apporte 250 points de valeur');
  });
});

describe('envelope title', () => {
  it('names the only year over and by how much', () => {
    expect(plain(envelopeTitle('fr', [{ year: 2029, over: 120_000 }], 6))).toBe(
      'Le plan tient les enveloppes chaque année sauf 2029 (+120 000 €)',
    );
  });
  it('adds the investment and operating overruns of a year', () => {
    const overs = overruns(
      [
        { year: 2028, over: 0 },
        { year: 2029, over: 100_000 },
      ],
      [
        { year: 2029, over: 20_000 },
        { year: 2030, over: 5_000 },
      ],
    );
    expect(overs).toEqual([
      { year: 2029, over: 120_000 },
      { year: 2030, over: 5_000 },
    ]);
    expect(plain(envelopeTitle('fr', overs, 6))).toBe(
      'Le plan tient les enveloppes chaque année sauf 2029 (+120 000 €) et 2030 (+5 000 €)',
    );
  });
  it('on the demo, matches the yearly use recomputed from the projects', () => {
    const id = defaultScenario(portfolio);
    const facts = scenarioFacts(portfolio, id);
    const s = portfolio.scenarios!.find((x) => x.id === id)!;
    const first = portfolio.horizon.firstYear;
    const Y = portfolio.horizon.years;
    const inv = new Array<number>(Y).fill(0);
    const op = new Array<number>(Y).fill(0);
    for (const e of s.plan!) {
      const p = portfolio.projects.find((x) => x.id === e.project)!;
      const share = 1 - (p.subsidyRate ?? 0) - (p.partnerShare ?? 0);
      p.investment.forEach((a, k) => {
        const t = e.start - first + k;
        if (t >= 0 && t < Y) inv[t]! += a * share;
      });
      for (let t = e.start - first + p.investment.length; t < Y; t++) {
        op[t]! +=
          (p.runCost ?? 0) * (1 - (p.partnerShare ?? 0)) -
          (s.savingsCredit ?? 1) * (p.savings ?? 0);
      }
    }
    const expected: { year: number; over: number }[] = [];
    for (let t = 0; t < Y; t++) {
      const capI = portfolio.budget.investment[t]! * (s.budgetFactor?.investment ?? 1);
      const capO = portfolio.budget.operating[t]! * (s.budgetFactor?.operating ?? 1);
      const over = Math.max(0, inv[t]! - capI - 1e-6) + Math.max(0, op[t]! - capO - 1e-6);
      if (over > 0) expected.push({ year: first + t, over });
    }
    expect(facts.overs.map((o) => o.year)).toEqual(expected.map((o) => o.year));
    facts.overs.forEach((o, i) => expect(o.over).toBeCloseTo(expected[i]!.over, 0));
    const title = plain(envelopeTitle('fr', facts.overs, Y));
    if (expected.length === 0) expect(title).toContain('chaque année');
    for (const o of expected.slice(0, 3)) expect(title).toContain(String(o.year));
  });
});

describe('risk title', () => {
  it('counts the chances in ten of delivering 80 % of the value, read on the S-curve', () => {
    const sample = uniformSample(4000, 7, 100);
    const direct = sample.filter((v) => v >= 80).length / sample.length;
    const share = shareAtLeast(sCurve(sample), 80);
    expect(Math.abs(share - direct)).toBeLessThanOrEqual(1 / 200 + 1e-9);
    expect(plain(riskTitle('fr', share, 0.8, true))).toBe(
      `${Math.round(direct * 10)} chances sur 10 de livrer au moins 80 % de la valeur avant la fin du mandat`,
    );
    expect(plain(riskTitle('fr', 0.7, 0.8, false))).toBe(
      '7 chances sur 10 de livrer au moins 80 % de la valeur avant la fin de l’horizon',
    );
    expect(riskTitle('fr', 0.08, 0.8, true)).toMatch(/^1 chance sur 10/);
  });
  it('reads certainty and impossibility at the ends of the curve', () => {
    const sample = uniformSample(500, 3, 10).map((v) => v + 90);
    expect(shareAtLeast(sCurve(sample), 80)).toBe(1);
    expect(shareAtLeast(sCurve(sample), 101)).toBe(0);
  });
});

describe('roadmap, comparison, decisions and no-plan titles', () => {
  it('counts the demo plan’s projects, years and first-year starts', () => {
    const id = defaultScenario(portfolio);
    const plan = portfolio.scenarios!.find((x) => x.id === id)!.plan!;
    const first = portfolio.horizon.firstYear;
    const ends = plan.map(
      (e) => e.start + portfolio.projects.find((p) => p.id === e.project)!.investment.length - 1,
    );
    const facts = scenarioFacts(portfolio, id);
    const title = roadmapTitle('fr', facts.roadmap, first);
    const early = plan.filter((e) => e.start === first).length;
    expect(title).toBe(
      `${plan.length} projets réalisés de ${Math.min(...plan.map((e) => e.start))} à ${Math.max(...ends)}` +
        (early > 0 ? `, dont ${early} lancé${early > 1 ? 's' : ''} dès ${first}` : ''),
    );
  });
  it('counts the demo decisions by kind', () => {
    const decisions = portfolio.decisions ?? [];
    const count = (k: string) => decisions.filter((d) => d.decision === k).length;
    const title = decisionsTitle('fr', decisions);
    expect(title.startsWith(`${decisions.length} décisions prises : `)).toBe(true);
    if (count('retenu') > 0) expect(title).toContain(`${count('retenu')} retenu`);
    if (count('reporté') > 0) expect(title).toContain(`${count('reporté')} reporté`);
    if (count('rejeté') > 0) expect(title).toContain(`${count('rejeté')} rejeté`);
    expect(decisionsTitle('fr', [])).toBe('Aucune décision enregistrée à ce jour');
  });
  it('signs the comparison figures', () => {
    expect(plain(compareTitle('fr', 'A', 'B', 12.04, -300_000))).toBe(
      '« B » face à « A » : +12 points de valeur prévue, −300 000 € d’investissement net',
    );
  });
  it('says a scenario without plan shows a provisional one', () => {
    expect(noPlanTitle('fr', 'DOB prudent', 20)).toContain('plan provisoire');
  });
});

describe('deck and facts', () => {
  it('values the demo plan as Σ V × (1 − time preference)^(start − first year)', () => {
    const id = defaultScenario(portfolio);
    const s = portfolio.scenarios!.find((x) => x.id === id)!;
    const total = portfolio.criteria.reduce((a, c) => a + c.weight, 0);
    let expected = 0;
    for (const e of s.plan!) {
      const p = portfolio.projects.find((x) => x.id === e.project)!;
      const v = portfolio.criteria.reduce(
        (a, c) =>
          a + (100 * (c.weight / total) * ((p.scores as Record<string, number>)[c.id] ?? 0)) / 5,
        0,
      );
      expected += v * (1 - (s.timePreference ?? 0.04)) ** (e.start - portfolio.horizon.firstYear);
    }
    const facts = scenarioFacts(portfolio, id);
    expect(facts.chosen.source).toBe('saved');
    expect(facts.value).toBeCloseTo(expected, 6);
  });
  it('uses the heuristic’s plan, marked provisional, for a scenario without plan', () => {
    const without = portfolio.scenarios!.find((x) => !x.plan || x.plan.length === 0)!;
    const facts = scenarioFacts(portfolio, without.id);
    expect(facts.chosen.source).toBe('heuristic');
    expect(facts.chosen.plan).toEqual(facts.heuristic.plan);
  });
});

describe('the price of confidence', () => {
  it('says the years in ten and the share of value given up, or that no plan was found', () => {
    expect(plain(confidenceTitle('fr', 0.8, 0.14))).toBe(
      'Tenir les enveloppes 8 années sur 10 coûte 14 % de la valeur',
    );
    expect(confidenceTitle('en', 0.9, 0.05)).toBe(
      'Holding the envelopes 9 years in 10 costs 5% of the value',
    );
    expect(plain(confidenceTitle('fr', 0.8, null))).toMatch(
      /^Aucun plan trouvé .* 8 années sur 10/,
    );
    expect(confidenceTitle('en', 0.8, null)).toMatch(/^No plan found .* 8 years in 10/);
  });
});

describe('the risk title in English', () => {
  it('counts chances in ten, singular for one', () => {
    expect(riskTitle('en', 0.2, 0.8, true)).toMatch(/^2 chances in 10 of delivering at least 80%/);
    expect(riskTitle('en', 0.1, 0.8, true)).toMatch(/^1 chance in 10 of delivering/);
  });
});
