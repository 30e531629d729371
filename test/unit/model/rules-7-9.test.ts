/**
 * The rules of the fields of MODEL.md §7–9: each error with its path and
 * sentence, each warning with its path, and the computed ones (deadline,
 * shortfall, double counting, missing pairs, paid beyond the AP) against an
 * independent recomputation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Portfolio, Problem } from '../../../shared/model/portfolio';
import { projectWarnings, validatePortfolio } from '../../../shared/model/validate';
import { example, expectProblem, loose, problemsOf, type Loose } from './fixtures';

/** The warnings (with paths) of an accepted document; fails when it is refused. */
function warningsOf(doc: unknown): Problem[] {
  const result = validatePortfolio(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 1));
  expect(result.warnings).toEqual(result.warningPaths.map((w) => w.message));
  return result.warningPaths;
}

/** The one warning at `path`, checking it mentions every word given. */
function expectWarning(doc: unknown, path: string, ...mentions: string[]): Problem {
  const all = warningsOf(doc);
  const found = all.filter((w) => w.path === path);
  expect(
    found.map((w) => w.path),
    JSON.stringify(all, null, 1),
  ).toEqual([path]);
  for (const word of mentions) expect(found[0]!.message).toContain(word);
  return found[0]!;
}

function noWarningAt(doc: unknown, path: string): void {
  expect(warningsOf(doc).map((w) => w.path)).not.toContain(path);
}

const petit = (): Loose => loose(example('petit'));

describe('scenarios: objective, confidence, postponements (§7, §8)', () => {
  it('refuses a confidence outside 0.5..0.99 in one readable sentence', () => {
    for (const c of [0.3, 1, 0.995]) {
      const doc = petit();
      doc.scenarios[0].confidence = c;
      const problem = expectProblem(
        problemsOf(doc),
        'scenarios[0].confidence',
        'Le scénario base (Scénario de référence) : le niveau de confiance demandé pour tenir les enveloppes doit être compris entre 0,5 et 0,99',
      );
      expect(problem.message).toMatch(/\(reçu : [\d,]+\)\.$/);
    }
  });

  it('accepts a confidence at either end, or null', () => {
    for (const c of [0.5, 0.99, null]) {
      const doc = petit();
      doc.scenarios[0].confidence = c;
      expect(warningsOf(doc)).toEqual([]);
    }
  });

  it('refuses an unknown objective, naming the two possible ones', () => {
    const doc = petit();
    doc.scenarios[0].objective = 'max';
    expectProblem(
      problemsOf(doc),
      'scenarios[0].objective',
      "l'objectif de l'optimisation",
      '« discounted »',
      '« mandate »',
      '« max »',
    );
  });

  it('refuses a postponement of an unknown project', () => {
    const doc = petit();
    doc.scenarios[0].notBefore = { P01: 2028, PX: 2029 };
    expectProblem(problemsOf(doc), 'scenarios[0].notBefore.PX', '« PX »', "n'existe pas");
  });

  it('refuses a postponement year that is not a year', () => {
    const doc = petit();
    doc.scenarios[0].notBefore = { P01: 1990 };
    expectProblem(
      problemsOf(doc),
      'scenarios[0].notBefore.P01',
      'le démarrage reporté du projet « P01 »',
      '2000',
    );
  });

  it('warns when a postponement leaves no room for the build in the horizon', () => {
    // Horizon 2027..2030; P01 lasts 2 years: its last possible start is 2029.
    const doc = petit();
    doc.scenarios[0].notBefore = { P01: 2029 };
    noWarningAt(doc, 'scenarios[0].notBefore.P01');
    doc.scenarios[0].notBefore = { P01: 2030 };
    expectWarning(doc, 'scenarios[0].notBefore.P01', 'reporté à 2030', 'au plus tard en 2029');
  });

  it('warns when the scenario’s plan starts a project before its postponement', () => {
    const doc = petit();
    doc.scenarios[0].notBefore = { P02: 2028 };
    doc.scenarios[0].plan = [{ project: 'P02', start: 2027 }];
    expectWarning(doc, 'scenarios[0].plan[0].start', 'en 2027, avant 2028');
    doc.scenarios[0].plan = [{ project: 'P02', start: 2028 }];
    expect(warningsOf(doc)).toEqual([]);
  });
});

