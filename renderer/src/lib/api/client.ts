/**
 * The typed API client: `call('document.edit', { edit, baseRevision })`
 * resolves with `Results['document.edit']` or throws an `ApiError` rebuilt
 * from the reply, whichever transport carried it.
 */
import {
  ApiError,
  type ApiReply,
  type Args,
  type Method,
  type Results,
} from '../../../../shared/api/contract';
import { bridge } from './bridge';

export { ApiError };

export function unwrap<T>(reply: ApiReply): T {
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    if (reply.ok) return reply.result as T;
    throw new ApiError(reply.error);
  }
  throw new ApiError({ code: 'internal', message: 'Réponse inattendue du service Arbitra.' });
}

export async function call<M extends Method>(method: M, args: Args<M>): Promise<Results[M]> {
  return unwrap<Results[M]>(await bridge().call(method, args));
}
