/**
 * The board of a race (race.ts): what the lanes of one solve share while
 * HiGHS blocks each of their threads, in one SharedArrayBuffer read at every
 * solver checkpoint. It holds a stop flag, the best plan any lane has found
 * (its objective and its column vector), and each lane's proven bound.
 *
 * Objectives and bounds are 64-bit floats stored as their bits in BigInt64
 * slots, so that they are read and written atomically. The plan vector is
 * written under a small spin lock (a lane writes it only when it improves,
 * a few times per solve), with a version number so that a reader copies it
 * only when it changed.
 */

const STOP = 0;
const LOCK = 1;
const VERSION = 2;
const FLAGS = 4;
/** BigInt64 slots: 0 best objective, 1 + lane: that lane's bound. */
const BEST = 0;

const bitsBuffer = new Float64Array(1);
const bitsView = new BigInt64Array(bitsBuffer.buffer);
const toBits = (x: number): bigint => {
  bitsBuffer[0] = x;
  return bitsView[0] as bigint;
};
const fromBits = (b: bigint): number => {
  bitsView[0] = b;
  return bitsBuffer[0] as number;
};

/** A view of the board shared by the lanes of one race. */
export class Board {
  private readonly flags: Int32Array;
  private readonly slots: BigInt64Array;
  private readonly plan: Float64Array;

  constructor(readonly buffer: SharedArrayBuffer | ArrayBuffer) {
    this.flags = new Int32Array(buffer, 0, FLAGS);
    const lanes = new Int32Array(buffer, 0, FLAGS)[3] as number;
    this.slots = new BigInt64Array(buffer, 4 * FLAGS, 1 + lanes);
    this.plan = new Float64Array(buffer, 4 * FLAGS + 8 * (1 + lanes));
  }

  /** A board for `lanes` lanes and plans of `columns` columns. */
  static create(lanes: number, columns = 0): Board {
    const bytes = 4 * FLAGS + 8 * (1 + lanes) + 8 * columns;
    // A page that is not cross-origin isolated has no SharedArrayBuffer: the
    // board then serves lanes of this thread only (a search after a solve).
    const buffer =
      typeof SharedArrayBuffer === 'function'
        ? new SharedArrayBuffer(bytes)
        : new ArrayBuffer(bytes);
    new Int32Array(buffer, 0, FLAGS)[3] = lanes;
    const board = new Board(buffer);
    board.slots[BEST] = toBits(-Infinity);
    for (let k = 0; k < lanes; k++) board.slots[1 + k] = toBits(Infinity);
    return board;
  }

  get stopped(): boolean {
    return Atomics.load(this.flags, STOP) !== 0;
  }

  stop(): void {
    Atomics.store(this.flags, STOP, 1);
  }

  get best(): number {
    return fromBits(Atomics.load(this.slots, BEST));
  }

  /** Raises the best objective to `x` if it is higher (without a plan). */
  offer(x: number): void {
    for (;;) {
      const old = Atomics.load(this.slots, BEST);
      if (fromBits(old) >= x) return;
      if (Atomics.compareExchange(this.slots, BEST, old, toBits(x)) === old) return;
    }
  }

  /** Publishes a plan if it beats the best one: its objective and its columns. */
  offerPlan(values: ArrayLike<number>, objective: number): void {
    if (this.plan.length === 0 || values.length !== this.plan.length) {
      this.offer(objective);
      return;
    }
    this.lock();
    try {
      if (objective <= this.best) return;
      for (let j = 0; j < values.length; j++) this.plan[j] = values[j] as number;
      Atomics.store(this.slots, BEST, toBits(objective));
      Atomics.add(this.flags, VERSION, 1);
      Atomics.notify(this.flags, VERSION);
    } finally {
      Atomics.store(this.flags, LOCK, 0);
    }
  }

  /** Changes each time a better plan is published. */
  get version(): number {
    return Atomics.load(this.flags, VERSION);
  }

  /** A copy of the best plan published, if any. */
  bestPlan(): { values: Float64Array; objective: number } | undefined {
    if (this.plan.length === 0 || this.version === 0) return undefined;
    this.lock();
    try {
      return { values: Float64Array.from(this.plan), objective: this.best };
    } finally {
      Atomics.store(this.flags, LOCK, 0);
    }
  }

  /** Waits up to `ms` for a plan newer than `version` (only off the page's main thread). */
  waitForPlan(version: number, ms: number): void {
    if (typeof SharedArrayBuffer === 'function' && this.buffer instanceof SharedArrayBuffer) {
      Atomics.wait(this.flags, VERSION, version, ms);
    }
  }

  bound(lane: number): number {
    return fromBits(Atomics.load(this.slots, 1 + lane));
  }

  setBound(lane: number, x: number): void {
    Atomics.store(this.slots, 1 + lane, toBits(x));
  }

  /** The tightest bound any lane has proven. */
  tightest(lanes: number): number {
    let b = Infinity;
    for (let k = 0; k < lanes; k++) b = Math.min(b, this.bound(k));
    return b;
  }

  private lock(): void {
    while (Atomics.compareExchange(this.flags, LOCK, 0, 1) !== 0) {
      // Another lane is copying a plan in or out: a few microseconds.
    }
  }
}
