/**
 * What the deck shows (renderer/src/screens/present/deck.ts), on the demo:
 * the money equal to the finance engine's and to sums recomputed here from
 * the projects, the AP total equal to the CP of the plan, the roadmap in
 * pages whose every project appears once, no page above the rows a slide
 * holds and pages of nearly equal size, every project out of the plan
 * listed once with a reason, the slides present exactly when their figures
 * are, the risk read on a real simulation, and the decisions to record
 * derived from the log (contrary decisions named).
 */
import { describe, expect, it } from 'vitest';
import demo from '../../../resources/demo.json';
import { financePlan } from '../../../shared/engine/finance';
import type { ConfidencePoint, FrontierPoint } from '../../../shared/engine/optimise';
import { planNetInvestment } from '../../../shared/engine/plan';
import { prepareSimulation, runSimulationOutput } from '../../../shared/engine/simulate';
import { resolveScenario, type Portfolio } from '../../../shared/model/portfolio';
import {
  balancedPages,
  deckFacts,
  deckSlides,
  documentSource,
  LEFT_OUT_ROWS,
  recordItems,
  ROADMAP_ROWS,
  type DeckSource,
} from '../../../renderer/src/screens/present/deck';

const portfolio = demo as unknown as Portfolio;
const saved = portfolio.scenarios!.find((s) => (s.plan ?? []).length > 0)!;
const without = portfolio.scenarios!.find((s) => (s.plan ?? []).length === 0)!;

const point = (factor: number, objective: number, investment: number) =>
  ({
    factor,
    objective,
    investment,
    status: 'optimal',
    plan: [],
    bound: objective,
    gap: 0,
  }) as unknown as FrontierPoint;

