/**
 * Timers for background work (scheduled snapshots, retries of a stalled batch). In Node they are `unref`'d: an
 * engine doing nothing else must not keep a script's process alive (browsers and workers have no such notion, and
 * their timers are numbers without `unref`).
 */

/**
 * `setTimeout` that does not hold a Node process open by itself. Clear it with `clearTimeout` as usual.
 *
 * @example
 * ```ts
 * const timer = setBackgroundTimeout(() => void takeSnapshot(), 3_600_000);
 * clearTimeout(timer); // on dispose
 * ```
 */
export function setBackgroundTimeout(callback: () => void, ms: number): ReturnType<typeof setTimeout> {
  const timer = setTimeout(callback, ms);
  (timer as { unref?(): void }).unref?.();
  return timer;
}
