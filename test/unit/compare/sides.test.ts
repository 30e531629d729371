/**
 * Which plan stands for a scenario in the comparison: an up-to-date plan
 * computed on the screen, else the saved plan (with what it now breaks),
 * else none.
 */
import { describe, expect, it } from 'vitest';
import type { Portfolio } from '../../../shared/model/portfolio';
import {
  scenarioKey,
  sidePlan,
  type PlanRunView,
} from '../../../renderer/src/screens/compare/sides';
import { example } from '../model/fixtures';

function doc(): Portfolio {
  const d = example('petit');
  const free = d.projects.find((p) => !p.mandatory && p.fixedStart == null)!;
  d.scenarios = [
    { id: 'a', name: 'A', plan: [{ project: free.id, start: d.horizon.firstYear }] },
    { id: 'b', name: 'B' },
  ];
  return d;
}

const run = (fields: PlanRunView) => fields;

describe('the plan standing for a scenario', () => {
  it('is none without a saved or computed plan', () => {
    expect(sidePlan(doc(), 'b', undefined)).toEqual({ source: 'none' });
  });

  it('is the computed plan when its inputs are those of the scenario now, else the saved one', () => {
    const d = doc();
    const plan = [{ project: d.projects[1]!.id, start: d.horizon.firstYear }];
    const fresh = run({ plan, state: 'done', key: scenarioKey(d, 'a') });
    expect(sidePlan(d, 'a', fresh)).toEqual({ source: 'computed', plan, partial: false });
    const cancelled = run({ plan, state: 'cancelled', key: scenarioKey(d, 'a') });
    expect(sidePlan(d, 'a', cancelled)).toMatchObject({ source: 'computed', partial: true });
    // Still running, or computed before a change of the scenario: the saved plan.
    expect(sidePlan(d, 'a', run({ plan, state: 'running', key: scenarioKey(d, 'a') })).source).toBe(
      'saved',
    );
    const changed: Portfolio = {
      ...d,
      scenarios: d.scenarios!.map((s) => (s.id === 'a' ? { ...s, capacityFactor: 0.5 } : s)),
    };
    expect(sidePlan(changed, 'a', fresh).source).toBe('saved');
    // Renaming the scenario or saving a plan in it does not make the computation stale.
    const renamed: Portfolio = {
      ...d,
      scenarios: d.scenarios!.map((s) => (s.id === 'a' ? { ...s, name: 'Autre nom', plan } : s)),
    };
    expect(sidePlan(renamed, 'a', fresh).source).toBe('computed');
  });

  it('says what a saved plan breaks once a project it holds is forced out', () => {
    const d = doc();
    const held = d.scenarios![0]!.plan![0]!.project;
    d.scenarios![0]!.forceOut = [held];
    const side = sidePlan(d, 'a', undefined);
    expect(side.source).toBe('saved');
    if (side.source !== 'saved') return;
    expect(side.problems.join(' ')).toContain(held);
  });
});
