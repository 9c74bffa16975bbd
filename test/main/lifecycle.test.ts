import { describe, expect, it } from 'vitest';
import {
  DisposableStore,
  HostDisposedError,
  ServiceHost,
  toDisposable,
  type Service,
} from '../../src/main/services/lifecycle';

function recordingService(
  name: string,
  events: string[],
  behaviour: { failStart?: boolean; failDispose?: boolean } = {},
) {
  return {
    name,
    async start() {
      events.push(`start ${name}`);
      await Promise.resolve();
      if (behaviour.failStart) throw new Error(`${name} could not start`);
    },
    async dispose() {
      events.push(`dispose ${name}`);
      await Promise.resolve();
      if (behaviour.failDispose) throw new Error(`${name} could not stop`);
    },
  } satisfies Service;
}

describe('ServiceHost', () => {
  it('starts in the order given and disposes in reverse, each service once', async () => {
    const events: string[] = [];
    const host = new ServiceHost();
    for (const name of ['settings', 'library', 'search', 'window']) await host.start(recordingService(name, events));
    expect(host.names).toEqual(['settings', 'library', 'search', 'window']);
    const first = host.dispose();
    const second = host.dispose();
    expect(second).toBe(first);
    await first;
    await host.dispose();
    expect(events).toEqual([
      'start settings',
      'start library',
      'start search',
      'start window',
      'dispose window',
      'dispose search',
      'dispose library',
      'dispose settings',
    ]);
  });

  it('disposes every service even when one fails to, then reports the failure', async () => {
    const events: string[] = [];
    const logs: string[] = [];
    const host = new ServiceHost((m) => logs.push(m));
    await host.start(recordingService('a', events));
    await host.start(recordingService('b', events, { failDispose: true }));
    await host.start(recordingService('c', events));
    await expect(host.dispose()).rejects.toThrow(AggregateError);
    expect(events.filter((e) => e.startsWith('dispose'))).toEqual(['dispose c', 'dispose b', 'dispose a']);
    expect(logs).toEqual(['b did not dispose cleanly: b could not stop']);
  });

  it('disposes a service whose start failed halfway, with those before it', async () => {
    const events: string[] = [];
    const host = new ServiceHost();
    await host.start(recordingService('a', events));
    await expect(host.start(recordingService('b', events, { failStart: true }))).rejects.toThrow('b could not start');
    await host.dispose();
    expect(events).toEqual(['start a', 'start b', 'dispose b', 'dispose a']);
  });

  it('refuses to start services once shutting down, including one that was starting', async () => {
    const events: string[] = [];
    const host = new ServiceHost();
    let release!: () => void;
    const slow: Service = {
      name: 'slow',
      start: () => new Promise<void>((resolve) => (release = resolve)),
      dispose: () => void events.push('dispose slow'),
    };
    const starting = host.start(slow);
    const disposing = host.dispose();
    release();
    await expect(starting).rejects.toThrow(HostDisposedError);
    await disposing;
    expect(events).toEqual(['dispose slow']);
    await expect(host.start(recordingService('late', events))).rejects.toThrow(HostDisposedError);
    expect(events).toEqual(['dispose slow']);
  });
});

describe('disposables', () => {
  it('toDisposable releases once however often it is disposed', async () => {
    let released = 0;
    const disposable = toDisposable(() => void released++);
    await Promise.all([disposable.dispose(), disposable.dispose()]);
    await disposable.dispose();
    expect(released).toBe(1);
  });

  it('a store releases newest first, and at once what is added after it was disposed', async () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => void order.push('first')));
    store.add(toDisposable(() => void order.push('second')));
    await store.dispose();
    expect(order).toEqual(['second', 'first']);
    store.add(toDisposable(() => void order.push('late')));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['second', 'first', 'late']);
    await store.dispose();
    expect(order).toHaveLength(3);
  });
});
