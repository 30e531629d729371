/**
 * Inline validation of one project for the project sheet.
 *
 * The rules live in `shared/model/validate.ts` (`validateProject`); this
 * module calls it when it is there and otherwise applies the field rules a
 * form needs at once (negative money, rates, three-point order, lengths),
 * then maps each problem to the field that shows it. Problem paths are made
 * relative to the project (`projects[3].investment[1]` → `investment[1]`) so
 * they match whatever index the project has (or will have).
 */
import * as validate from '../../../../shared/model/validate';
import type { Portfolio, Problem, Project, ThreePoint } from '../../../../shared/model/portfolio';
import { isYearMonth, LIMITS } from '../../../../shared/model/schema';

type ProjectValidator = (portfolio: Portfolio, project: Project) => Problem[];

/** Strips `projects[N]` and the leading dot: the path inside the project. */
export function relativePath(path: string): string {
  return path.replace(/^projects\[\d+\]\.?/, '');
}

function checkThreePoint(tp: ThreePoint | undefined, path: string, out: Problem[]) {
  if (!tp) return;
  const { low, mode, high } = tp;
  if (![low, mode, high].every((x) => typeof x === 'number' && Number.isFinite(x))) {
    out.push({ path, message: 'Les trois valeurs doivent être des nombres.' });
  } else if (!(low > 0)) {
    out.push({ path: `${path}.low`, message: 'La valeur optimiste doit être supérieure à 0.' });
  } else if (!(low <= mode && mode <= high)) {
    out.push({
      path,
      message: `Il faut optimiste ≤ plus probable ≤ pessimiste (ici ${low}, ${mode}, ${high}).`,
    });
  }
}

/** The rules a form needs at once, for when the shared validator is not there. */
export function basicProjectProblems(portfolio: Portfolio, project: Project): Problem[] {
  const out: Problem[] = [];
  const money = (v: unknown, path: string) => {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v))
      out.push({ path, message: 'Un nombre est attendu.' });
    else if (v < 0) out.push({ path, message: 'Le montant ne peut pas être négatif.' });
    else if (v > LIMITS.maxAmount)
      out.push({ path, message: 'Le montant ne peut dépasser 1 000 milliards d’euros (10^12 €).' });
  };
  const rate = (v: unknown, path: string) => {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
      out.push({ path, message: 'Le taux doit être compris entre 0 et 100 %.' });
  };
  if (!project.id || project.id.trim() !== project.id)
    out.push({ path: 'id', message: 'L’identifiant doit être non vide, sans espace autour.' });
  if (!project.name || project.name.trim() === '')
    out.push({ path: 'name', message: 'Le nom du projet est obligatoire.' });
  if (project.direction && !(portfolio.directions ?? []).some((d) => d.id === project.direction))
    out.push({ path: 'direction', message: `Direction inconnue : ${project.direction}.` });
  for (const c of portfolio.criteria) {
    const s = project.scores[c.id];
    if (s !== undefined && (!Number.isFinite(s) || s < 0 || s > 5))
      out.push({ path: `scores.${c.id}`, message: 'La note va de 0 à 5.' });
  }
  if (project.investment.length < 1)
    out.push({ path: 'investment', message: 'Au moins une année de projet est nécessaire.' });
  project.investment.forEach((v, i) => money(v, `investment[${i}]`));
  (project.staff ?? []).forEach((s, k) => {
    if (!portfolio.teams.some((t) => t.id === s.team))
      out.push({ path: `staff[${k}].team`, message: `Équipe inconnue : ${s.team}.` });
    if (s.days.length !== project.investment.length)
      out.push({
        path: `staff[${k}].days`,
        message: 'Autant d’années de jours-homme que d’années d’investissement.',
      });
    s.days.forEach((d, i) => {
      if (!Number.isFinite(d) || d < 0)
        out.push({
          path: `staff[${k}].days[${i}]`,
          message: 'Les jours-homme ne peuvent pas être négatifs.',
        });
      else if (d > LIMITS.maxDaysPerYear)
        out.push({
          path: `staff[${k}].days[${i}]`,
          message: 'Les jours-homme ne peuvent dépasser 1 milliard (10^9) par an.',
        });
    });
  });
  money(project.runCost, 'runCost');
  money(project.savings, 'savings');
  rate(project.subsidyRate, 'subsidyRate');
  rate(project.partnerShare, 'partnerShare');
  if ((project.subsidyRate ?? 0) + (project.partnerShare ?? 0) > 1 + 1e-9)
    out.push({
      path: 'subsidyRate',
      message: 'Subvention et part des partenaires ne peuvent dépasser 100 % ensemble.',
    });
  checkThreePoint(project.durationMonths, 'durationMonths', out);
  checkThreePoint(project.costFactor, 'costFactor', out);
  for (const key of ['earliestStart', 'fixedStart'] as const) {
    const y = project[key];
    if (y !== undefined && y !== null && (!Number.isInteger(y) || y < 2000 || y > 2100))
      out.push({ path: key, message: 'Une année entre 2000 et 2100 est attendue.' });
  }
  if (project.deadline !== undefined && !isYearMonth(project.deadline))
    out.push({
      path: 'deadline',
      message: 'Un mois est attendu au format AAAA-MM (par exemple 2027-09).',
    });
  if ((project.dependsOn ?? []).includes(project.id))
    out.push({ path: 'dependsOn', message: 'Un projet ne peut pas dépendre de lui-même.' });
  if ((project.excludes ?? []).includes(project.id))
    out.push({ path: 'excludes', message: 'Un projet ne peut pas s’exclure lui-même.' });
  if ((project.dependsOn ?? []).some((d) => (project.excludes ?? []).includes(d)))
    out.push({
      path: 'excludes',
      message: 'Un projet ne peut pas dépendre d’un projet qu’il exclut.',
    });
  return out;
}

/**
 * Next to a field of the sheet, « Le projet P03 (Nom) : le montant… » says
 * the project twice: keep the sentence after the prefix, capitalised.
 */
export function withoutProjectPrefix(message: string, project: Project): string {
  for (const prefix of [
    `Le projet ${project.id} (${project.name}) : `,
    `Le projet ${project.id} : `,
  ]) {
    if (message.startsWith(prefix)) {
      const rest = message.slice(prefix.length);
      return rest.charAt(0).toLocaleUpperCase('fr') + rest.slice(1);
    }
  }
  return message;
}

/** Every problem of the project, paths relative to the project. */
export function projectProblems(portfolio: Portfolio, project: Project): Problem[] {
  const shared = (validate as { validateProject?: ProjectValidator }).validateProject;
  const found = shared ? shared(portfolio, project) : basicProjectProblems(portfolio, project);
  return found.map((p) => ({
    path: relativePath(p.path),
    message: withoutProjectPrefix(p.message, project),
  }));
}

/**
 * Does a problem belong to a field? Same path, a path inside it
 * (`investment[1]` for `investment`), or the group the field is part of
 * (`durationMonths` for `durationMonths.low`).
 */
export function belongsTo(problemPath: string, fieldPath: string): boolean {
  if (problemPath === fieldPath) return true;
  const inside = (a: string, b: string) => a.startsWith(b) && /^[.[]/.test(a.slice(b.length));
  return inside(problemPath, fieldPath) || (problemPath !== '' && inside(fieldPath, problemPath));
}
