/**
 * A worker thread under supervision (Node, no Electron): each job is posted to a worker and its
 * messages are handed to the job until it returns a result. A worker that cannot start (missing
 * script), throws, exits or falls silent for too long is ended and started again after a delay,
 * a bounded number of times; then the job fails with every attempt's reason, so the caller can
 * fall back and say what happened. Used by the search index build; meant for any worker job
 * that can simply be run again (the content library's parse worker too).
 *
 * - One job at a time: `run` cancels a job still running (it rejects with
 *   `WorkerJobCancelledError`).
 * - The silence timeout is reset by every message and doubles at each restart, so a slow but
 *   healthy machine gets there on a later attempt instead of being killed forever.
 * - Requests are posted, never transferred: a restart must be able to post the same request.
 * - By default the worker ends after each job (its memory goes back); `keepAlive` keeps it for
 *   the next one.
 *
 * Lifecycle (see lifecycle.ts): construction starts nothing; `start()` starts the worker ahead
 * of the first job when `keepAlive`; `dispose()` cancels the job, ends the worker and waits for
 * it to exit; after it `run` rejects at once.
 */
import { existsSync } from 'node:fs';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Service } from './lifecycle';

export interface SupervisedWorkerOptions {
  /** The worker script: a built `.js`/`.cjs` file as is; a `.ts` file through tsx (tests, scripts). */
  script: string;
  /** For logs and errors: "search worker". */
  name: string;
  log?: (message: string) => void;
  /** Attempts per job, the first run included (default 3). */
  attempts?: number;
  /** Wait before the 1st, 2nd… restart; the last value repeats (default 1 s, then 5 s). */
  restartDelaysMs?: readonly number[];
  /** Keep the worker between jobs instead of ending it after each (default false). */
  keepAlive?: boolean;
  /** Passed to every Worker started (resourceLimits, workerData, env…). */
  workerOptions?: WorkerOptions;
  /** Told of every failed attempt, before the restart or the final failure. */
  onFailure?: (failure: AttemptFailure) => void;
}

export interface AttemptFailure {
  /** 1 for the first run. */
  attempt: number;
  kind: 'missing-script' | 'error' | 'exit' | 'timeout' | 'refused';
  message: string;
  /** The worker ran out of memory: the same job on the calling thread would not fare better. */
  outOfMemory: boolean;
  /** Whether another attempt follows. */
  willRetry: boolean;
}

export interface WorkerJob<Request, Reply, Result> {
  request: Request;
  /** Longest silence (no message) of the first attempt before the worker counts as hung. */
  silenceTimeoutMs: number;
  /**
   * Each message of the current attempt: return the result to finish the job, `undefined` to
   * wait for more. A throw fails the attempt ('refused'), which is then restarted like a crash.
   */
  onMessage(reply: Reply, attempt: number): Result | undefined;
}

/** Every attempt failed. */
export class WorkerJobFailedError extends Error {
  constructor(
    name: string,
    readonly failures: readonly AttemptFailure[],
  ) {
    super(`${name} failed ${failures.length} time(s): ${failures.map((f) => f.message).join('; ')}`);
  }

  get outOfMemory(): boolean {
    return this.failures.some((failure) => failure.outOfMemory);
  }
}

/** The job was cancelled by a newer `run`, `cancel()` or `dispose()`. */
export class WorkerJobCancelledError extends Error {}

const DEFAULT_ATTEMPTS = 3;
const DEFAULT_RESTART_DELAYS_MS = [1000, 5000];

/** The delay before restart `n` (1-based) of a schedule whose last value repeats. */
export function backoffDelay(schedule: readonly number[], n: number): number {
  return schedule[Math.min(Math.max(n, 1), schedule.length) - 1] ?? 0;
}

/** A running job: what cancels it (its attempt, or its wait before a restart). */
interface JobControl {
  cancelled: boolean;
  abort: (() => void) | null;
}

type Outcome<Result> = { result: Result } | { failure: Omit<AttemptFailure, 'willRetry'> } | { cancelled: true };

export class SupervisedWorker<Request, Reply> implements Service {
  readonly name: string;
  private readonly log: (message: string) => void;
  private job: JobControl | null = null;
  private jobDone: Promise<unknown> = Promise.resolve();
  private idle: Worker | null = null;
  private readonly exiting = new Set<Promise<unknown>>();
  private disposed = false;

  constructor(private readonly options: SupervisedWorkerOptions) {
    this.name = options.name;
    this.log = options.log ?? (() => {});
  }

  start(): void {
    if (this.options.keepAlive && !this.disposed && !this.idle && existsSync(this.options.script))
      this.idle = this.spawn();
  }

  /** Whether a job is running (or waiting to restart its worker). */
  get busy(): boolean {
    return this.job !== null;
  }

