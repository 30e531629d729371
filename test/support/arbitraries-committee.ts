/**
 * Arbitraries of the committee's and the execution's sections (MODEL.md §8–9)
 * for `validPortfolioArb`: members' pairwise judgements, the CP actually paid
 * and the plan adopted in committee. Each generates what validation accepts.
 */
import fc from 'fast-check';
import type {
  ActualEntry,
  MemberJudgements,
  PairJudgement,
  PlanEntry,
  Project,
} from '../../shared/model/portfolio';
import { compact, maybe } from './arbitrary-helpers';

/** The horizon of the document being generated. */
interface Horizon {
  firstYear: number;
  years: number;
}

const MEMBERS = ['DGS', 'DGA Ressources', 'DAF', 'DSI', 'Élu délégué au numérique'];
const SAATY = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** §8: members' pairwise judgements on Saaty's scale, every pair or some of them. */
export function judgementsArb(criteriaIds: readonly string[]): fc.Arbitrary<MemberJudgements[]> {
  const pairs = criteriaIds.flatMap((a, i) => criteriaIds.slice(i + 1).map((b) => [a, b]));
  const judgement = ([a, b]: string[]): fc.Arbitrary<PairJudgement> =>
    fc
      .record({ value: fc.constantFrom(...SAATY), inverse: fc.boolean(), flip: fc.boolean() })
      .map((r) => ({
        a: r.flip ? b! : a!,
        b: r.flip ? a! : b!,
        ratio: r.inverse ? 1 / r.value : r.value,
      }));
  const member = (name: string): fc.Arbitrary<MemberJudgements> =>
    fc
      .oneof(fc.constant(pairs), fc.subarray(pairs))
      .chain((chosen) => fc.tuple(...chosen.map(judgement)))
      .map((given) => ({ member: name, pairs: given }));
  return fc
    .shuffledSubarray(MEMBERS, { minLength: 1, maxLength: 3 })
    .chain((names) => fc.tuple(...names.map(member)));
}

/** §9: CP paid, one row per project and year, never more than the project's AP in all. */
export function actualsArb(
  shape: Horizon,
  projects: readonly Project[],
): fc.Arbitrary<ActualEntry[]> {
  const years = [shape.firstYear - 1, shape.firstYear, shape.firstYear + 1];
  const rows = (p: Project): fc.Arbitrary<ActualEntry[]> => {
    const ap = p.investment.reduce((a, b) => a + b, 0);
    return fc.subarray(years, { minLength: 1 }).chain((ys) =>
      fc.tuple(
        ...ys.map((year) =>
          fc
            .record({
              share: fc.integer({ min: 0, max: Math.floor(100 / ys.length) }),
              status: maybe(fc.constantFrom('en-cours', 'livre', 'abandonne' as const)),
            })
            .map((r) =>
              compact({
                project: p.id,
                year,
                paid: Math.floor((ap * r.share) / 100),
                status: r.status,
              }),
            ),
        ),
      ),
    );
  };
  return fc
    .subarray([...projects], { maxLength: Math.min(3, projects.length) })
    .chain((chosen) => fc.tuple(...chosen.map(rows)))
    .map((lists) => lists.flat());
}

/** §9: the plan adopted in committee (its scenario picked among the document's later). */
export function baselineArb(shape: Horizon, projects: readonly Project[]) {
  const plannable = projects.filter((p) => p.investment.length <= shape.years);
  return fc.record({
    day: fc.integer({ min: 1, max: 28 }),
    meeting: maybe(fc.constantFrom('CODIR', 'Conseil communautaire')),
    scenarioPick: fc.nat({ max: 2 }),
    plan: fc
      .subarray(plannable)
      .chain((chosen) =>
        fc.tuple(
          ...chosen.map((p) =>
            fc
              .integer({ min: 0, max: shape.years - p.investment.length })
              .map((k): PlanEntry => ({ project: p.id, start: shape.firstYear + k })),
          ),
        ),
      ),
  });
}
