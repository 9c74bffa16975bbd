import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (plain Node, no Electron, no browser; test/renderer/** files opt into
 * happy-dom with a `// @vitest-environment happy-dom` comment) and `e2e` (built app in Chromium,
 * and Electron where a binary exists). `npm test` builds first, then runs both.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/renderer/**/*.test.tsx', 'src/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup/fastCheck.ts'],
          // The command line inlines the briefing stylesheet (`?raw`): tests must see its real text.
          css: { include: [/styles\/briefing\.css/] },
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
