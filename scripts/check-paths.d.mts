/** Types of scripts/check-paths.mjs, for the tests. */
export interface PathFinding {
  /** Path from the repository root (set by `checkFiles`). */
  file?: string;
  line: number;
  /** The text found. */
  text: string;
  /** Why it is refused, in words. */
  why: string;
}
export function absolutePatterns(root: string): { name: string; regex: RegExp }[];
export function climbsOut(file: string, token: string): string | null;
export function checkText(file: string, text: string, root: string): PathFinding[];
export function trackedFiles(root: string): string[];
export function checkFiles(root: string, files: string[]): PathFinding[];
