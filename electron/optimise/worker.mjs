// Bootstrap of a solver thread: the engine is TypeScript, run through tsx
// like the rest of the command line, so register tsx's loader in this thread
// before importing the worker's code.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