  /** Runs `job`, restarting the worker as needed; rejects with `WorkerJobFailedError` or `WorkerJobCancelledError`. */
  async run<Result>(job: WorkerJob<Request, Reply, Result>): Promise<Result> {
    // The newest job wins: every job still running is cancelled first (loop: another `run` may
    // have started one while this one waited).
    while (this.job) await this.cancel();
    if (this.disposed) throw new WorkerJobCancelledError(`${this.name} is disposed`);
    const control: JobControl = { cancelled: false, abort: null };
    this.job = control;
    const done = this.attempts(job, control).finally(() => {
      if (this.job === control) this.job = null;
    });
    this.jobDone = done.catch(() => {});
    return done;
  }

  private async attempts<Result>(job: WorkerJob<Request, Reply, Result>, control: JobControl): Promise<Result> {
    const attempts = Math.max(1, this.options.attempts ?? DEFAULT_ATTEMPTS);
    const failures: AttemptFailure[] = [];
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1)
        await this.wait(backoffDelay(this.options.restartDelaysMs ?? DEFAULT_RESTART_DELAYS_MS, attempt - 1), control);
      if (control.cancelled) throw new WorkerJobCancelledError(`${this.name} job cancelled`);
      const outcome = await this.attempt(job, attempt, control);
      if ('result' in outcome) return outcome.result;
      if ('cancelled' in outcome) throw new WorkerJobCancelledError(`${this.name} job cancelled`);
      // A script that is not there will not appear between two attempts of one job.
      const willRetry = attempt < attempts && outcome.failure.kind !== 'missing-script';
      const failure: AttemptFailure = { ...outcome.failure, willRetry };
      failures.push(failure);
      this.log(`${this.name} attempt ${attempt} failed: ${failure.message}${willRetry ? '; restarting' : ''}`);
      this.options.onFailure?.(failure);
      if (!willRetry) break;
    }
    throw new WorkerJobFailedError(this.name, failures);
  }

  private wait(ms: number, control: JobControl): Promise<void> {
    return new Promise((resolve) => {
      if (control.cancelled) return resolve();
      const timer = setTimeout(resolve, ms);
      control.abort = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** One attempt: resolves with the result, a failure or a cancellation; never rejects. */
  private attempt<Result>(
    job: WorkerJob<Request, Reply, Result>,
    attempt: number,
    control: JobControl,
  ): Promise<Outcome<Result>> {
    const { script } = this.options;
    if (!existsSync(script))
      return Promise.resolve({
        failure: { attempt, kind: 'missing-script', message: `worker script not found: ${script}`, outOfMemory: false },
      });
    return new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = this.idle ?? this.spawn();
      } catch (error) {
        resolve({ failure: { attempt, kind: 'error', message: (error as Error).message, outOfMemory: false } });
        return;
      }
      this.idle = null;
      const silenceMs = job.silenceTimeoutMs * 2 ** (attempt - 1);
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const settle = (outcome: Outcome<Result>, end: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        control.abort = null;
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (end || !this.options.keepAlive || this.disposed) this.end(worker);
        else this.keepIdle(worker);
        resolve(outcome);
      };
      const fail = (kind: AttemptFailure['kind'], message: string, outOfMemory = false) =>
        settle({ failure: { attempt, kind, message, outOfMemory } }, true);
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => fail('timeout', `no answer for ${silenceMs} ms`), silenceMs);
      };
      const onMessage = (reply: Reply) => {
        arm();
        let result: Result | undefined;
        try {
          result = job.onMessage(reply, attempt);
        } catch (error) {
          fail('refused', `its answer was refused: ${(error as Error).message}`);
          return;
        }
        if (result !== undefined) settle({ result }, false);
      };
      const onError = (error: Error & { code?: string }) =>
        fail('error', `it threw: ${error.message}`, error.code === 'ERR_WORKER_OUT_OF_MEMORY');
      const onExit = (code: number) => fail('exit', `it exited (code ${code}) before answering`);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      control.abort = () => settle({ cancelled: true }, true);
      arm();
      try {
        worker.postMessage(job.request);
      } catch (error) {
        fail('error', `the request could not be posted: ${(error as Error).message}`);
      }
    });
  }

  private spawn(): Worker {
    const { script, workerOptions } = this.options;
    // A .ts entry (tests, tsx runs) is loaded through tsx's CommonJS hook; built apps pass .js.
    return script.endsWith('.ts')
      ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(script)});`, { ...workerOptions, eval: true })
      : new Worker(script, workerOptions);
  }

  /** Keeps a healthy worker for the next job; one that dies while idle is simply dropped. */
  private keepIdle(worker: Worker): void {
    this.idle = worker;
    const forget = () => {
      if (this.idle === worker) this.idle = null;
    };
    worker.once('exit', forget).once('error', forget);
  }

  private end(worker: Worker): void {
    const exiting = worker.terminate().catch(() => 0);
    this.exiting.add(exiting);
    void exiting.finally(() => this.exiting.delete(exiting));
  }

  /** Cancels the running job (its worker ended) and resolves once it has settled. */
  async cancel(): Promise<void> {
    const control = this.job;
    if (control) {
      control.cancelled = true;
      control.abort?.();
    }
    await this.jobDone;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.cancel();
    if (this.idle) this.end(this.idle);
    this.idle = null;
    await Promise.all([...this.exiting]);
  }
}
