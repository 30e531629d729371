/**
 * `arbitra weights FILE [--json]`: each committee member's criteria weights
 * and consistency ratio, the group's (geometric mean of the members'
 * judgements, MODEL.md §8, shared/engine/judgements.ts), and the pairs where
 * members disagree most (CLI.md). Exit status: 0, or 1 when the file is
 * refused or holds no judgements, 2 on a usage error.
 */
import { committeeWeights, type CommitteeWeights } from '../../../shared/engine/judgements';
import type { Portfolio } from '../../../shared/model/portfolio';
import { parseCommandArgs, printJson, UsageError, type CliCommand } from '../command';
import { loadPortfolioForCli } from '../load';
import { fr, print, table, wrapText } from '../format';

export const command: CliCommand = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } });
  const [file, ...extra] = positionals;
  if (extra.length > 0)
    throw new UsageError(`un seul fichier à la fois (reçu aussi « ${extra[0]} »).`);
  const loaded = await loadPortfolioForCli(file, { json: values.json });
  if (typeof loaded === 'number') return loaded;
  const { portfolio } = loaded;
  const judgements = portfolio.criteriaJudgements ?? [];
  if (judgements.length === 0) {
    const message =
      'Ce portefeuille ne contient aucune comparaison des critères par les membres du comité (criteriaJudgements).';
    if (values.json) printJson({ members: [], group: null, disagreement: [], message });
    else print(`${wrapText(message)}\n`);
    return 1;
  }
  const result = committeeWeights(portfolio.criteria, judgements);
  if (values.json) {
    printJson({
      members: result.members.map(({ member, weights, cr, complete }) => ({
        member,
        weights,
        cr,
        complete,
      })),
      group: result.group,
      disagreement: result.disagreement,
    });
  } else {
    print(describeWeights(portfolio, result));
  }
  return 0;
};

export function describeWeights(portfolio: Portfolio, r: CommitteeWeights): string {
  const pct = (x: number) => `${fr(100 * x, 1)} %`;
  const label = new Map(portfolio.criteria.map((c) => [c.id, c.label]));
  const ids = portfolio.criteria.map((c) => c.id);
  const rows = ids.map((id) => [
    label.get(id) ?? id,
    ...r.members.map((m) => pct(m.weights[id] ?? 0)),
    pct(r.group.weights[id] ?? 0),
    pct(portfolio.criteria.find((c) => c.id === id)!.weight / totalWeight(portfolio)),
  ]);
  rows.push([
    'Ratio de cohérence',
    ...r.members.map((m) => fr(m.cr, 2) + (m.complete ? '' : ' *')),
    fr(r.group.cr, 2),
    '',
  ]);
  const out = [
    'Poids des critères, par membre du comité et pour le groupe (moyenne géométrique des jugements)',
    table(['Critère', ...r.members.map((m) => m.member), 'Groupe', 'En vigueur'], rows).trimEnd(),
  ];
  if (r.members.some((m) => !m.complete)) {
    out.push(
      '* comparaisons incomplètes : les paires non jugées comptent comme « aussi important ».',
    );
  }
  if (r.members.some((m) => m.cr > 0.1) || r.group.cr > 0.1) {
    out.push('Un ratio de cohérence au-dessus de 0,10 invite à revoir les comparaisons.');
  }
  const top = r.disagreement.filter((d) => d.spread > 0).slice(0, 5);
  if (top.length > 0) {
    out.push(
      '',
      'Où le comité diverge le plus (écart entre le jugement le plus fort et le plus faible) :',
    );
    for (const d of top) {
      const who = Object.entries(d.byMember)
        .map(([m, v]) => `${m} ${ratioWords(v)}`)
        .join(', ');
      out.push(
        `  ${label.get(d.a) ?? d.a} / ${label.get(d.b) ?? d.b} : écart ${fr(d.spread, 1)} (${who})`,
      );
    }
  }
  return out.join('\n') + '\n';
}

const totalWeight = (p: Portfolio) => p.criteria.reduce((s, c) => s + c.weight, 0) || 1;

/** 3 → "3", 1/3 → "1/3". */
function ratioWords(v: number): string {
  return v >= 1 ? fr(v, 1) : `1/${fr(1 / v, 1)}`;
}