describe('the deck’s figures', () => {
  const source = documentSource(portfolio, saved.id);
  const facts = deckFacts(source);
  const scenario = resolveScenario(portfolio, saved.id)!;

  it('shows the saved plan and the money of the finance engine', () => {
    expect(facts.source).toBe('saved');
    expect(facts.plan).toEqual(saved.plan);
    expect(facts.finance).toEqual(financePlan(portfolio, scenario, saved.plan!));
    expect(facts.investment).toBeCloseTo(planNetInvestment(portfolio, scenario, saved.plan!), 6);
    // Net cost = gross − subsidies − partners − FCTVA + running − savings, every year.
    const f = facts.finance;
    f.years.forEach((_, i) => {
      const netCost =
        f.investment.gross[i]! -
        f.investment.subsidies[i]! -
        f.investment.partners[i]! -
        f.fctva[i]! +
        f.operating.run[i]! -
        f.operating.savings[i]!;
      expect(f.netCost[i]).toBeCloseTo(netCost, 2);
    });
  });

  it('totals the AP as the CP of every planned project (no CP paid before the horizon)', () => {
    const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
    const expected = saved.plan!.reduce(
      (s, e) => s + byId.get(e.project)!.investment.reduce((a, x) => a + x, 0),
      0,
    );
    expect(facts.annex.count).toBe(saved.plan!.length);
    expect(facts.annex.amount).toBeCloseTo(expected, 2);
  });

  it('pages the roadmap so every project appears once, by start year, at most ROADMAP_ROWS a page', () => {
    expect(facts.pages.flat()).toEqual(facts.bars);
    expect(facts.bars.map((b) => b.project).sort()).toEqual(
      saved.plan!.map((e) => e.project).sort(),
    );
    for (const page of facts.pages) expect(page.length).toBeLessThanOrEqual(ROADMAP_ROWS);
    const starts = facts.bars.map((b) => b.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('lists every project out of the plan once, each with a reason', () => {
    const inPlan = new Set(saved.plan!.map((e) => e.project));
    const out = portfolio.projects.filter((p) => !inPlan.has(p.id)).map((p) => p.id);
    expect(facts.leftOut.map((e) => e.project).sort()).toEqual(out.sort());
    const values = facts.leftOut.map((e) => e.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(LEFT_OUT_ROWS).toBeGreaterThan(0);
  });
});

describe('balanced pages', () => {
  it('cuts any list into the fewest pages, sizes within one of each other', () => {
    for (let n = 0; n <= 60; n++) {
      for (let per = 1; per <= 12; per++) {
        const items = Array.from({ length: n }, (_, i) => i);
        const pages = balancedPages(items, per);
        expect(pages.flat()).toEqual(items);
        expect(pages.length).toBe(Math.ceil(n / per));
        const sizes = pages.map((p) => p.length);
        if (n > 0) {
          const size = Math.ceil(n / pages.length);
          expect(size).toBeLessThanOrEqual(per);
          // Every page but the last holds the same number; the last at least one, at most as many.
          expect(sizes.slice(0, -1).every((x) => x === size)).toBe(true);
          expect(sizes[sizes.length - 1]).toBeGreaterThanOrEqual(1);
          expect(sizes[sizes.length - 1]).toBeLessThanOrEqual(size);
        }
      }
    }
  });
});

describe('the slides', () => {
  const base = documentSource(portfolio, saved.id);

  it('without preparation: the decision, the roadmap pages, value, money, left out, decisions', () => {
    const facts = deckFacts(base);
    const kinds = deckSlides(facts).map((s) => s.kind);
    expect(kinds).toEqual([
      'decision',
      ...facts.pages.map(() => 'roadmap' as const),
      'value',
      'money',
      'leftOut',
      'record',
    ]);
    const roadmap = deckSlides(facts).filter((s) => s.kind === 'roadmap');
    expect(roadmap.map((s) => s.page)).toEqual(facts.pages.map((_, i) => i));
    expect(roadmap.every((s) => s.pages === facts.pages.length)).toBe(true);
  });

  it('says where the plan comes from when the scenario has none saved', () => {
    const facts = deckFacts(documentSource(portfolio, without.id));
    expect(facts.source).toBe('heuristic');
    expect(
      deckSlides(facts)
        .map((s) => s.kind)
        .slice(0, 2),
    ).toEqual(['decision', 'noPlan']);
    expect(deckSlides(facts).map((s) => s.kind)).not.toContain('value');
  });

  it('adds the frontier, the price of confidence, the risk and the comparison once computed', async () => {
    const scenario = resolveScenario(portfolio, saved.id)!;
    const simulation = runSimulationOutput(prepareSimulation(portfolio, saved.plan!, scenario), {
      iterations: 2000,
      seed: 7,
    });
    const confidence = [
      { confidence: null, status: 'optimal', objective: 100, priceOfConfidence: 0 },
      {
        confidence: 0.8,
        status: 'feasible',
        objective: 86,
        priceOfConfidence: 0.14,
        pOverEnvelope: [0.1, 0.2],
      },
    ] as unknown as ConfidencePoint[];
    const source: DeckSource = {
      ...base,
      frontier: [point(0.9, 90, 9e5), point(1, 100, 1e6), point(1.1, 108, 1.1e6)],
      confidence,
      simulation,
      other: { scenarioId: without.id, plan: documentSource(portfolio, without.id).plan },
      computedAt: '2026-12-01T13:32:00.000Z',
    };
    const facts = deckFacts(source);
    const kinds = deckSlides(facts).map((s) => s.kind);
    const order = [
      'value',
      'frontier',
      'confidence',
      'money',
      'risk',
      'compare',
      'leftOut',
      'record',
    ];
    expect(kinds.filter((k) => order.includes(k))).toEqual(order);
    expect(facts.frontier!.headline.delta).toBeCloseTo(8, 9);
    expect(facts.confidence).toMatchObject({ level: 0.8, price: 0.14 });
    expect(facts.confidence!.levels[1]!.worst).toBeCloseTo(0.2, 12);
    // No level with a plan: the lowest level asked, and no price (the title says no plan was found).
    const none = deckFacts({
      ...source,
      confidence: [
        confidence[0]!,
        { ...confidence[1]!, confidence: 0.9, status: 'infeasible', priceOfConfidence: 1 },
        { ...confidence[1]!, status: 'timeLimit', priceOfConfidence: 1 },
      ] as unknown as ConfidencePoint[],
    });
    expect(none.confidence).toMatchObject({ level: 0.8, price: null });
    // The risk, read on the simulation's own figures.
    const r = facts.risk!;
    expect(r.p50).toBe(simulation.result.value.p50);
    expect(r.planned).toBe(simulation.result.value.planned);
    expect(r.iterations).toBe(2000);
    const worst = Math.max(...simulation.result.investment.map((y) => y.pOverEnvelope));
    if (worst > 0) expect(r.worstYear!.p).toBe(worst);
    const least = [...simulation.result.projects].sort(
      (a, b) => a.pWithinMandate - b.pWithinMandate,
    );
    expect(r.leastLikely[0]!.p).toBe(least[0]!.pWithinMandate);
    expect(r.share).toBeGreaterThanOrEqual(0);
    expect(r.share).toBeLessThanOrEqual(1);
    expect(facts.compare!.other.id).toBe(without.id);
  });
});

describe('the decisions to record', () => {
  it('adopts the plan, votes its AP, and names what contradicts the log', () => {
    const plan = saved.plan!;
    const inPlan = plan[0]!.project;
    const facts = deckFacts(documentSource(portfolio, saved.id));
    const outside = facts.leftOut[0]!.project;
    const doc: Portfolio = {
      ...portfolio,
      decisions: [
        { date: '2026-01-01', project: inPlan, decision: 'retenu' },
        // The latest decision on the planned project rejects it; one left out is approved.
        { date: '2026-02-01', project: inPlan, decision: 'rejeté' },
        { date: '2026-02-01', project: outside, decision: 'retenu' },
      ],
    };
    const items = recordItems(doc, plan, facts.leftOut, 1234);
    expect(items[0]).toMatchObject({ kind: 'adopt', count: plan.length });
    expect(items[1]).toMatchObject({ kind: 'vote', count: plan.length, amount: 1234 });
    expect(items.find((i) => i.kind === 'conflict')!.projects).toEqual([inPlan, outside].sort());
    // Left out without a decision: every left-out project but the one approved.
    expect(items.find((i) => i.kind === 'leftOut')!.projects).toEqual(
      facts.leftOut.map((e) => e.project).filter((p) => p !== outside),
    );
    expect(items.find((i) => i.kind === 'recorded')!.count).toBe(3);
    // An empty log: nothing recorded, nothing contrary.
    const clean = recordItems({ ...portfolio, decisions: [] }, plan, facts.leftOut, 0);
    expect(clean.some((i) => i.kind === 'conflict' || i.kind === 'recorded')).toBe(false);
  });
});
