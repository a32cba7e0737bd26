import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One entry per process; the CLI and the index worker are extra main-side entries
// so that they are built with the same externals and run under plain Node too.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // franc-min ships only as an ES module; bundling it keeps the CommonJS output loadable
      // by any Node or Electron version without require(esm).
      externalizeDeps: { exclude: ['franc-min'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          cli: resolve(__dirname, 'main/cli/index.ts'),
          'index-worker': resolve(__dirname, 'main/core/search/workers/worker.ts'),
          // Import decoding and parsing; found beside index-worker.js.
          'parse-worker': resolve(__dirname, 'main/core/import/parse-worker.ts'),
          // The engine runs in this worker so the main process never blocks on imports.
          'engine-host': resolve(__dirname, 'main/core/host/engine-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
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
    plugins: [react()],
  },
});
