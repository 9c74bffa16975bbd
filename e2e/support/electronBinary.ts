/**
 * Locates an Electron binary WITHOUT `require('electron')`, which would start a download.
 * Returns the path, or the reason there is none (printed when the Electron layer is skipped).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function findElectronBinary(repoRoot: string): { path: string } | { reason: string } {
  const fromEnv = process.env.ELECTRON_EXEC_PATH;
  if (fromEnv) {
    return existsSync(fromEnv) ? { path: fromEnv } : { reason: `ELECTRON_EXEC_PATH=${fromEnv} does not exist` };
  }
  const packageDir = join(repoRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      reason:
        'no Electron binary: node_modules/electron/path.txt is missing (Electron 45 downloads its binary on first ' +
        '`npm start`, which needs internet access; set ELECTRON_EXEC_PATH to use an installed one)',
    };
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { reason: `Electron binary ${binary} is missing` };
}
