/**
 * The worker's side of a run (worker-run.ts): answers each request with the
 * replies `answer` posts, and turns a throw into the `error` reply the page
 * reads as a failed run. One request per worker: the page terminates it to
 * stop a synchronous solve.
 */
import type { ErrorReply, Reply } from './worker-run';

export function serve<Request extends { id: number }, R extends Reply>(
  answer: (request: Request, post: (reply: R) => void) => Promise<void>,
): void {
  const post = (reply: R | ErrorReply) => (self as unknown as Worker).postMessage(reply);
  self.onmessage = async (event: MessageEvent<Request>) => {
    const request = event.data;
    try {
      await answer(request, post);
    } catch (error) {
      post({
        type: 'error',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
}
