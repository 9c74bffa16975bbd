/** User settings, kept as JSON in the app's data folder; a corrupt file is set aside, never fatal. */
import { join } from 'node:path';
import { readOrSetAside } from './atomicFile';
import type { Service } from './lifecycle';

export interface Settings {
  /** A guide folder chosen instead of the embedded pack. */
  contentDir?: string;
}

/** Lifecycle (see lifecycle.ts): `start()` reads the file; there is nothing to release. */
export class SettingsService implements Service {
  readonly name = 'settings';
  private values: Settings = {};
  private readonly path: string;

  constructor(
    dataDir: string,
    private readonly log: (m: string) => void = () => {},
  ) {
    this.path = join(dataDir, 'settings.json');
  }

  async start(): Promise<void> {
    await this.load();
  }

  dispose(): void {}

  async load(): Promise<Settings> {
    const parsed = await readOrSetAside(
      this.path,
      (raw) => validateSettings(JSON.parse(raw.toString('utf8'))),
      this.log,
    );
    this.values = parsed ?? {};
    return this.values;
  }

  get(): Readonly<Settings> {
    return this.values;
  }
}

function validateSettings(value: unknown): Settings {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('settings must be an object');
  const { contentDir } = value as Record<string, unknown>;
  if (contentDir !== undefined && typeof contentDir !== 'string') throw new Error('contentDir must be a string');
  return contentDir === undefined ? {} : { contentDir };
}
