/**
 * Lets the event loop run (messages, searches) during long work. A MessageChannel round trip is a macrotask
 * without setTimeout's 4 ms clamping; Node and browsers both have it.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
