/**
 * The check the project sheet runs on every keystroke: the same rules as the
 * whole-document validation, for one project, with paths in the document.
 */
import { describe, expect, it } from 'vitest';
import type { Portfolio, Project } from '../../../shared/model/portfolio';
import { validatePortfolio, validateProject } from '../../../shared/model/validate';
import { example, expectProblem, loose } from './fixtures';

function edited(
  doc: Portfolio,
  index: number,
  change: (p: ReturnType<typeof loose>) => void,
): Project {
  const project = structuredClone(doc.projects[index]!);
  change(project);
  return project;
}

describe('validateProject', () => {
  it('finds nothing to say about the projects of a valid document', () => {
    const doc = example('moyen');
    doc.projects.forEach((p, i) => expect(validateProject(doc, p, i)).toEqual([]));
    doc.projects.forEach((p) => expect(validateProject(doc, p)).toEqual([]));
  });

  it('reports a field with its path in the document', () => {
    const doc = example('petit');
    const project = edited(doc, 3, (p) => (p.investment[1] = -16000));
    const problems = validateProject(doc, project);
    expect(problems).toHaveLength(1);
    expectProblem(problems, 'projects[3].investment[1]', 'P04', "l'année 2");
  });

  it('reports staff days that no longer match a shortened CP schedule', () => {
    const doc = example('petit');
    const project = edited(doc, 3, (p) => p.investment.pop());
    const problems = validateProject(doc, project);
    expect(problems.map((p) => p.path)).toEqual([
      'projects[3].staff[0].days',
      'projects[3].staff[1].days',
      'projects[3].staff[2].days',
    ]);
    expect(problems[0]?.message).toContain('compte 1 année');
  });

  it('gives the same problems as the whole-document validation', () => {
    const doc = example('petit');
    const project = edited(doc, 2, (p) => {
      p.scores.usagers = 9;
      p.direction = 'culture';
      p.subsidyRate = 0.8;
      p.partnerShare = 0.4;
      p.dependsOn = ['P02', 'P77'];
      p.durationMonths = { low: 20, mode: 10, high: 30 };
    });
    const whole = structuredClone(doc);
    whole.projects[2] = project;
    const full = validatePortfolio(whole);
    if (full.ok) throw new Error('accepted');
    const sort = (ps: { path: string; message: string }[]) =>
      [...ps].sort((a, b) => (a.path + a.message).localeCompare(b.path + b.message));
    expect(sort(validateProject(doc, project))).toEqual(sort(full.problems));
  });

  it('refuses a dependency that would close a loop through the project', () => {
    const doc = example('petit');
    const project = edited(doc, 1, (p) => (p.dependsOn = ['P03']));
    const problems = validateProject(doc, project);
    expectProblem(problems, 'projects[1].dependsOn[0]', 'P02 → P03 → P02');
  });

  it('refuses an id already used by another project', () => {
    const doc = example('petit');
    const project = edited(doc, 4, (p) => (p.id = 'P01'));
    const problems = validateProject(doc, project, 4);
    expectProblem(problems, 'projects[4].id', 'P01', 'déjà utilisé', 'n° 1');
  });

  it('accepts a project keeping its own id', () => {
    const doc = example('petit');
    expect(
      validateProject(
        doc,
        edited(doc, 4, (p) => (p.name = 'Prospective')),
        4,
      ),
    ).toEqual([]);
  });

  it('refuses excluding a project that depends on it', () => {
    const doc = example('petit');
    const project = edited(doc, 1, (p) => (p.excludes = ['P03']));
    const problems = validateProject(doc, project);
    expectProblem(problems, 'projects[1].excludes[0]', 'P03', 'dépend de lui');
  });

  it('places a new project at the end of the list', () => {
    const doc = example('petit');
    const project = edited(doc, 0, (p) => {
      p.id = 'P11';
      p.name = 'Nouveau projet';
      p.staff[0].team = 'prestataire';
    });
    const problems = validateProject(doc, project);
    expectProblem(problems, 'projects[10].staff[0].team', 'P11', 'Nouveau projet', 'prestataire');
  });

  it('names the project as it is being edited', () => {
    const doc = example('petit');
    const project = edited(doc, 0, (p) => {
      p.name = 'Chaîne comptable sans papier';
      p.runCost = -1;
    });
    const [problem] = validateProject(doc, project);
    expect(problem?.message).toContain('Chaîne comptable sans papier');
  });

  it('checks every project of a 500-project document', () => {
    const base = example('moyen');
    const projects: Project[] = [];
    for (let k = 0; k < 500; k++) {
      const p = structuredClone(base.projects[k % base.projects.length]!);
      const suffix = `-${Math.floor(k / base.projects.length)}`;
      p.id += suffix;
      p.dependsOn = p.dependsOn?.map((d) => d + suffix);
      p.excludes = p.excludes?.map((x) => x + suffix);
      projects.push(p);
    }
    const doc: Portfolio = { ...base, projects, scenarios: [], decisions: [] };
    expect(validatePortfolio(doc).ok).toBe(true);
    projects.forEach((p, i) => expect(validateProject(doc, p, i)).toEqual([]));
    const broken = { ...projects[499]!, dependsOn: [projects[0]!.id, 'absent'] };
    expectProblem(validateProject(doc, broken, 499), 'projects[499].dependsOn[1]', 'absent');
  });
});
