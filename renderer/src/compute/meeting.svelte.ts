/**
 * The meeting's preparation (compute/meeting.ts), run in Web Workers and
 * kept at module level for the session, like the other runs: the deck and
 * the dossier read `meetingRun.meeting`, which stays as it was computed
 * until the next preparation succeeds.
 *
 * The optimiser, frontier and confidence steps drive the screens' own runs
 * (optimiserRun, frontierRun, confidenceRun), so the scenario and frontier
 * screens show the very figures the deck shows; the simulation runs in the
 * pool of simulation workers. Cancel stops the step under way and the
 * preparation; the last prepared meeting is kept.
 */
import { rankingHeuristic, scenarioObjective } from '../../../shared/engine/optimise';
import { optimisationKey } from '../../../shared/engine/plan';
import { prepareSimulation } from '../../../shared/engine/simulate';
import { resolveScenario } from '../../../shared/model/portfolio';
import { confidenceRun, frontierRun } from './frontier.svelte';
import {
  MEETING_FACTORS,
  confidenceSeconds,
  MEETING_LEVELS,
  prepareMeeting,
  progressOf,
  type Meeting,
  type MeetingRequest,
  type MeetingStepKind,
  type MeetingSteps,
  type StepPlan,
} from './meeting';
import { optimiserRun } from './optimise.svelte';
import { runPool, workerCount, type PoolRun, type WorkerLike } from './pool';

export type MeetingState = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

const spawnSimulation = () =>
  new Worker(new URL('./simulate.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;

class MeetingRun {
  state = $state<MeetingState>('idle');
  /** The last meeting prepared, whole (`$state.raw`: replaced, never deep-proxied). */
  meeting = $state.raw<Meeting | null>(null);
  steps = $state.raw<StepPlan[]>([]);
  message = $state('');
  /** Ticks while a preparation runs, so the progress moves between replies. */
  now = $state(Date.now());

  private cancelled = false;
  private stopCurrent: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  get running(): boolean {
    return this.state === 'running';
  }

  /** The step under way. */
  get current(): MeetingStepKind | null {
    return this.steps.find((s) => s.startedAt !== undefined && s.took === undefined)?.kind ?? null;
  }

  get progress(): { fraction: number; left: number } {
    return progressOf(this.steps, this.now);
  }

  /** Prepares the meeting of `request`; resolves once it ended (see `state`). */
  async prepare(request: MeetingRequest): Promise<void> {
    if (this.running) return;
    this.cancelled = false;
    this.state = 'running';
    this.message = '';
    this.now = Date.now();
    this.timer = setInterval(() => (this.now = Date.now()), 250);
    try {
      const meeting = await prepareMeeting(request, this.realSteps(), (steps) => {
        this.steps = steps;
        this.now = Date.now();
      });
      if (meeting) {
        this.meeting = meeting;
        this.state = 'done';
      } else {
        this.state = this.cancelled ? 'cancelled' : 'failed';
      }
    } catch (error) {
      this.state = 'failed';
      this.message = error instanceof Error ? error.message : String(error);
    } finally {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      this.stopCurrent = null;
    }
  }

  /** Stops the step under way and the preparation; the last meeting prepared stays. */
  cancel(): void {
    if (!this.running) return;
    this.cancelled = true;
    this.stopCurrent?.();
  }

  private fail(message: string): null {
    if (!this.cancelled) this.message = message;
    return null;
  }

  private realSteps(): MeetingSteps {
    return {
      now: () => Date.now(),
      heuristicPlan: (r) => {
        const scenario = resolveScenario(r.portfolio, r.scenarioId || undefined);
        return scenario ? rankingHeuristic(r.portfolio, scenario).plan : [];
      },
      planValue: (r, plan) => {
        const scenario = resolveScenario(r.portfolio, r.scenarioId || undefined);
        return scenario ? scenarioObjective(r.portfolio, scenario, plan) : 0;
      },
      optimise: async (r) => {
        this.stopCurrent = () => optimiserRun.cancel();
        const finished = await optimiserRun.start(
          r.portfolio,
          r.scenarioId,
          r.secondsPerSolve,
          optimisationKey(r.portfolio, r.scenarioId || undefined),
        );
        const view = optimiserRun.view;
        if (this.cancelled || !finished || !view?.result) return this.fail(view?.message ?? '');
        return view.result;
      },
      frontier: async (r, known) => {
        this.stopCurrent = () => frontierRun.cancel();
        const finished = await frontierRun.run(
          r.portfolio,
          r.scenarioId,
          [...MEETING_FACTORS],
          r.secondsPerSolve,
          optimisationKey(r.portfolio, r.scenarioId || undefined, r.scenarioId),
          known,
        );
        if (this.cancelled || !finished) return this.fail(frontierRun.message);
        return frontierRun.points;
      },
      confidence: async (r, deterministic) => {
        this.stopCurrent = () => confidenceRun.cancel();
        const finished = await confidenceRun.run(
          r.portfolio,
          r.scenarioId,
          [...MEETING_LEVELS],
          confidenceSeconds(r.secondsPerSolve),
          optimisationKey(r.portfolio, r.scenarioId || undefined, 'confidence'),
          deterministic,
        );
        if (this.cancelled || !finished) return this.fail(confidenceRun.message);
        return confidenceRun.levels;
      },
      simulate: async (r, plan, onProgress) => {
        const scenario = resolveScenario(r.portfolio, r.scenarioId || undefined);
        if (!scenario) return this.fail(`scénario inconnu « ${r.scenarioId} »`);
        let run: PoolRun;
        try {
          run = runPool(
            prepareSimulation(r.portfolio, plan, scenario),
            {
              iterations: r.iterations ?? 10_000,
              seed: r.seed,
              workers: workerCount(globalThis.navigator?.hardwareConcurrency),
              onProgress,
            },
            spawnSimulation,
          );
        } catch (error) {
          return this.fail(error instanceof Error ? error.message : String(error));
        }
        this.stopCurrent = () => run.abort();
        try {
          const output = await run.done;
          return this.cancelled ? null : output;
        } catch (error) {
          return this.fail(error instanceof Error ? error.message : String(error));
        }
      },
    };
  }
}

/** The meeting of the session (one at a time). */
export const meetingRun = new MeetingRun();
