/** Types of tinyApp.mjs (a plain Node script, so that `node test/package/tinyApp.mjs` runs it), for TypeScript tests. */
export declare const repoRoot: string;

/** `npm pack`s the repository into `destDir`; returns the tarball's path. */
export declare function packPackage(destDir: string): string;

/** Writes the tiny app into `appDir`, with pocketsearch unpacked from `tarball`. */
export declare function makeTinyApp(appDir: string, tarball: string, options?: { hostedWorker?: boolean }): void;

/** One emitted JavaScript file of the app's build. */
export interface BuiltFile {
  file: string;
  bytes: number;
  gzip: number;
  code: string;
}

/** `vite build` of the app (Vite's defaults merged with `extra`). */
export declare function buildTinyApp(appDir: string, extra?: object): Promise<{ outDir: string; main: BuiltFile; files: BuiltFile[] }>;
