/**
 * Blocks of iterations of the risk simulation, off the UI thread. The page
 * (screens/risk/pool.ts) sends the prepared input once per run, then one
 * block at a time; each answer transfers the block's typed arrays. The page
 * cancels by terminating the worker.
 */
import { blockHandler, type PoolRequest } from '../screens/risk/pool';

const handle = blockHandler();

self.onmessage = (event: MessageEvent<PoolRequest>) => {
  const answer = handle(event.data);
  if (answer) (self as unknown as Worker).postMessage(answer.reply, answer.transfer);
};
