/**
 * Rejecting like `fetch` when a request's signal aborts: the official client relies on it for its `timeout` and
 * `waitForTask` deadlines, whether it reaches pocketsearch through `interceptFetch` or the `httpClient` adapter.
 */

/** The signal's reason, or the `AbortError` DOMException that `fetch` rejects with where a runtime gives none. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * `p`, or a rejection with the abort reason as soon as `signal` aborts (at once if it already has).
 *
 * @example
 * ```ts
 * const response = await abortable(handler(url, init), init?.signal);
 * ```
 */
export function abortable<T>(p: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
