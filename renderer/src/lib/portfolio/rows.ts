/**
 * The portfolio table's data: one row per project with what the list shows
 * and sorts by, computed once per portfolio (not per render), then filtered
 * and sorted by plain functions that can be unit-tested.
 */
import type { Decision, DecisionEntry, Portfolio } from '../../../../shared/model/portfolio';
import { projectValue } from '../../../../shared/engine/value';

export interface ProjectRow {
  id: string;
  name: string;
  usage: string;
  sponsor: string;
  directionId: string;
  directionLabel: string;
  value: number;
  investment: number;
  staffDays: number;
  years: number;
  monthsMode: number;
  decision: Decision | null;
  mandatory: boolean;
  /** MODEL.md §8: YYYY-MM the project must be delivered by, or '' without one. */
  deadline: string;
  /** Lower-case text searched by the filter. */
  haystack: string;
}

export type SortKey =
  | 'id'
  | 'name'
  | 'direction'
  | 'value'
  | 'investment'
  | 'staff'
  | 'duration'
  | 'status'
  | 'deadline';
export type SortDir = 'asc' | 'desc';

export interface ListFilter {
  text: string;
  /** '' = all, '-' = no direction, else a direction id. */
  direction: string;
  /** '' = all, 'none' = no decision, else a decision. */
  status: string;
  /** '' = all, 'yes', 'no'. */
  mandatory: '' | 'yes' | 'no';
}

export const EMPTY_FILTER: ListFilter = { text: '', direction: '', status: '', mandatory: '' };

const sum = (xs: readonly number[] | undefined) => (xs ?? []).reduce((a, b) => a + b, 0);

/** The latest decision of each project (by date, then by order in the list). */
export function latestDecisions(decisions: readonly DecisionEntry[] = []): Map<string, Decision> {
  const best = new Map<string, { date: string; decision: Decision }>();
  for (const d of decisions) {
    const prev = best.get(d.project);
    if (!prev || d.date >= prev.date) best.set(d.project, { date: d.date, decision: d.decision });
  }
  return new Map([...best].map(([id, v]) => [id, v.decision]));
}

export function buildRows(portfolio: Portfolio): ProjectRow[] {
  const directions = new Map((portfolio.directions ?? []).map((d) => [d.id, d.label]));
  const decisions = latestDecisions(portfolio.decisions);
  return portfolio.projects.map((p) => {
    const directionLabel = p.direction ? (directions.get(p.direction) ?? p.direction) : '';
    return {
      id: p.id,
      name: p.name,
      usage: p.usage ?? '',
      sponsor: p.sponsor ?? '',
      directionId: p.direction ?? '',
      directionLabel,
      value: projectValue(portfolio.criteria, p),
      investment: sum(p.investment),
      staffDays: (p.staff ?? []).reduce((a, s) => a + sum(s.days), 0),
      years: p.investment.length,
      monthsMode: p.durationMonths?.mode ?? 0,
      decision: decisions.get(p.id) ?? null,
      mandatory: p.mandatory === true,
      deadline: p.deadline ?? '',
      haystack: `${p.id} ${p.name} ${p.usage ?? ''} ${p.sponsor ?? ''} ${directionLabel}`
        .toLocaleLowerCase('fr')
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, ''),
    };
  });
}

function fold(text: string): string {
  return text
    .toLocaleLowerCase('fr')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim();
}

export function filterRows(rows: readonly ProjectRow[], filter: ListFilter): ProjectRow[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (
      filter.direction === '-'
        ? r.directionId !== ''
        : filter.direction && r.directionId !== filter.direction
    )
      return false;
    if (
      filter.status === 'none' ? r.decision !== null : filter.status && r.decision !== filter.status
    )
      return false;
    if (filter.mandatory === 'yes' && !r.mandatory) return false;
    if (filter.mandatory === 'no' && r.mandatory) return false;
    return words.every((w) => r.haystack.includes(w));
  });
}

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
const DECISION_ORDER: Record<string, number> = {
  retenu: 0,
  'à instruire': 1,
  reporté: 2,
  rejeté: 3,
};

function compare(a: ProjectRow, b: ProjectRow, key: SortKey): number {
  switch (key) {
    case 'id':
      return collator.compare(a.id, b.id);
    case 'name':
      return collator.compare(a.name, b.name);
    case 'direction':
      return collator.compare(a.directionLabel, b.directionLabel);
    case 'value':
      return a.value - b.value;
    case 'investment':
      return a.investment - b.investment;
    case 'staff':
      return a.staffDays - b.staffDays;
    case 'duration':
      return a.monthsMode - b.monthsMode || a.years - b.years;
    case 'deadline':
      // Earliest deadline first; projects without one after every dated one.
      return (
        (a.deadline === '' ? 1 : 0) - (b.deadline === '' ? 1 : 0) ||
        a.deadline.localeCompare(b.deadline)
      );
    case 'status':
      return (
        (a.decision === null ? 9 : (DECISION_ORDER[a.decision] ?? 8)) -
        (b.decision === null ? 9 : (DECISION_ORDER[b.decision] ?? 8))
      );
  }
}

/** Stable sort; ties keep the id order. */
export function sortRows(rows: readonly ProjectRow[], key: SortKey, dir: SortDir): ProjectRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b, key) || collator.compare(a.id, b.id));
}

/** The next free id like P41 (keeps the widest existing number width). */
export function nextProjectId(ids: readonly string[], prefix = 'P'): string {
  const taken = new Set(ids);
  let max = 0;
  let width = 2;
  for (const id of ids) {
    const m = /^([A-Za-z]*)(\d+)$/.exec(id);
    if (m && m[1] === prefix) {
      max = Math.max(max, Number(m[2]));
      width = Math.max(width, m[2]!.length);
    }
  }
  let n = max + 1;
  let id = `${prefix}${String(n).padStart(width, '0')}`;
  while (taken.has(id)) id = `${prefix}${String(++n).padStart(width, '0')}`;
  return id;
}
