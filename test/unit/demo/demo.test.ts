import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { financePlan, requiredProjectsPlan } from '../../../shared/engine/finance';
import { checkPlan } from '../../../shared/engine/optimise';
import { resolveScenario, type Portfolio, type Project } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';

const raw: unknown = JSON.parse(
  readFileSync(new URL('../../../resources/demo.json', import.meta.url), 'utf8'),
);
const result = validatePortfolio(raw);
const demo = raw as Portfolio;

/** The fields of format 1 (MODEL.md §2, with §7's reference class) the demo uses, as paths with `[]` for array items. */
const FORMAT_FIELDS = [
  'format',
  'version',
  'organisation',
  'organisation.name',
  'organisation.kind',
  'organisation.fctvaRegime',
  'organisation.fctvaRate',
  'horizon',
  'horizon.firstYear',
  'horizon.years',
  'mandateEnd',
  'criteria',
  'criteria[].id',
  'criteria[].label',
  'criteria[].weight',
  'axes',
  'axes[].id',
  'axes[].label',
  'directions',
  'directions[].id',
  'directions[].label',
  'directions[].maxConcurrent',
  'teams',
  'teams[].id',
  'teams[].label',
  'teams[].capacity',
  'budget',
  'budget.investment',
  'budget.operating',
  'projects',
  'projects[].id',
  'projects[].name',
  'projects[].usage',
  'projects[].direction',
  'projects[].sponsor',
  'projects[].axes',
  'projects[].scores',
  'projects[].investment',
  'projects[].staff',
  'projects[].staff[].team',
  'projects[].staff[].days',
  'projects[].runCost',
  'projects[].savings',
  'projects[].subsidyRate',
  'projects[].subsidySource',
  'projects[].partnerShare',
  'projects[].fctvaEligible',
  'projects[].durationMonths',
  'projects[].durationMonths.low',
  'projects[].durationMonths.mode',
  'projects[].durationMonths.high',
  'projects[].costFactor',
  'projects[].costFactor.low',
  'projects[].costFactor.mode',
  'projects[].costFactor.high',
  'projects[].dependsOn',
  'projects[].excludes',
  'projects[].mandatory',
  'projects[].earliestStart',
  'projects[].fixedStart',
  'risk',
  'risk.distribution',
  'risk.correlation',
  'risk.referenceClass',
  'risk.blackSwan',
  'risk.blackSwan.probability',
  'risk.blackSwan.scheduleFactor',
  'risk.blackSwan.costFactor',
  'scenarios',
  'scenarios[].id',
  'scenarios[].name',
  'scenarios[].budgetFactor',
  'scenarios[].budgetFactor.investment',
  'scenarios[].budgetFactor.operating',
  'scenarios[].capacityFactor',
  'scenarios[].forceIn',
  'scenarios[].forceOut',
  'scenarios[].timePreference',
  'scenarios[].savingsCredit',
  'scenarios[].plan',
  'scenarios[].plan[].project',
  'scenarios[].plan[].start',
  'decisions',
  'decisions[].date',
  'decisions[].meeting',
  'decisions[].project',
  'decisions[].decision',
  'decisions[].rationale',
];

/** The field paths present in a document (scores' keys are criterion ids, not fields). */
function fieldPaths(value: unknown, path = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) fieldPaths(item, `${path}[]`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      out.add(childPath);
      if (!childPath.endsWith('.scores')) fieldPaths(child, childPath, out);
    }
  }
  return out;
}

const byId = new Map(demo.projects.map((p) => [p.id, p]));
const netShare = (p: Project) => 1 - (p.subsidyRate ?? 0) - (p.partnerShare ?? 0);

