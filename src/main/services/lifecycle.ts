/**
 * The lifecycle every main-process service follows (the shape of VS Code's disposables and of
 * Zettlr's boot/shutdown service providers):
 *
 * - construction wires a service to the services it needs and acquires nothing;
 * - `start()` acquires what it holds (reads a folder, opens a watcher, subscribes, opens a window);
 * - `dispose()` lets go of all of it. It is idempotent, safe on a service that never started or
 *   whose start failed halfway, and after it the service starts no new work.
 *
 * A `ServiceHost` starts services in the order given and disposes them in the reverse order, so
 * a service is always disposed before the services it depends on.
 */

export interface Disposable {
  dispose(): void | Promise<void>;
}

export interface Service extends Disposable {
  /** For logs and errors: "content library", "search index", … */
  readonly name: string;
  start(): void | Promise<void>;
}

/** A disposable that runs `release` once, however often it is disposed. */
export function toDisposable(release: () => void | Promise<void>): Disposable {
  let done: Promise<void> | null = null;
  return {
    dispose: () => (done ??= Promise.resolve().then(release)),
  };
}

/** Disposables held together and released together, newest first. */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = [];
  private disposed = false;

  /** Holds `item` until the store is disposed; a store already disposed releases it at once. */
  add<T extends Disposable>(item: T): T {
    if (this.disposed) void item.dispose();
    else this.items.push(item);
    return item;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const items = this.items.splice(0).reverse();
    for (const item of items) await item.dispose();
  }
}

/** Thrown by `ServiceHost.start` once the host is being disposed (for example, quit during startup). */
export class HostDisposedError extends Error {}

export class ServiceHost implements Disposable {
  private readonly services: Service[] = [];
  private disposal: Promise<void> | null = null;

  constructor(private readonly log: (message: string) => void = () => {}) {}

  /** Names of the services started (or starting), in start order. */
  get names(): string[] {
    return this.services.map((service) => service.name);
  }

  get disposed(): boolean {
    return this.disposal !== null;
  }

  /**
   * Starts `service` after every service started before it. It is registered before its start
   * runs, so a start that fails halfway is still disposed with the host.
   */
  async start<S extends Service>(service: S): Promise<S> {
    if (this.disposal) throw new HostDisposedError(`${service.name} not started: shutting down`);
    this.services.push(service);
    await service.start();
    if (this.disposal) throw new HostDisposedError(`${service.name} started while shutting down`);
    return service;
  }

  /**
   * Disposes every service, newest first. One service failing to dispose does not keep the others
   * running: all are disposed, then the failures are reported together.
   */
  dispose(): Promise<void> {
    this.disposal ??= this.disposeAll();
    return this.disposal;
  }

  private async disposeAll(): Promise<void> {
    const failures: unknown[] = [];
    for (const service of [...this.services].reverse()) {
      try {
        await service.dispose();
      } catch (error) {
        this.log(`${service.name} did not dispose cleanly: ${error instanceof Error ? error.message : String(error)}`);
        failures.push(error);
      }
    }
    if (failures.length) throw new AggregateError(failures, `${failures.length} service(s) did not dispose cleanly`);
  }
}
