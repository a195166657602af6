/**
 * Vite plugin giving the demo its sample data at `data/movies.json` without writing into `public/`:
 * - dev server: a middleware answers the URL itself, from the first request of the very first start (a file written
 *   into `public/` by a start-up hook came too late for a fresh clone: the server had already listed `public/`
 *   and answered the URL with `index.html`);
 * - build: the JSON is emitted as an asset of the bundle, so it is in `demo-dist/` and in the service worker's
 *   precache list (`serviceWorkerPlugin.ts` lists every file of the bundle).
 * The JSON is made once per process, on first use, from the `vega-datasets` package (`sampleData.ts`).
 */
import type { Plugin } from 'vite';
import { sampleMoviesJson } from './sampleData.ts';

export interface SampleDataOptions {
  /** The raw `movies.json` of the `vega-datasets` package. */
  source: string;
  /** Where the site serves the cleaned movies, relative to its root (the demo fetches `data/movies.json`). */
  fileName: string;
}

export function sampleDataPlugin(options: SampleDataOptions): Plugin {
  let json: string | null = null;
  const data = (): string => (json ??= sampleMoviesJson(options.source));
  let building = false;
  return {
    name: 'pocketsearch-demo-sample-data',
    configResolved(config) {
      building = config.command === 'build';
    },
    configureServer(server) {
      // Registered directly (not returned), so it runs before Vite's own middlewares and their index.html fallback.
      server.middlewares.use((req, res, next) => {
        const base = server.config.base.startsWith('/') ? server.config.base : '/';
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (path !== `${base}${options.fileName}` || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
        let body: Buffer;
        try {
          body = Buffer.from(data());
        } catch (e) {
          return next(e);
        }
        res.statusCode = 200;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Content-Length', body.byteLength);
        res.setHeader('Cache-Control', 'no-cache');
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    },
    buildStart() {
      // Dev servers (Vitest's too) run this hook as well: they serve the file from the middleware instead.
      if (!building) return;
      this.emitFile({ type: 'asset', fileName: options.fileName, source: data() });
    },
  };
}
