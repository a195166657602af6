/**
 * Waiting for the engine worker to start. A worker that cannot run — its script blocked by a
 * Content-Security-Policy, not found, not JavaScript, failing at load — never answers a Comlink call, so
 * `createClient` would wait forever: instead it listens to the worker's `error`/`messageerror` events and to the
 * page's `securitypolicyviolation` events, and gives up after a deadline, with a coded `worker_unavailable` error
 * that says what to do.
 */
import type { Remote } from 'comlink';
import { EngineError } from '../errors/engineError.ts';
import { ENGINE_VERSION } from '../version.ts';
import type { WorkerApi } from '../worker/workerApi.ts';

/** Default time for the worker's script to load and answer (it is fetched and compiled first). */
export const DEFAULT_WORKER_START_TIMEOUT_MS = 30_000;

const HOW_TO_FIX =
  "If the page has a Content-Security-Policy, its `worker-src` directive (or `script-src`, or `default-src`) must allow the worker's URL — `worker-src 'self'` does when the worker is served from the page's origin, as bundlers do; pocketsearch needs no `blob:`. " +
  "To host the worker yourself, serve the `pocketsearch/worker` entry and pass `createClient({ worker: new Worker(new URL('pocketsearch/worker', import.meta.url), { type: 'module' }) })` or `createClient({ workerUrl })`.";

/**
 * The coded error of a worker that did not start, with what to do about it.
 *
 * @example
 * ```ts
 * throw workerUnavailable('its script could not be loaded');
 * ```
 */
export function workerUnavailable(reason: string): EngineError {
  return new EngineError('worker_unavailable', `pocketsearch's worker did not start: ${reason}. ${HOW_TO_FIX}`);
}

export interface WorkerStartOptions {
  /** Milliseconds to wait for the worker's first answer. */
  timeoutMs: number;
  /** The script's URL when known (`workerUrl`): only violations blocking it count then. */
  url?: string | URL;
}

/** The page's global, where CSP violations are reported (absent in Node). */
type ViolationTarget = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

function violationTarget(): ViolationTarget | undefined {
  const g = globalThis as { addEventListener?: unknown };
  return typeof g.addEventListener === 'function' ? (globalThis as unknown as ViolationTarget) : undefined;
}

/** Whether a CSP violation is the one that blocked this worker. */
function blocksWorker(e: SecurityPolicyViolationEvent, url: string | URL | undefined): boolean {
  if (e.effectiveDirective !== 'worker-src' && e.effectiveDirective !== 'child-src') return false;
  if (url === undefined || !e.blockedURI) return true;
  try {
    const worker = new URL(url, globalThis.location?.href);
    return worker.href === new URL(e.blockedURI).href || e.blockedURI === worker.origin;
  } catch {
    return true;
  }
}

/**
 * Resolves once the worker's script runs and answers (it reports its version, which must be the page's); rejects
 * with `worker_unavailable` when it fails to load, is blocked, runs another version of pocketsearch, or does not
 * answer within `timeoutMs`. Listeners and the deadline are removed either way.
 *
 * @example
 * ```ts
 * const worker = spawnEngineWorker();
 * const remote = Comlink.wrap<WorkerApi>(worker);
 * await waitForWorkerStart(worker, remote, { timeoutMs: DEFAULT_WORKER_START_TIMEOUT_MS });
 * ```
 */
export async function waitForWorkerStart(worker: Worker, remote: Remote<WorkerApi>, options: WorkerStartOptions): Promise<void> {
  const cleanups: (() => void)[] = [];
  try {
    const failed = new Promise<never>((_, reject) => {
      const onError = (e: Event) => {
        // The browser logs the error event too; ours says what to do. (An ErrorEvent's message is often empty
        // for scripts that failed to load.)
        const detail = (e as ErrorEvent).message;
        reject(workerUnavailable(detail ? `its script failed (${detail})` : 'its script could not be loaded (blocked, not found, or not JavaScript)'));
      };
      const onMessageError = () => reject(workerUnavailable('its first message could not be read'));
      worker.addEventListener('error', onError);
      worker.addEventListener('messageerror', onMessageError);
      cleanups.push(() => worker.removeEventListener('error', onError), () => worker.removeEventListener('messageerror', onMessageError));

      const page = violationTarget();
      if (page) {
        const onViolation = (e: Event) => {
          const v = e as SecurityPolicyViolationEvent;
          if (blocksWorker(v, options.url)) reject(workerUnavailable(`the page's Content-Security-Policy blocked it (\`${v.effectiveDirective}\`, ${v.blockedURI || 'its URL'})`));
        };
        page.addEventListener('securitypolicyviolation', onViolation);
        cleanups.push(() => page.removeEventListener('securitypolicyviolation', onViolation));
      }

      const timer = setTimeout(() => reject(workerUnavailable(`it did not answer within ${options.timeoutMs} ms`)), options.timeoutMs);
      cleanups.push(() => clearTimeout(timer));
    });
    const version = await Promise.race([remote.ready(), failed]);
    if (version !== ENGINE_VERSION) throw workerUnavailable(`it runs pocketsearch ${String(version)} and this page ${ENGINE_VERSION} (serve the worker of the same version)`);
  } finally {
    for (const c of cleanups) c();
  }
}
