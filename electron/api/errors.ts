/**
 * An expected failure of an API call: its message is shown to the user as is
 * (French), its code lets the renderer react (`'no-document'`, `'bad-path'`,
 * ...). Anything else thrown by a handler is a bug and reported as
 * `'internal'` without details.
 */
import type { ApiErrorCode } from '../../shared/api/contract';
import type { Problem } from '../../shared/model/portfolio';

export class AppError extends Error {
  readonly code: ApiErrorCode;
  readonly problems: Problem[];
  constructor(code: ApiErrorCode, message: string, problems: Problem[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.problems = problems;
  }
}
