/**
 * The edits of the committee's judgements (MODEL.md §8 `criteriaJudgements`),
 * as pure functions of the portfolio: each user action (add, rename or
 * remove a member, give or withdraw one comparison, apply the group's
 * weights) is one `section.put`, one undo step.
 *
 * - A member's name is trimmed and must be new, compared without case
 *   (validation: « DGS » and « dgs » are one person).
 * - A comparison is stored once per pair, `a` over `b` as the member gave
 *   it; giving it again (in either direction) replaces it, in place.
 * - The last member removed removes the section, so a document that never
 *   had judgements keeps none.
 */
import { committeeWeights } from '../../../../shared/engine/judgements';
import type { EditOp } from '../../../../shared/model/edits';
import type {
  MemberJudgements,
  PairJudgement,
  Portfolio,
} from '../../../../shared/model/portfolio';
import { applyWeightsOp } from './edits';

const members = (portfolio: Portfolio): MemberJudgements[] => portfolio.criteriaJudgements ?? [];

const put = (value: MemberJudgements[]): EditOp => ({
  op: 'section.put',
  section: 'criteriaJudgements',
  value: value.length > 0 ? value : undefined,
});

const key = (name: string) => name.trim().toLocaleLowerCase('fr');

/** Why a name cannot be a member's (a message key), or null; `except`: the member being renamed. */
export function memberNameProblem(
  portfolio: Portfolio,
  name: string,
  except?: number,
): 'member.empty' | 'member.taken' | null {
  if (name.trim() === '') return 'member.empty';
  const taken = members(portfolio).some((m, k) => k !== except && key(m.member) === key(name));
  return taken ? 'member.taken' : null;
}

export function addMemberOp(portfolio: Portfolio, name: string): EditOp {
  return put([...members(portfolio), { member: name.trim(), pairs: [] }]);
}

export function renameMemberOp(portfolio: Portfolio, index: number, name: string): EditOp {
  return put(members(portfolio).map((m, k) => (k === index ? { ...m, member: name.trim() } : m)));
}

export function removeMemberOp(portfolio: Portfolio, index: number): EditOp {
  return put(members(portfolio).filter((_, k) => k !== index));
}

/** The member's judgement of `a` over `b` (from a pair given either way), or undefined. */
export function judgementOf(member: MemberJudgements, a: string, b: string): number | undefined {
  for (const p of member.pairs) {
    if (p.a === a && p.b === b) return p.ratio;
    if (p.a === b && p.b === a) return 1 / p.ratio;
  }
  return undefined;
}

/** Gives (a ratio) or withdraws (undefined) one member's comparison of `a` over `b`. */
export function setJudgementOp(
  portfolio: Portfolio,
  index: number,
  a: string,
  b: string,
  ratio: number | undefined,
): EditOp {
  return put(
    members(portfolio).map((m, k) => {
      if (k !== index) return m;
      const at = m.pairs.findIndex((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
      const pair: PairJudgement = { a, b, ratio: ratio ?? 1 };
      const pairs =
        ratio === undefined
          ? m.pairs.filter((_, i) => i !== at)
          : at < 0
            ? [...m.pairs, pair]
            : m.pairs.map((p, i) => (i === at ? { ...p, ...pair } : p));
      return { ...m, pairs };
    }),
  );
}

/** `criteria[].weight` set to the group's weights (MODEL.md §8: applied when the committee decides). */
export function applyGroupWeightsOp(portfolio: Portfolio): EditOp {
  const group = committeeWeights(portfolio.criteria, members(portfolio)).group.weights;
  return applyWeightsOp(
    portfolio,
    portfolio.criteria.map((c) => group[c.id] ?? 0),
  );
}
