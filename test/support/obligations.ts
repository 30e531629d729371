/**
 * The demo portfolio with every field of MODEL.md §8 filled in: deadlines,
 * a scenario's postponements, decisions « reporté à 2029 », and three
 * committee members' judgements (one given the other way round, one with
 * reciprocals that are not short decimals, one with no comparison yet), for
 * the round trips through JSON, .arbitra and the workbook.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Portfolio } from '../../shared/model/portfolio';

const root = join(__dirname, '..', '..');

export function obligationsPortfolio(): Portfolio {
  const demo = JSON.parse(readFileSync(join(root, 'resources/demo.json'), 'utf8')) as Portfolio;
  return {
    ...demo,
    projects: demo.projects.map((p) =>
      p.id === 'P18'
        ? { ...p, deadline: '2028-09' }
        : p.id === 'P05'
          ? { ...p, deadline: '2031-12' }
          : p,
    ),
    scenarios: demo.scenarios!.map((s, i) => (i === 0 ? { ...s, notBefore: { P05: 2029 } } : s)),
    decisions: [
      ...demo.decisions!,
      {
        date: '2027-02-03',
        meeting: 'CODIR',
        project: 'P05',
        decision: 'reporté',
        until: 2029,
        rationale: 'Après la migration de la messagerie.',
      },
    ],
    criteriaJudgements: [
      {
        member: 'DGS',
        pairs: [
          { a: 'usagers', b: 'efficience', ratio: 3 },
          { a: 'usagers', b: 'agents', ratio: 5 },
          { a: 'strategie', b: 'usagers', ratio: 1 / 3 },
        ],
      },
      {
        member: 'DAF',
        pairs: [
          { a: 'efficience', b: 'usagers', ratio: 3 },
          { a: 'agents', b: 'strategie', ratio: 1 / 7 },
        ],
      },
      { member: 'DSI', pairs: [] },
    ],
  };
}
