/**
 * Seeded generator of realistic random portfolios (format 1) for benchmarks
 * and simulations: the same options give the same document on every machine.
 *
 * The shape follows what a collectivité's schéma directeur looks like: most
 * projects cost 50 k€–600 k€ over one to three years, a few are large; staff
 * need follows cost; a third have a subsidy, some are shared with partners;
 * run costs of 10–20 % of investment a year, savings on one project in three;
 * about one project in seven depends on an earlier one, a few pairs are
 * alternatives, a few are mandatory. Envelopes and capacities are set so that
 * roughly half of the candidate demand fits: the arbitration is real.
 */
import type { Portfolio, Project } from '../../shared/model/portfolio';

export interface GenerateOptions {
  projects: number;
  years: number;
  teams: number;
  seed: number;
}

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIRECTIONS = [
  ['solidarites', 'Solidarités'],
  ['finances', 'Finances'],
  ['urbanisme', 'Urbanisme et aménagement'],
  ['education', 'Éducation et enfance'],
  ['culture', 'Culture et sports'],
  ['rh', 'Ressources humaines'],
] as const;

const TEAM_NAMES = [
  'DSI – études et développement',
  'DSI – infrastructures et réseaux',
  'DSI – support et déploiement',
  'DSI – données et SIG',
  'DSI – sécurité',
  'Mission transformation',
  'Direction des usages numériques',
  'DSI – applications métier',
  'DSI – architecture',
  'Pôle achats numériques',
];

