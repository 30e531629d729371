/** Collects the problems (errors) and warnings of one check, each as a path and a sentence. */
import type { z } from 'zod';
import type { Problem } from '../portfolio';
import { issuePredicate } from './predicates';
import type { Context } from './context';
import { about, sentence } from './describe';
import { formatPath, getAt, type Key, type Path } from './input';

export class Collector {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly ctx: Context) {}

  /** One problem per path and message kind from the schema (the first wins). */
  issues(issues: readonly z.core.$ZodIssue[], prefix: Path, value: unknown): void {
    for (const issue of issues) {
      const rel = issue.path.filter((k): k is Key => typeof k !== 'symbol');
      const path = [...prefix, ...rel];
      const key = formatPath(path);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const predicate = issuePredicate(issue, getAt(value, rel));
      this.problems.push({ path: key, message: sentence(this.ctx, path, predicate) });
    }
  }

  error(path: Path, text: string): void {
    this.problems.push({ path: formatPath(path), message: about(this.ctx, path, text) });
  }

  warn(path: Path, text: string): void {
    this.warnings.push({ path: formatPath(path), message: about(this.ctx, path, text) });
  }
}
