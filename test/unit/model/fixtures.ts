/** Loading the example documents (copies of shared/examples) for the model tests. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Portfolio, Problem } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';

export type ExampleName = 'petit' | 'moyen' | 'infaisable';

/** A fresh, mutable copy of an example document. */
export function example(name: ExampleName): Portfolio {
  const url = new URL(`../../fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Portfolio;
}

/** Untyped view of a document, to break it in ways the types forbid. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;
export function loose(doc: Portfolio): Loose {
  return doc as unknown as Loose;
}

/** The problems found in `doc`; fails when the document is accepted. */
export function problemsOf(doc: unknown): Problem[] {
  const result = validatePortfolio(doc);
  if (result.ok) throw new Error('the document was accepted');
  return result.problems;
}

/** The one problem at `path`, checking its message mentions every word given. */
export function expectProblem(
  problems: readonly Problem[],
  path: string,
  ...mentions: string[]
): Problem {
  const found = problems.filter((p) => p.path === path);
  expect(
    found.map((p) => p.path),
    JSON.stringify(problems, null, 1),
  ).toEqual([path]);
  const problem = found[0]!;
  for (const word of mentions) expect(problem.message).toContain(word);
  return problem;
}