export function generatePortfolio({ projects, years, teams, seed }: GenerateOptions): Portfolio {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const between = (lo: number, hi: number) => lo + (hi - lo) * rnd();
  const round = (x: number, step: number) => Math.round(x / step) * step;
  const firstYear = 2027;
  const ids = Array.from({ length: projects }, (_, i) => `P${String(i + 1).padStart(3, '0')}`);
  const teamIds = Array.from({ length: teams }, (_, k) => `T${k + 1}`);

  const list: Project[] = ids.map((id, i) => {
    const r = rnd();
    const duration = Math.min(years, r < 0.35 ? 1 : r < 0.8 ? 2 : r < 0.95 ? 3 : 4);
    // Log-uniform total cost, 40 k€ .. 1.2 M€.
    const total = Math.exp(between(Math.log(40_000), Math.log(1_200_000)));
    const shares = Array.from({ length: duration }, () => between(0.5, 1.5));
    const sum = shares.reduce((a, b) => a + b, 0);
    const investment = shares.map((s) => round((total * s) / sum, 1000));
    const daysPerEuro = between(1 / 3000, 1 / 1200);
    const staffTeams = new Set([Math.floor(rnd() * teams)]);
    if (rnd() < 0.5) staffTeams.add(Math.floor(rnd() * teams));
    const staff = [...staffTeams].map((k, j) => ({
      team: teamIds[k] as string,
      days: investment.map((a) => Math.max(1, Math.round(a * daysPerEuro * (j === 0 ? 0.7 : 0.3)))),
    }));
    const subsidyRate = rnd() < 0.35 ? round(between(0.2, 0.5), 0.05) : 0;
    const partnerShare = rnd() < 0.15 ? round(between(0.1, 0.3), 0.05) : 0;
    const runCost = round(total * between(0.08, 0.2), 500);
    const savings = rnd() < 0.35 ? round(runCost * between(0.5, 2), 500) : 0;
    const months = duration * 12 - Math.floor(rnd() * 6);
    const project: Project = {
      id,
      name: `Projet ${id}`,
      direction: pick(DIRECTIONS)[0],
      scores: {
        usagers: Math.floor(rnd() * 6),
        efficience: Math.floor(rnd() * 6),
        agents: Math.floor(rnd() * 6),
        strategie: Math.floor(rnd() * 6),
      },
      investment,
      staff,
      runCost,
      savings,
      subsidyRate,
      partnerShare,
      durationMonths: {
        low: Math.max(1, Math.round(months * 0.85)),
        mode: months,
        high: Math.round(months * between(1.2, 1.8)),
      },
      costFactor: { low: 0.95, mode: 1.05, high: round(between(1.2, 1.8), 0.05) },
      mandatory: false,
    };
    if (i > 3 && rnd() < 0.15) {
      const p = ids[Math.floor(rnd() * i)] as string;
      project.dependsOn = [p];
    }
    if (rnd() < 0.15)
      project.earliestStart = firstYear + 1 + Math.floor(rnd() * Math.min(2, years - 1));
    return project;
  });

  // Alternatives: a few pairs with no dependency between them.
  for (let k = 0; k < Math.floor(projects / 20); k++) {
    const a = list[Math.floor(rnd() * projects)] as Project;
    const b = list[Math.floor(rnd() * projects)] as Project;
    if (a === b || a.dependsOn?.includes(b.id) || b.dependsOn?.includes(a.id)) continue;
    if (a.excludes?.includes(b.id) || b.excludes?.includes(a.id)) continue;
    a.excludes = [...(a.excludes ?? []), b.id];
  }
  // Mandatory: a few small, early, standalone projects.
  for (const p of list) {
    const cost = p.investment.reduce((x, y) => x + y, 0);
    if (!p.dependsOn && !p.excludes && cost < 250_000 && p.investment.length <= 2 && rnd() < 0.12) {
      p.mandatory = true;
      delete p.earliestStart;
    }
  }
  for (const p of list) {
    if (p.excludes) {
      const mandatoryPartner = p.excludes.some((id) => list.find((q) => q.id === id)?.mandatory);
      if (mandatoryPartner || p.mandatory) delete p.excludes;
    }
  }

  // Envelopes: about half the average yearly demand.
  const netDemand = list.reduce(
    (s, p) =>
      s +
      p.investment.reduce((a, b) => a + b, 0) * (1 - (p.subsidyRate ?? 0) - (p.partnerShare ?? 0)),
    0,
  );
  const yearly = (netDemand / years) * 0.5;
  const investment = Array.from({ length: years }, () =>
    round(yearly * between(0.85, 1.15), 10_000),
  );
  const runDemand = list.reduce((s, p) => s + (p.runCost ?? 0) * (1 - (p.partnerShare ?? 0)), 0);
  const operating = Array.from({ length: years }, (_, t) =>
    round((runDemand * 0.35 * (t + 1)) / years, 5_000),
  );
  const teamDemand = teamIds.map((tid) =>
    list.reduce(
      (s, p) =>
        s +
        (p.staff ?? [])
          .filter((n) => n.team === tid)
          .reduce((a, n) => a + n.days.reduce((x, y) => x + y, 0), 0),
      0,
    ),
  );
  const teamList = teamIds.map((tid, k) => ({
    id: tid,
    label: TEAM_NAMES[k % TEAM_NAMES.length] as string,
    capacity: Array.from({ length: years }, () =>
      Math.max(20, round(((teamDemand[k] ?? 0) / years) * 0.6 * between(0.9, 1.1), 10)),
    ),
  }));
  const directions = DIRECTIONS.map(([id, label]) => {
    const count = list.filter((p) => p.direction === id).length;
    return rnd() < 0.5
      ? { id, label, maxConcurrent: Math.max(2, Math.ceil(count / 3)) }
      : { id, label };
  });

  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: {
      name: `Collectivité générée ${seed}`,
      kind: 'intercommunalite',
      fctvaRegime: 'N+1',
    },
    horizon: { firstYear, years },
    criteria: [
      { id: 'usagers', label: "Qualité de service à l'usager", weight: 0.35 },
      { id: 'efficience', label: 'Efficience pour le contribuable', weight: 0.25 },
      { id: 'agents', label: 'Conditions de travail des agents', weight: 0.15 },
      { id: 'strategie', label: 'Alignement sur le projet de mandature', weight: 0.25 },
    ],
    directions,
    teams: teamList,
    budget: { investment, operating },
    projects: list,
    scenarios: [
      {
        id: 'base',
        name: 'Scénario de référence',
        budgetFactor: { investment: 1, operating: 1 },
        capacityFactor: 1,
        forceIn: [],
        forceOut: [],
        timePreference: 0.04,
        savingsCredit: 1,
      },
    ],
  };
}
