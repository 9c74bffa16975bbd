/**
 * Records every worker thread a test's code starts and whether it has exited, so a test can
 * prove none is left running. Use from a `vi.mock` factory (it must not import
 * node:worker_threads itself, which the mock replaces):
 *
 *     vi.mock('node:worker_threads', async (original) =>
 *       (await import('./recordedWorkers')).withRecordedWorkers(await original()));
 */
import type * as WorkerThreads from 'node:worker_threads';

export const threads: { exited: boolean }[] = [];

/** `actual` with a Worker constructor that records each thread it starts. */
export function withRecordedWorkers(actual: typeof WorkerThreads): typeof WorkerThreads {
  const Recorded = new Proxy(actual.Worker, {
    construct(target, args: ConstructorParameters<typeof actual.Worker>) {
      const worker = new target(...args);
      const record = { exited: false };
      threads.push(record);
      worker.once('exit', () => void (record.exited = true));
      return worker;
    },
  });
  return { ...actual, Worker: Recorded };
}

/** Threads started and not yet exited. */
export const runningThreads = () => threads.filter((thread) => !thread.exited).length;
