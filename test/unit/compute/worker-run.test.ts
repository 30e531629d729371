/**
 * The page's side of a worker run (renderer/src/compute/worker-run.ts),
 * driven with fake workers and fake timers: replies of an older generation
 * are dropped, the worker is terminated on done, cancel, error, crash and
 * time limit, `onStop` says why exactly once, and progress and ticks arrive
 * while the run goes on and stop with it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  WorkerRun,
  type StopReason,
  type WorkerLike,
} from '../../../renderer/src/compute/worker-run';

type Request = { id: number; n: number };
type Reply =
  | { type: 'progress'; id: number; step: number }
  | { type: 'done'; id: number; total: number }
  | { type: 'error'; id: number; message: string };

/** A worker that records what it is sent and answers only when told to. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  posted: unknown[] = [];
  terminated = false;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** A reply as the worker would post it (even after terminate, to test the drop). */
  answer(reply: Reply) {
    this.onmessage?.({ data: reply });
  }
  crash(message?: string) {
    const event = { message, preventDefault: vi.fn() };
    this.onerror?.(event);
    return event;
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const run = new WorkerRun<Request, Reply>(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  const replies: Reply[] = [];
  const stops: StopReason[] = [];
  const start = (n: number, extra: { limitSeconds?: number; onTick?: (s: number) => void } = {}) =>
    run.start({ n }, { onReply: (r) => replies.push(r), onStop: (s) => stops.push(s), ...extra });
  return { run, workers, replies, stops, start };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('worker run', () => {
  it('posts the request with the run id, delivers replies, and ends on done', () => {
    const { run, workers, replies, stops, start } = setup();
    const id = start(7);
    const w = workers[0]!;
    expect(w.posted).toEqual([{ n: 7, id }]);
    expect(run.active).toBe(true);
    w.answer({ type: 'progress', id, step: 1 });
    w.answer({ type: 'progress', id, step: 2 });
    w.answer({ type: 'done', id, total: 3 });
    expect(replies.map((r) => r.type)).toEqual(['progress', 'progress', 'done']);
    expect(w.terminated).toBe(true);
    expect(run.active).toBe(false);
    // Nothing after the end: no reply, no stop.
    w.answer({ type: 'progress', id, step: 4 });
    run.cancel();
    expect(replies).toHaveLength(3);
    expect(stops).toEqual([]);
  });

  it('drops the replies of an older generation and terminates its worker silently', () => {
    const { workers, replies, stops, start } = setup();
    const first = start(1);
    const second = start(2);
    expect(second).toBe(first + 1);
    const [old, now] = workers;
    expect(old!.terminated).toBe(true);
    expect(now!.terminated).toBe(false);
    old!.answer({ type: 'done', id: first, total: 1 });
    old!.crash('late');
    // A stale id on the current worker is dropped too.
    now!.answer({ type: 'progress', id: first, step: 9 });
    now!.answer({ type: 'progress', id: second, step: 1 });
    expect(replies).toEqual([{ type: 'progress', id: second, step: 1 }]);
    expect(stops).toEqual([]);
  });

  it('cancel terminates the worker and reports it once', () => {
    const { run, workers, replies, stops, start } = setup();
    const id = start(1);
    run.cancel();
    run.cancel();
    expect(workers[0]!.terminated).toBe(true);
    expect(stops).toEqual([{ kind: 'cancelled' }]);
    workers[0]!.answer({ type: 'done', id, total: 1 });
    expect(replies).toEqual([]);
  });

  it('the wall-clock limit terminates the worker, and only once it has passed', () => {
    const { workers, replies, stops, start } = setup();
    const id = start(1, { limitSeconds: 30 });
    vi.advanceTimersByTime(29_999);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(workers[0]!.terminated).toBe(true);
    expect(stops).toEqual([{ kind: 'timeout' }]);
    workers[0]!.answer({ type: 'done', id, total: 1 });
    expect(replies).toEqual([]);
  });

  it('a run that ends in time clears its limit', () => {
    const { workers, stops, start } = setup();
    const id = start(1, { limitSeconds: 5 });
    workers[0]!.answer({ type: 'done', id, total: 1 });
    vi.advanceTimersByTime(60_000);
    expect(stops).toEqual([]);
  });

  it('the worker’s error reply and a crash end the run as failed', () => {
    const { workers, replies, stops, start } = setup();
    const a = start(1);
    workers[0]!.answer({ type: 'error', id: a, message: 'plus de mémoire' });
    expect(workers[0]!.terminated).toBe(true);
    start(2);
    const event = workers[1]!.crash(undefined);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(workers[1]!.terminated).toBe(true);
    expect(stops).toEqual([
      { kind: 'failed', message: 'plus de mémoire', crashed: false },
      { kind: 'failed', message: '', crashed: true },
    ]);
    expect(replies).toEqual([]);
  });

  it('ticks the seconds since the start while it runs, and stops ticking with it', () => {
    const { run, start } = setup();
    const ticks: number[] = [];
    start(1, { onTick: (s) => ticks.push(s) });
    vi.advanceTimersByTime(1_000);
    expect(ticks).toEqual([0.25, 0.5, 0.75, 1]);
    run.cancel();
    vi.advanceTimersByTime(1_000);
    expect(ticks).toHaveLength(4);
  });
});
