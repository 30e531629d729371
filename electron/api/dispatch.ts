/**
 * The single entry of the API in the main process, for both transports (IPC
 * and loopback HTTP): refuses unknown methods, validates the arguments with
 * the contract's schema, calls the handler, and turns every outcome into a
 * plain JSON `ApiReply`. The renderer is not trusted, and nothing that cannot
 * be serialised as JSON ever goes back.
 */
import { z } from 'zod';
import {
  apiArgs,
  isApiErrorCode,
  type ApiErrorData,
  type ApiReply,
  type Handlers,
  type Method,
} from '../../shared/api/contract';
import type { Problem } from '../../shared/model/portfolio';
import { DocumentError } from '../documents/store';
import { AppError } from './errors';

export type Dispatch = (method: unknown, args: unknown) => Promise<ApiReply>;

export interface DispatcherOptions {
  /** Where unexpected errors are written; standard error by default. */
  log?: (message: string) => void;
}

const frenchErrors = z.locales.fr().localeError;

export function isMethod(method: unknown): method is Method {
  return typeof method === 'string' && Object.prototype.hasOwnProperty.call(apiArgs, method);
}

/** `edit.ops[0].project.id` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function failure(error: ApiErrorData): ApiReply {
  return { ok: false, error };
}

function cleanProblems(problems: unknown): Problem[] {
  if (!Array.isArray(problems)) return [];
  return problems.slice(0, 1000).map((p: unknown) => {
    const problem = (p ?? {}) as { path?: unknown; message?: unknown };
    return {
      path: typeof problem.path === 'string' ? problem.path : '',
      message: typeof problem.message === 'string' ? problem.message : String(problem.message),
    };
  });
}

/** A reply that survives JSON (both transports), or null when it cannot. */
function toJsonSafe(value: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    const text = JSON.stringify(value);
    return { ok: true, value: text === undefined ? null : JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const INTERNAL: ApiErrorData = {
  code: 'internal',
  message: 'Une erreur inattendue est survenue. Le document n’a pas été modifié par cette action.',
};

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));

  return async (method, args) => {
    if (!isMethod(method)) {
      const name = typeof method === 'string' ? method.slice(0, 100) : typeof method;
      return failure({ code: 'unknown-method', message: `Méthode inconnue : « ${name} ».` });
    }
    const parsed = apiArgs[method].safeParse(args ?? {}, { error: frenchErrors });
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 100).map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
      }));
      return failure({
        code: 'bad-arguments',
        message: `Arguments invalides pour « ${method} » : ${problems
          .slice(0, 3)
          .map((p) => (p.path ? `${p.path} : ${p.message}` : p.message))
          .join(' ; ')}.`,
        problems,
      });
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const result = await handler(parsed.data);
      const safe = toJsonSafe(result);
      if (!safe.ok) {
        log(`arbitra : la réponse de « ${method} » n’est pas sérialisable en JSON.`);
        return failure(INTERNAL);
      }
      return { ok: true, result: safe.value };
    } catch (error) {
      if (error instanceof AppError || error instanceof DocumentError) {
        return failure({
          code: isApiErrorCode(error.code) ? error.code : 'internal',
          message: String(error.message),
          problems: cleanProblems(error.problems),
        });
      }
      log(
        `arbitra : erreur inattendue dans « ${method} » : ${
          error instanceof Error ? (error.stack ?? error.message) : String(error)
        }`,
      );
      return failure(INTERNAL);
    }
  };
}
