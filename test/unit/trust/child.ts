/** Spawning the crash child (tsx) and reading its reports line by line. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

export interface Child {
  process: ChildProcess;
  /** Highest `committed <n>` reported so far. */
  reported: number;
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function startChild(args: string[]): Child {
  // `--import tsx` keeps the child one process: SIGKILL reaches the code that writes.
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child = { process: proc, reported: -1 } as Child;
  let stderr = '';
  let buffer = '';
  let markReady: () => void = () => undefined;
  child.ready = new Promise((resolve) => (markReady = resolve));
  proc.stdout!.setEncoding('utf8');
  proc.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const [word, value] = line.split(' ');
      if (word === 'ready') {
        child.reported = Math.max(child.reported, Number(value));
        markReady();
      } else if (word === 'committed') child.reported = Math.max(child.reported, Number(value));
    }
  });
  proc.stderr!.setEncoding('utf8');
  proc.stderr!.on('data', (chunk: string) => (stderr += chunk));
  child.exited = new Promise((resolve) =>
    proc.on('close', (code, signal) => {
      markReady();
      resolve({ code, signal, stderr });
    }),
  );
  return child;
}
