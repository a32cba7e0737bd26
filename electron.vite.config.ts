import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { WORKER_ENTRIES } from './main/core/workers/worker-entries';
import { cspMetaTag } from './main/shell/content-security-policy';

// One entry per process; the CLI and the worker threads are extra main-side entries
// so that they are built with the same externals and run under plain Node too.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // franc-min ships only as an ES module; bundling it keeps the CommonJS output loadable
      // by any Node or Electron version without require(esm). zod is bundled too: as one
      // tree-shaken chunk it loads in about half the time of its 95 files (every command-line
      // start pays for it; docs/benchmarks.md, "Cold command line").
      externalizeDeps: { exclude: ['franc-min', 'zod'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          cli: resolve(__dirname, 'main/cli/index.ts'),
          // The worker threads (index, parse, engine host), from their one list.
          ...Object.fromEntries(
            Object.entries(WORKER_ENTRIES).map(([name, source]) => [
              name,
              resolve(__dirname, source),
            ]),
          ),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only electron: bundle its dependencies (zod, which the
      // contract's method table is built with) instead of leaving require() calls to them.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: 'out/renderer',
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
    // The CSP comes from its one definition; the build writes it into index.html for pages
    // served without the app:// handler's header (the HTTP test bridge).
    plugins: [
      react(),
      { name: 'csp-meta', apply: 'build', transformIndexHtml: () => [cspMetaTag()] },
    ],
  },
});
