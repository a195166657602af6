// Bundles each peer's worker into one self-contained ES module under bench/.build/peers/ (module workers cannot use
// import maps, and one bundle per engine keeps each cold start to the code that engine needs).
import { build } from 'vite';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const PEERS = ['minisearch', 'flexsearch', 'orama'];

export async function buildPeerWorkers(outDir = resolve(here, '../.build/peers')) {
  for (const name of PEERS) {
    await build({
      root: here,
      configFile: false,
      logLevel: 'warn',
      publicDir: false,
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        sourcemap: false,
        lib: { entry: resolve(here, `${name}.worker.mjs`), formats: ['es'], fileName: () => `${name}.js` },
        rollupOptions: { output: { codeSplitting: false } },
      },
    });
  }
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(`peer workers → ${await buildPeerWorkers()}`);
