/**
 * SupervisedWorker against real worker threads: fixture scripts that throw as they load, exit on
 * the request, spin for ever, or are missing. Each failure is reported with its kind, the worker
 * is started again after the delay, and the job fails with every attempt's reason once the
 * attempts are used up; no worker is left running.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SupervisedWorker,
  WorkerJobCancelledError,
  WorkerJobFailedError,
  backoffDelay,
  type AttemptFailure,
  type SupervisedWorkerOptions,
} from '../../src/main/services/supervisedWorker';
import { runningThreads, threads } from './recordedWorkers';

vi.mock('node:worker_threads', async (original) =>
  (await import('./recordedWorkers')).withRecordedWorkers(await original()),
);
const running = runningThreads;

const fixture = (name: string) => join(__dirname, 'fixtures', name);
type Reply = { progress?: number; done?: number; threadId: number };

const started: SupervisedWorker<{ n: number }, Reply>[] = [];
function supervised(script: string, extra: Partial<SupervisedWorkerOptions> = {}) {
  const failures: AttemptFailure[] = [];
  const logs: string[] = [];
  const worker = new SupervisedWorker<{ n: number }, Reply>({
    script,
    name: 'test worker',
    attempts: 3,
    restartDelaysMs: [5, 10],
    log: (m) => logs.push(m),
    onFailure: (f) => failures.push(f),
    ...extra,
  });
  started.push(worker);
  return { worker, failures, logs };
}

const job = (n: number, silenceTimeoutMs = 10_000) => ({
  request: { n },
  silenceTimeoutMs,
  onMessage: (reply: Reply) => reply.done,
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((w) => w.dispose()));
  threads.length = 0;
});

describe('SupervisedWorker', () => {
  it('runs a job in a healthy worker and ends the worker afterwards', async () => {
    const { worker, failures } = supervised(fixture('echoWorker.cjs'));
    await expect(worker.run(job(21))).resolves.toBe(42);
    expect(failures).toEqual([]);
    expect(worker.busy).toBe(false);
    expect(threads).toHaveLength(1);
    await expect.poll(running).toBe(0);
  });

  it.each([
    ['throws as it loads', 'throwingWorker.cjs', 'error', /broken/],
    ['exits without answering', 'exitingWorker.cjs', 'exit', /code 3/],
  ])('a worker that %s is restarted, then the job fails with every reason', async (_, script, kind, message) => {
    const { worker, failures, logs } = supervised(fixture(script));
    const error = await worker.run(job(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerJobFailedError);
    expect((error as WorkerJobFailedError).failures.map((f) => [f.attempt, f.kind, f.willRetry])).toEqual([
      [1, kind, true],
      [2, kind, true],
      [3, kind, false],
    ]);
    expect(failures).toHaveLength(3);
    expect(failures[0].message).toMatch(message);
    expect(threads).toHaveLength(3);
    expect(logs.filter((m) => m.includes('restarting'))).toHaveLength(2);
  });

  it('a hung worker is ended after its silence timeout, which doubles at each restart', async () => {
    const { worker, failures } = supervised(fixture('hungWorker.cjs'), { attempts: 2 });
    await expect(worker.run(job(1, 50))).rejects.toBeInstanceOf(WorkerJobFailedError);
    expect(failures.map((f) => [f.kind, f.message])).toEqual([
      ['timeout', 'no answer for 50 ms'],
      ['timeout', 'no answer for 100 ms'],
    ]);
    // The spinning threads were terminated, not left running.
    expect(threads).toHaveLength(2);
    await expect.poll(running).toBe(0);
  });

  it('a missing script fails at once, without restarts that could not help', async () => {
    const { worker, failures } = supervised(fixture('no-such-worker.cjs'));
    const error = (await worker.run(job(1)).catch((e: unknown) => e)) as WorkerJobFailedError;
    expect(error.failures).toEqual([expect.objectContaining({ kind: 'missing-script', willRetry: false })]);
    expect(failures).toHaveLength(1);
    expect(threads).toHaveLength(0);
  });

  it('a refused answer counts as a failure and the next attempt can succeed', async () => {
    const { worker, failures } = supervised(fixture('echoWorker.cjs'));
    const result = await worker.run({
      request: { n: 5 },
      silenceTimeoutMs: 10_000,
      onMessage: (reply: Reply, attempt: number) => {
        if (reply.done === undefined) return undefined;
        if (attempt === 1) throw new Error('garbled');
        return reply.done;
      },
    });
    expect(result).toBe(10);
    expect(failures.map((f) => f.kind)).toEqual(['refused']);
  });

  it('a newer job cancels the running one; dispose cancels and ends everything', async () => {
    const { worker } = supervised(fixture('hungWorker.cjs'));
    const first = worker.run(job(1));
    const second = worker.run(job(2)).catch((e: unknown) => e);
    await expect(first).rejects.toBeInstanceOf(WorkerJobCancelledError);
    await worker.dispose();
    expect(await second).toBeInstanceOf(WorkerJobCancelledError);
    await expect(worker.run(job(3))).rejects.toBeInstanceOf(WorkerJobCancelledError);
    expect(threads).toHaveLength(2);
    // dispose waited for both spinning threads to exit.
    expect(running()).toBe(0);
  });

  it('dispose during the wait before a restart starts no further worker', async () => {
    const { worker, failures } = supervised(fixture('exitingWorker.cjs'), { restartDelaysMs: [60_000] });
    const outcome = worker.run(job(1)).catch((e: unknown) => e);
    await expect.poll(() => failures.length).toBe(1);
    await worker.dispose();
    expect(await outcome).toBeInstanceOf(WorkerJobCancelledError);
    expect(failures).toHaveLength(1);
    expect(threads).toHaveLength(1);
  });

  it('keepAlive reuses one worker for several jobs', async () => {
    const { worker } = supervised(fixture('echoWorker.cjs'), { keepAlive: true });
    const threadIds: number[] = [];
    for (const n of [1, 2, 3])
      await worker.run({
        request: { n },
        silenceTimeoutMs: 10_000,
        onMessage: (reply: Reply) => {
          threadIds.push(reply.threadId);
          return reply.done;
        },
      });
    expect(new Set(threadIds).size).toBe(1);
    expect(threads).toHaveLength(1);
  });

  it('backoffDelay repeats the last delay', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay([10, 20, 30], n))).toEqual([10, 20, 30, 30]);
  });
});
