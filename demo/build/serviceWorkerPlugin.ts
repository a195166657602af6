/**
 * Builds the demo's service worker (`demo/sw/serviceWorker.ts` → `sw.js` at the site root, a fixed name so its
 * scope is the whole site) and writes into it the list of files to precache: every file of the bundle and of
 * `public/`, with a version hash of their contents, so a new build installs a new worker and a new cache.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

export const MANIFEST_PLACEHOLDER = '__PRECACHE_MANIFEST__';
const SW_FILE = 'sw.js';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

export function serviceWorkerPlugin(options: { entry: string; publicDir: string }): Plugin {
  return {
    name: 'pocketsearch-demo-service-worker',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: options.entry, fileName: SW_FILE });
    },
    generateBundle(_output, bundle) {
      const hash = createHash('sha256');
      const files: string[] = [];
      for (const [fileName, item] of Object.entries(bundle)) {
        if (fileName === SW_FILE || fileName.endsWith('.map')) continue;
        files.push(fileName);
        hash.update(fileName);
        hash.update(item.type === 'chunk' ? item.code : typeof item.source === 'string' ? item.source : Buffer.from(item.source));
      }
      for (const path of listFiles(options.publicDir)) {
        const fileName = relative(options.publicDir, path).split(sep).join('/');
        // A file both in public/ and emitted by a plugin is written once; `cache.addAll` refuses duplicates.
        if (files.includes(fileName)) continue;
        files.push(fileName);
        hash.update(fileName);
        hash.update(readFileSync(path));
      }
      files.sort();
      const sw = bundle[SW_FILE];
      if (!sw || sw.type !== 'chunk' || !sw.code.includes(MANIFEST_PLACEHOLDER)) {
        this.error(`${SW_FILE} was not built, or it lacks the ${MANIFEST_PLACEHOLDER} placeholder`);
      }
      const manifest = { version: hash.digest('hex').slice(0, 16), files: ['./', ...files] };
      sw.code = sw.code.replace(MANIFEST_PLACEHOLDER, JSON.stringify(manifest));
    },
  };
}