describe('the demo portfolio', () => {
  it('passes validation', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('is a six-year portfolio of at least 35 projects over 6–8 directions and 5–6 teams', () => {
    expect(demo.horizon.years).toBe(6);
    expect(demo.projects.length).toBeGreaterThanOrEqual(35);
    expect(demo.directions!.length).toBeGreaterThanOrEqual(6);
    expect(demo.directions!.length).toBeLessThanOrEqual(8);
    expect(demo.teams.length).toBeGreaterThanOrEqual(5);
    expect(demo.teams.length).toBeLessThanOrEqual(6);
    expect(demo.criteria.map((c) => c.id)).toEqual([
      'usagers',
      'efficience',
      'agents',
      'strategie',
    ]);
  });

  it('has mandatory projects, dependencies, exclusions, subsidies, partner shares and savings', () => {
    const count = (test: (p: Project) => boolean) => demo.projects.filter(test).length;
    expect(count((p) => p.mandatory === true)).toBeGreaterThanOrEqual(2);
    expect(count((p) => (p.dependsOn ?? []).length > 0)).toBeGreaterThanOrEqual(3);
    expect(count((p) => (p.excludes ?? []).length > 0)).toBeGreaterThanOrEqual(2);
    expect(count((p) => (p.subsidyRate ?? 0) > 0)).toBeGreaterThanOrEqual(3);
    expect(count((p) => (p.partnerShare ?? 0) > 0)).toBeGreaterThanOrEqual(3);
    expect(count((p) => (p.savings ?? 0) > 0)).toBeGreaterThanOrEqual(10);
    expect(count((p) => p.fctvaEligible === false)).toBeGreaterThanOrEqual(2);
    expect(count((p) => p.fixedStart != null)).toBeGreaterThanOrEqual(1);
  });

  it('uses every field of format 1 and no other', () => {
    const present = fieldPaths(raw);
    expect(FORMAT_FIELDS.filter((f) => !present.has(f))).toEqual([]);
    expect([...present].filter((f) => !FORMAT_FIELDS.includes(f))).toEqual([]);
  });

  it('writes each target usage verb-first, in French, and names a sponsor', () => {
    for (const p of demo.projects) {
      expect(p.usage, p.id).toMatch(/^(L'|L’|La |Le |Les )/);
      expect(p.sponsor, p.id).toBeTruthy();
    }
  });

  it('records committee decisions the scenarios respect', () => {
    const kinds = new Set(demo.decisions!.map((d) => d.decision));
    expect([...kinds].sort()).toEqual(['retenu', 'reporté', 'rejeté', 'à instruire'].sort());
    for (const s of demo.scenarios!) {
      for (const d of demo.decisions!) {
        const p = byId.get(d.project)!;
        if (d.decision === 'rejeté') expect(s.forceOut, `${s.id} ${p.id}`).toContain(p.id);
        if (d.decision === 'retenu') {
          const required = p.mandatory === true || p.fixedStart != null;
          expect(required || (s.forceIn ?? []).includes(p.id), `${s.id} ${p.id}`).toBe(true);
        }
      }
      for (const id of s.forceIn ?? []) expect(s.forceOut ?? []).not.toContain(id);
    }
  });

  it('fits its mandatory and committed projects, at their earliest start, in every scenario', () => {
    const firstYear = demo.horizon.firstYear;
    for (const s of demo.scenarios!) {
      const scenario = resolveScenario(demo, s.id)!;
      const plan = requiredProjectsPlan(demo, { ...scenario, forceIn: [] });
      expect(plan.length).toBeGreaterThanOrEqual(2);
      for (let t = 0; t < demo.horizon.years; t++) {
        let investment = 0;
        let operating = 0;
        const days = new Map<string, number>();
        for (const { project, start } of plan) {
          const p = byId.get(project)!;
          const k = firstYear + t - start;
          const n = p.investment.length;
          if (k >= 0 && k < n) {
            investment += p.investment[k]! * netShare(p);
            for (const need of p.staff ?? []) {
              days.set(need.team, (days.get(need.team) ?? 0) + need.days[k]!);
            }
          }
          if (k >= n) {
            operating +=
              (p.runCost ?? 0) * (1 - (p.partnerShare ?? 0)) -
              scenario.savingsCredit * (p.savings ?? 0);
          }
        }
        const what = `${s.id} ${firstYear + t}`;
        expect(investment, what).toBeLessThanOrEqual(
          demo.budget.investment[t]! * scenario.budgetFactor.investment,
        );
        expect(operating, what).toBeLessThanOrEqual(
          demo.budget.operating[t]! * scenario.budgetFactor.operating,
        );
        for (const team of demo.teams) {
          expect(days.get(team.id) ?? 0, `${what} ${team.id}`).toBeLessThanOrEqual(
            team.capacity[t]! * scenario.capacityFactor,
          );
        }
      }
    }
  });

  it('cannot fund every candidate: the envelopes bind', () => {
    const netDemand = demo.projects.reduce(
      (sum, p) => sum + p.investment.reduce((a, b) => a + b, 0) * netShare(p),
      0,
    );
    const envelopes = demo.budget.investment.reduce((a, b) => a + b, 0);
    expect(envelopes / netDemand).toBeGreaterThan(0.5);
    expect(envelopes / netDemand).toBeLessThan(0.7);
  });

  it('has a hand-kept plan in the « Priorité usagers » scenario that follows every rule', () => {
    const scenario = resolveScenario(demo, 'priorite-usagers')!;
    expect(scenario.plan!.length).toBeGreaterThan(20);
    expect(checkPlan(demo, scenario, scenario.plan!)).toEqual([]);
  });

  it('gives finance figures for that plan whose FCTVA partly falls after the horizon (regime N+1)', () => {
    const scenario = resolveScenario(demo, 'priorite-usagers')!;
    const report = financePlan(demo, scenario, scenario.plan!);
    expect(report.totals.gross).toBeGreaterThan(0);
    expect(report.totals.subsidies).toBeGreaterThan(0);
    expect(report.totals.partners).toBeGreaterThan(0);
    expect(report.totals.fctvaAfterHorizon).toBeGreaterThan(0);
    expect(report.fctva[0]).toBe(0);
  });
});
