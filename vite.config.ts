/**
 * Vite configuration of the demo (`npm run demo` serves it, `npm run build` writes it to `demo-dist/`) and the
 * vitest configuration of the unit tests (`test/unit/**` in Node).
 */
import { defineConfig } from 'vitest/config';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleDataPlugin } from './demo/build/sampleDataPlugin.ts';
import { serviceWorkerPlugin } from './demo/build/serviceWorkerPlugin.ts';

const here = dirname(fileURLToPath(import.meta.url));
const publicDir = resolve(here, 'public');

export default defineConfig({
  root: resolve(here, 'demo'),
  // Relative URLs everywhere: the built site works from any directory of any static server.
  base: './',
  publicDir,
  resolve: {
    // The demo imports the library as an app would (`import { createClient } from 'pocketsearch'`).
    alias: [
      { find: /^pocketsearch$/, replacement: resolve(here, 'src/index.ts') },
      { find: /^pocketsearch\/http$/, replacement: resolve(here, 'src/http/index.ts') },
      { find: /^pocketsearch\/sw$/, replacement: resolve(here, 'src/sw/index.ts') },
    ],
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4174 },
  build: {
    outDir: resolve(here, 'demo-dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  plugins: [
    sampleDataPlugin({ source: resolve(here, 'node_modules/vega-datasets/data/movies.json'), fileName: 'data/movies.json' }),
    serviceWorkerPlugin({ entry: resolve(here, 'demo/sw/serviceWorker.ts'), publicDir }),
  ],
  test: {
    root: here,
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
