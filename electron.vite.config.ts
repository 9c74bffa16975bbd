import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from './src/main/security/csp';

export { CONTENT_SECURITY_POLICY };

function cspMeta(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
}

/**
 * The Content-Security-Policy in index.html, in both modes. The build writes the production policy
 * (src/main/security/csp.ts). The dev server (`npm run dev`) needs inline preambles for hot reload:
 * it gets the same shape with a nonce fresh at each start, which Vite puts on every script and style
 * it injects (`html.cspNonce`), and its own origin and socket for hot reload; nothing else runs.
 */
function contentSecurityPolicy(): Plugin {
  const nonce = randomBytes(18).toString('base64');
  return {
    name: 'guidedesk-csp',
    config: (_config, { command }) => (command === 'serve' ? { html: { cspNonce: nonce } } : {}),
    transformIndexHtml: (html, context) => {
      const devServer = context.server?.resolvedUrls?.local[0];
      const policy = context.server
        ? devContentSecurityPolicy(nonce, devServer ?? 'http://localhost')
        : CONTENT_SECURITY_POLICY;
      return html.replace('<head>', `<head>\n    ${cspMeta(policy)}`);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react(), contentSecurityPolicy()],
  },
});
