/**
 * Coordination of several engines over one database (tabs, workers, a service worker): exactly one runs the
 * scheduler, chosen by an exclusive Web Lock (`navigator.locks`), and they tell each other about new tasks and
 * commits over a BroadcastChannel so the scheduler wakes up and the others drop their caches.
 * Where Web Locks are missing (Node), engines of one process share an in-process lock of the same name.
 * An in-memory database exists in one thread only: its engines coordinate in-process, by a key unique to the store
 * object (see `engineSetup.ts`), never through Web Locks or a BroadcastChannel shared with other tabs or workers.
 */

export type CoordinationEvent =
  | { type: 'registered' }
  | { type: 'committed'; indexes: readonly string[] | 'all' };

export interface Coordinator {
  /** Waits for the scheduler lock; resolves with its release function. Rejects when `signal` aborts first. */
  acquire(signal: AbortSignal): Promise<() => void>;
  /** Takes the scheduler lock only if no engine holds it (nor waits for it): its release function, or null. */
  tryAcquire(): Promise<(() => void) | null>;
  publish(event: CoordinationEvent): void;
  subscribe(listener: (event: CoordinationEvent) => void): () => void;
  close(): void;
}

interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal; ifAvailable?: boolean }, callback: (lock: unknown) => Promise<void>): Promise<void>;
}

/** In-process fallback of Web Locks: FIFO exclusive locks by name. */
const localLocks = new Map<string, (() => void)[]>();

function localRequest(name: string, signal: AbortSignal): Promise<() => void> {
  return new Promise((resolve, reject) => {
    let queue = localLocks.get(name);
    if (!queue) localLocks.set(name, (queue = []));
    const grant = () => {
      let released = false;
      resolve(() => {
        if (released) return;
        released = true;
        const q = localLocks.get(name)!;
        q.shift();
        q[0]?.();
        if (q.length === 0) localLocks.delete(name);
      });
    };
    queue.push(grant);
    if (queue.length === 1) grant();
    signal.addEventListener('abort', () => {
      const q = localLocks.get(name);
      const i = q ? q.indexOf(grant) : -1;
      if (i > 0) q!.splice(i, 1);
      reject(signal.reason ?? new Error('aborted'));
    });
  });
}

/** The in-process lock `name` if nobody holds or awaits it (granted synchronously). */
function localTryRequest(name: string): (() => void) | null {
  if ((localLocks.get(name)?.length ?? 0) > 0) return null;
  const q: (() => void)[] = [() => undefined]; // the head of a queue is its holder
  localLocks.set(name, q);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    q.shift();
    q[0]?.();
    if (q.length === 0) localLocks.delete(name);
  };
}

function sharedLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks;
}

/** In-process stand-in for a BroadcastChannel: the members of each channel, by name. */
const localChannels = new Map<string, Set<(event: CoordinationEvent) => void>>();

interface Channel {
  post(event: CoordinationEvent): void;
  close(): void;
}

/** Delivers to the other members asynchronously, like a BroadcastChannel (never to the sender). */
function localChannel(name: string, deliver: (event: CoordinationEvent) => void): Channel {
  let members = localChannels.get(name);
  if (!members) localChannels.set(name, (members = new Set()));
  members.add(deliver);
  return {
    post(event) {
      for (const member of localChannels.get(name) ?? []) if (member !== deliver) queueMicrotask(() => member(event));
    },
    close() {
      const set = localChannels.get(name);
      set?.delete(deliver);
      if (set?.size === 0) localChannels.delete(name);
    },
  };
}

function broadcastChannel(name: string, deliver: (event: CoordinationEvent) => void): Channel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  channel.onmessage = (msg: MessageEvent<CoordinationEvent>) => deliver(msg.data);
  // Node keeps a process alive while a channel listens; an idle engine must not (browsers have no unref).
  (channel as { unref?(): void }).unref?.();
  return { post: (event) => channel.postMessage(event), close: () => channel.close() };
}

export interface CoordinatorOptions {
  /**
   * Coordinate with engines of this thread only (in-memory databases): in-process lock and events, even where
   * Web Locks and BroadcastChannel exist. `name` must then identify the database within the process.
   */
  inProcess?: boolean;
}

export function createCoordinator(name: string, options: CoordinatorOptions = {}): Coordinator {
  const lockName = `pocketsearch:${name}:scheduler`;
  const listeners = new Set<(e: CoordinationEvent) => void>();
  const deliver = (event: CoordinationEvent) => listeners.forEach((l) => l(event));
  const channel = options.inProcess ? localChannel(`pocketsearch:${name}`, deliver) : broadcastChannel(`pocketsearch:${name}`, deliver);
  const webLocks = (): LockManagerLike | undefined => (options.inProcess ? undefined : sharedLocks());
  return {
    acquire(signal) {
      const locks = webLocks();
      if (!locks) return localRequest(lockName, signal);
      return new Promise((resolve, reject) => {
        locks
          .request(lockName, { signal }, () => new Promise<void>((release) => resolve(release)))
          .catch(reject);
      });
    },
    tryAcquire() {
      const locks = webLocks();
      if (!locks) return Promise.resolve(localTryRequest(lockName));
      return new Promise((resolve, reject) => {
        locks
          .request(lockName, { ifAvailable: true }, (lock) =>
            lock === null ? (resolve(null), Promise.resolve()) : new Promise<void>((release) => resolve(release)),
          )
          .catch(reject);
      });
    },
    publish(event) {
      channel?.post(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.close();
    },
  };
}