describe('risk: reference class and double counting (§7)', () => {
  it('refuses an unknown reference class', () => {
    const doc = petit();
    doc.risk.referenceClass = 'standish-1994';
    expectProblem(
      problemsOf(doc),
      'risk.referenceClass',
      'Les réglages de risque : la classe de référence du risque',
      '« flyvbjerg-2011 »',
    );
  });

  it('warns that a black swan on top of a project’s own overrun counts it twice', () => {
    const doc = petit();
    doc.risk.blackSwan = { probability: 0.1, scheduleFactor: 1.5, costFactor: 2 };
    // P03's cost law {0.97, 1.04, 1.85}: PERT mean 1.163 > 1.
    expectWarning(doc, 'risk.blackSwan', 'le projet P03 porte', 'compté deux fois');
    doc.risk.blackSwan.probability = 0;
    noWarningAt(doc, 'risk.blackSwan');
  });

  it('warns the same with a reference class, on the class', () => {
    const doc = petit();
    doc.risk.referenceClass = 'flyvbjerg-2011';
    expectWarning(doc, 'risk.referenceClass', '« flyvbjerg-2011 »', 'P03', 'compté deux fois');
  });

  it('names exactly the projects whose own cost law has a mean above 1', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.option(
            fc.record({
              low: fc.integer({ min: 50, max: 100 }),
              up: fc.integer({ min: 0, max: 60 }),
              top: fc.integer({ min: 0, max: 100 }),
            }),
            { nil: undefined },
          ),
          { minLength: 10, maxLength: 10 },
        ),
        fc.constantFrom('pert', 'triangular'),
        (laws, distribution) => {
          const doc = petit();
          doc.risk = {
            distribution,
            blackSwan: { probability: 0.2, scheduleFactor: 1, costFactor: 1 },
          };
          const expected: string[] = [];
          doc.projects.forEach((p: Loose, i: number) => {
            const law = laws[i];
            if (!law) {
              delete p.costFactor;
              return;
            }
            const low = law.low / 100;
            const mode = (law.low + law.up) / 100;
            const high = (law.low + law.up + law.top) / 100;
            p.costFactor = { low, mode, high };
            const mean =
              distribution === 'pert' ? (low + 4 * mode + high) / 6 : (low + mode + high) / 3;
            if (mean > 1 + 1e-9) expected.push(p.id);
          });
          const found = warningsOf(doc).filter((w) => w.path === 'risk.blackSwan');
          if (expected.length === 0) {
            expect(found).toEqual([]);
            return;
          }
          expect(found).toHaveLength(1);
          const named = found[0]!.message.match(/\bP\d\d\b/g) ?? [];
          expect(named).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('warns that a reference class replaces the document’s black swan', () => {
    const doc = petit();
    doc.projects[2].costFactor = { low: 0.9, mode: 1, high: 1.1 };
    doc.risk.referenceClass = 'flyvbjerg-2011';
    doc.risk.blackSwan = { probability: 0.1, scheduleFactor: 1.5, costFactor: 2 };
    expectWarning(
      doc,
      'risk.blackSwan',
      'remplace celui du document',
      '16,7 %',
      'probabilité 10 %',
    );
    doc.risk.blackSwan = null;
    expect(warningsOf(doc)).toEqual([]);
    // The preset's own black swan written in the document (as the risk screen does) raises no doubt.
    doc.risk.blackSwan = { probability: 0.1667, scheduleFactor: 1.7, costFactor: 3.2468 };
    expect(warningsOf(doc)).toEqual([]);
  });
});

describe('deadlines (§8)', () => {
  it('refuses a deadline that is not a month', () => {
    const doc = petit();
    doc.projects[0].deadline = '2028-13';
    expectProblem(problemsOf(doc), 'projects[0].deadline', 'date limite de livraison', 'AAAA-MM');
  });

  it('warns when the shortest build ends after the deadline, as §4 counts it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 2024, max: 2034 }),
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.integer({ min: 2027, max: 2030 }), { nil: undefined }),
        fc.option(fc.integer({ min: 2027, max: 2029 }), { nil: undefined }),
        fc.boolean(),
        (i, year, month, earliest, fixed, mandatory) => {
          const doc = petit();
          const p = doc.projects[i];
          p.deadline = `${year}-${String(month).padStart(2, '0')}`;
          if (earliest !== undefined) p.earliestStart = earliest;
          if (fixed !== undefined) p.fixedStart = fixed;
          p.mandatory = mandatory;
          const n = p.investment.length;
          // The fixture's own constraints count too (P03 starts in 2028 at the earliest).
          const fixedStart: number | undefined = p.fixedStart ?? undefined;
          const earliestStart: number | undefined = p.earliestStart ?? undefined;
          const start = fixedStart ?? Math.max(2027, earliestStart ?? 2027);
          // Built in years start .. start+n-1: delivered at the end of December of the last.
          const lastYear = start + n - 1;
          const late = lastYear > year || (lastYear === year && month < 12);
          const found = warningsOf(doc).filter((w) => w.path === `projects[${i}].deadline`);
          expect(found.length).toBe(late ? 1 : 0);
          if (late) {
            expect(found[0]!.message).toContain(`s'achèvent fin ${lastYear}`);
            expect(found[0]!.message).toContain(
              mandatory ? 'aucun plan ne sera possible' : 'ne pourra pas être retenu',
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts a deadline past the horizon without a word', () => {
    const doc = petit();
    doc.projects[7].deadline = '2040-01';
    expect(warningsOf(doc)).toEqual([]);
  });

  it('shows the deadline warning on the project sheet too', () => {
    const doc = example('petit');
    const project = { ...doc.projects[1]!, deadline: '2027-06' };
    const found = projectWarnings(doc, project, 1);
    expect(found.map((w) => w.path)).toEqual(['projects[1].deadline']);
  });
});

describe('decisions: the year of a postponement (§8)', () => {
  it('refuses `until` on a decision other than « reporté »', () => {
    const doc = petit();
    doc.decisions[1].until = 2029;
    expectProblem(problemsOf(doc), 'decisions[1].until', '« reporté »', '« retenu »');
  });

  it('refuses an `until` that is not a year', () => {
    const doc = petit();
    doc.decisions[1].decision = 'reporté';
    doc.decisions[1].until = 2029.5;
    expectProblem(problemsOf(doc), 'decisions[1].until', "l'année de report", 'entier');
    doc.decisions[1].until = 2150;
    expectProblem(problemsOf(doc), 'decisions[1].until', '2100');
  });

  it('warns when a postponement ends before the horizon, and accepts one inside it', () => {
    const doc = petit();
    doc.decisions[1].decision = 'reporté';
    doc.decisions[1].until = 2026;
    expectWarning(doc, 'decisions[1].until', 'La décision n° 2 sur le projet P08', '2026', '2027');
    doc.decisions[1].until = 2028;
    expect(warningsOf(doc)).toEqual([]);
  });
});

describe('the committee’s pairwise judgements (§8)', () => {
  const ids = ['usagers', 'efficience', 'agents', 'strategie'];
  const allPairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ a, b, ratio: 3 })));

  it('accepts a member who compares every pair, in either order, without warning', () => {
    const doc = petit();
    doc.criteriaJudgements = [
      { member: 'DGS', pairs: allPairs },
      { member: 'DAF', pairs: allPairs.map((p) => ({ a: p.b, b: p.a, ratio: 1 / 9 })) },
    ];
    expect(warningsOf(doc)).toEqual([]);
  });

  it('refuses a blank or repeated member name', () => {
    const doc = petit();
    doc.criteriaJudgements = [
      { member: 'DGS', pairs: allPairs },
      { member: '  ', pairs: allPairs },
      { member: ' dgs', pairs: allPairs },
    ];
    const problems = problemsOf(doc);
    expectProblem(problems, 'criteriaJudgements[1].member', 'le membre du comité', 'vide');
    expectProblem(problems, 'criteriaJudgements[2].member', '« dgs »', 'ligne 1');
    expect(problems).toHaveLength(2);
  });

  it('refuses a pair naming an unknown criterion, a criterion against itself, or a pair twice', () => {
    const doc = petit();
    doc.criteriaJudgements = [
      {
        member: 'DGS',
        pairs: [
          { a: 'usagers', b: 'cout', ratio: 2 },
          { a: 'agents', b: 'agents', ratio: 1 },
          { a: 'usagers', b: 'efficience', ratio: 3 },
          { a: 'efficience', b: 'usagers', ratio: 1 / 3 },
        ],
      },
    ];
    const problems = problemsOf(doc);
    expectProblem(
      problems,
      'criteriaJudgements[0].pairs[0].b',
      'Les comparaisons de DGS : le critère « cout »',
    );
    expectProblem(problems, 'criteriaJudgements[0].pairs[1].b', 'comparé à lui-même');
    expectProblem(
      problems,
      'criteriaJudgements[0].pairs[3]',
      'efficience / usagers est déjà comparée (comparaison n° 3)',
    );
    expect(problems).toHaveLength(3);
  });

  it('refuses a ratio off Saaty’s scale and accepts both of its ends', () => {
    for (const ratio of [10, 0.1, 0, -3]) {
      const doc = petit();
      doc.criteriaJudgements = [{ member: 'DGS', pairs: [{ a: 'usagers', b: 'agents', ratio }] }];
      expectProblem(
        problemsOf(doc),
        'criteriaJudgements[0].pairs[0].ratio',
        'le rapport de la comparaison n° 1',
        "l'échelle de Saaty, de 1/9 à 9",
      );
    }
    for (const ratio of [9, 1 / 9]) {
      const doc = petit();
      doc.criteriaJudgements = [{ member: 'DGS', pairs: [{ a: 'usagers', b: 'agents', ratio }] }];
      expect(validatePortfolio(doc).ok).toBe(true);
    }
  });

  it('warns about a member who leaves pairs out, listing exactly the missing ones', () => {
    fc.assert(
      fc.property(
        fc.subarray(allPairs),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (given, flip) => {
          const doc = petit();
          const pairs = given.map((p, k) => (flip[k] ? { a: p.b, b: p.a, ratio: 1 / 3 } : p));
          doc.criteriaJudgements = [{ member: 'DGA', pairs }];
          const found = warningsOf(doc).filter((w) => w.path === 'criteriaJudgements[0].pairs');
          const missing = allPairs.filter((p) => !given.includes(p)).map((p) => `${p.a} / ${p.b}`);
          expect(found).toHaveLength(missing.length ? 1 : 0);
          if (missing.length === 0) return;
          const listed = /manquen?t? : (.*?)\) :/.exec(found[0]!.message)?.[1]?.split(', ');
          expect(listed).toEqual(missing);
          expect(found[0]!.message).toContain('Les comparaisons de DGA');
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('execution: actuals and baseline (§9)', () => {
  const actuals = () => [
    { project: 'P01', year: 2027, paid: 60000, status: 'en-cours' },
    { project: 'P01', year: 2028, paid: 40000 },
    { project: 'P08', year: 2026, paid: 1000, status: 'livre' },
  ];

  it('accepts paid credits within the AP, even for a year before the horizon', () => {
    const doc = petit();
    doc.actuals = actuals();
    expect(warningsOf(doc)).toEqual([]);
  });

  const cases: [string, (a: Loose[]) => void, string, string[]][] = [
    ['an unknown project', (a) => void (a[0]!.project = 'PX'), 'actuals[0].project', ['« PX »']],
    [
      'a year that is not a year',
      (a) => void (a[0]!.year = 1999),
      'actuals[0].year',
      ["l'exercice", '2000'],
    ],
    [
      'a negative payment',
      (a) => void (a[1]!.paid = -5),
      'actuals[1].paid',
      ['le montant payé', '0 ou plus'],
    ],
    [
      'a payment above the ceiling',
      (a) => void (a[1]!.paid = 2e12),
      'actuals[1].paid',
      ['10^12 €'],
    ],
    [
      'an unknown status',
      (a) => void (a[0]!.status = 'fini'),
      'actuals[0].status',
      ["l'état d'avancement", '« livre »'],
    ],
    [
      'a second row for the same project and year',
      (a) => void (a[1]!.year = 2027),
      'actuals[1].year',
      ['exercice 2027', 'ligne 1'],
    ],
  ];
  it.each(cases)('refuses %s', (_, breakIt, path, mentions) => {
    const doc = petit();
    doc.actuals = actuals();
    breakIt(doc.actuals);
    const problem = expectProblem(problemsOf(doc), path, ...mentions);
    expect(problem.message).toMatch(/^La ligne \d du suivi d'exécution/);
  });

  it('warns on the row where the total paid passes the AP', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: 4 }),
        (thousands) => {
          // P01's AP is 111 000 €.
          const doc = petit();
          doc.actuals = thousands.map((k, y) => ({
            project: 'P01',
            year: 2030 - y,
            paid: k * 1000,
          }));
          let total = 0;
          let crossing: number | undefined;
          [...doc.actuals]
            .sort((a: Loose, b: Loose) => a.year - b.year)
            .forEach((row: Loose) => {
              total += row.paid;
              if (crossing === undefined && total > 111000) crossing = doc.actuals.indexOf(row);
            });
          const found = warningsOf(doc).filter((w) => w.path.startsWith('actuals'));
          if (crossing === undefined) {
            expect(found).toEqual([]);
            return;
          }
          expect(found.map((w) => w.path)).toEqual([`actuals[${crossing}].paid`]);
          expect(found[0]!.message).toContain('111\u202f000 €');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('checks the baseline: its date, its scenario and its plan as a scenario plan', () => {
    const doc = petit();
    doc.baseline = {
      date: '2026-12-09',
      meeting: 'CODIR',
      scenario: 'base',
      plan: [{ project: 'P08', start: 2027 }],
    };
    expect(warningsOf(doc)).toEqual([]);
    doc.baseline.date = '2026-02-30';
    expectProblem(
      problemsOf(doc),
      'baseline.date',
      'Le plan adopté en comité : la date',
      'AAAA-MM-JJ',
    );
    doc.baseline.date = '2026-12-09';
    doc.baseline.scenario = 'audacieux';
    expectProblem(problemsOf(doc), 'baseline.scenario', '« audacieux »', "n'existe pas");
    doc.baseline.scenario = 'base';
    doc.baseline.plan = [
      { project: 'P08', start: 2027 },
      { project: 'PX', start: 2027 },
      { project: 'P08', start: 2028 },
    ];
    const problems = problemsOf(doc);
    expectProblem(problems, 'baseline.plan[1].project', '« PX »');
    expectProblem(problems, 'baseline.plan[2].project', 'deux fois');
    expect(problems).toHaveLength(2);
  });

  it('keeps an adopted plan whose starts precede the horizon without warning', () => {
    const doc = petit();
    doc.baseline = { date: '2025-12-09', plan: [{ project: 'P08', start: 2026 }] };
    expect(warningsOf(doc)).toEqual([]);
  });
});

describe('self-financing floor and AP numbers (§9)', () => {
  it('refuses a floor outside 0..1', () => {
    const doc = petit();
    doc.projects[0].selfFinancingFloor = 1.5;
    expectProblem(
      problemsOf(doc),
      'projects[0].selfFinancingFloor',
      "la part minimale d'autofinancement",
      '1 ou moins',
    );
  });

  it('warns below the floor, naming the shortfall (floor − own share) × Σ investment', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 100 })
          .chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: 0, max: 100 - s }))),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        ([s, pShare], f) => {
          const doc = petit();
          const p = doc.projects[4]; // P05, 185 000 € over two years
          p.subsidyRate = s / 100;
          p.partnerShare = pShare / 100;
          if (f !== undefined) p.selfFinancingFloor = f / 100;
          const floor = f ?? 20;
          const own = 100 - s - pShare;
          const found = warningsOf(doc).filter((w) => w.path.startsWith('projects[4].'));
          if (own >= floor) {
            expect(found).toEqual([]);
            return;
          }
          expect(found).toHaveLength(1);
          expect(found[0]!.path).toBe(
            s > 0 ? 'projects[4].subsidyRate' : 'projects[4].partnerShare',
          );
          const shortfall = ((floor - own) * 185000) / 100;
          const words = String(Math.round(shortfall)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
          const written = Math.round(shortfall) >= 10000 ? words : String(Math.round(shortfall));
          expect(found[0]!.message).toContain(`il manque ${written} €`);
          expect(found[0]!.message).toContain(`${floor} %`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('warns when two projects carry the same AP number, on the second, and on the sheet', () => {
    const doc = petit();
    doc.projects[0].apNumber = 'AP-2027-01';
    doc.projects[3].apNumber = ' AP-2027-01 ';
    doc.projects[5].apNumber = 'AP-2027-02';
    doc.projects[6].apNumber = '  ';
    expectWarning(doc, 'projects[3].apNumber', '« AP-2027-01 »', 'projet P01');
    noWarningAt(doc, 'projects[0].apNumber');
    const typed = doc as unknown as Portfolio;
    const sheet = projectWarnings(typed, typed.projects[0]!, 0);
    expect(sheet.map((w) => w.path)).toEqual(['projects[0].apNumber']);
    expect(sheet[0]!.message).toContain('projet P04');
  });
});

describe('unknown fields inside the new sections', () => {
  it('are kept and listed', () => {
    const doc = petit();
    doc.criteria[0].scale = { '1': 'peu', x_ton: 'neutre' };
    doc.criteriaJudgements = [
      {
        member: 'DGS',
        x_role: 'DGS',
        pairs: [{ a: 'usagers', b: 'agents', ratio: 2, x_note: 'n' }],
      },
    ];
    doc.actuals = [{ project: 'P01', year: 2027, paid: 1, x_mandat: 'M-12' }];
    doc.baseline = {
      date: '2026-12-09',
      x_pv: 'pv.pdf',
      plan: [{ project: 'P01', start: 2027, x_ok: true }],
    };
    const result = validatePortfolio(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.warningPaths[0]!.path).toBe('');
    for (const path of [
      'criteria[0].scale.x_ton',
      'criteriaJudgements[0].x_role',
      'criteriaJudgements[0].pairs[0].x_note',
      'actuals[0].x_mandat',
      'baseline.x_pv',
      'baseline.plan[0].x_ok',
    ])
      expect(result.warnings[0]).toContain(path);
    expect(result.portfolio).toEqual(doc);
  });
});
