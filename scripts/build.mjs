#!/usr/bin/env node
// Builds the library into dist/ (ES modules + .d.ts) and the demo into demo-dist/.
// The worker is bundled inline into dist/index.js (see src/client/spawnWorker.ts).
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2]; // 'lib' | 'demo' | undefined (both)

if (only !== 'demo') {
  rmSync(resolve(root, 'dist'), { recursive: true, force: true });
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    // The inline worker is minified (the library's own modules are not): the worker compiles its whole bundle
    // before its first answer, and half the bytes were comments and whitespace.
    worker: { format: 'es', rolldownOptions: { output: { minify: true } } },
    publicDir: false, // the demo's assets are not part of the library
    build: {
      outDir: resolve(root, 'dist'),
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: {
        entry: {
          index: resolve(root, 'src/index.ts'),
          engine: resolve(root, 'src/engine.ts'),
          dump: resolve(root, 'src/dump.ts'),
          http: resolve(root, 'src/http/index.ts'),
        },
        formats: ['es'],
      },
      rollupOptions: {
        // Page/Node entries import their dependencies; the inline worker bundles its own copy.
        external: ['idb', 'comlink', 'fflate', 'modern-tar'],
      },
    },
  });
  // The service-worker entry is one self-contained module: `import` from a module service worker needs no
  // import map or bundler (dependencies inlined).
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: resolve(root, 'dist'),
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: { entry: { sw: resolve(root, 'src/sw/index.ts') }, formats: ['es'] },
      rollupOptions: { output: { codeSplitting: false } },
    },
  });
  execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', resolve(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  // The declarations a user installs must keep typed documents (`index<Book>().search()` hits are `Book`s): the type
  // tests, compiled against dist/types as a user's project resolves the package. A lost generic fails the build.
  execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', resolve(root, 'test/types/tsconfig.published.json')], { stdio: 'inherit' });
  console.log('library → dist/');
}

if (only !== 'lib') {
  await build({ root: resolve(root, 'demo'), configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log('demo → demo-dist/');
}
