/**
 * Validation of a format-1 document (MODEL.md §2).
 * PLACEHOLDER signature: the full rule set is being written; keep the signature.
 */
import type { Portfolio, Problem } from './portfolio';

export type ValidationResult =
  | { ok: true; portfolio: Portfolio; warnings: string[] }
  | { ok: false; problems: Problem[] };

export function validatePortfolio(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '', message: 'Le document doit être un objet JSON.' }] };
  }
  return { ok: true, portfolio: input as Portfolio, warnings: [] };
}
