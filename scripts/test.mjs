#!/usr/bin/env node
// `npm test`: type-check, lint, build, then every test layer (unit, renderer in Chromium,
// Electron where a binary exists). Ends with one closing line: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`GuideDesk needs Node.js 20.19 or newer (found ${process.versions.node}).`);
  process.exit(1);
}

function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ];
  return candidates.find((p) => p && existsSync(p));
}
if (!findChromium() && !existsSync(join(process.env.HOME ?? '', '.cache/ms-playwright'))) {
  console.error(
    'The renderer tests need Chromium and none was found.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-cjk\n' +
      '  elsewhere:     npx playwright install chromium   (or set CHROMIUM_PATH)',
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

const failures = [];
if (step('type-check (main, preload, core, tests)', bin('tsc'), ['-p', 'tsconfig.json']) !== 0)
  failures.push('type-check');
if (step('type-check (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json']) !== 0) failures.push('type-check renderer');
if (step('lint', bin('eslint'), ['.', '--max-warnings=0']) !== 0) failures.push('lint');
if (step('format (prettier --check)', bin('prettier'), ['--check', '**/*.{ts,tsx,mjs,js,css}']) !== 0)
  failures.push('format');
if (step('build', bin('electron-vite'), ['build']) !== 0) {
  console.error('Build failed: the end-to-end layers cannot run.');
  console.log(`0 passed, ${failures.length + 1} failed`);
  process.exit(1);
}

mkdirSync(join(root, 'test-results'), { recursive: true });
rmSync(join(root, 'test-results', 'skipped-layers.txt'), { force: true });
const reportPath = join(root, 'test-results', 'vitest.json');
const vitestStatus = step('tests: unit, renderer (Chromium), Electron', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportPath}`,
]);

function readCounts() {
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    return {
      passed: report.numPassedTests,
      // A suite that failed to load counts as one failure even with no failed test.
      failed: Math.max(report.numFailedTests, vitestStatus !== 0 ? 1 : 0),
      skipped: report.numPendingTests + (report.numTodoTests ?? 0),
    };
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}
const counts = readCounts();
const { passed, skipped } = counts;
const failed = counts.failed + failures.length;
const skippedLayers = join(root, 'test-results', 'skipped-layers.txt');
if (existsSync(skippedLayers)) console.log(`\n${readFileSync(skippedLayers, 'utf8').trim()}`);
if (failures.length) console.error(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || vitestStatus !== 0 ? 1 : 0);
