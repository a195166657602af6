/**
 * The browser side of the crash test (reliability-crash.spec.ts): functions evaluated in `pages/reliability.html`
 * to start the engine, run a round of registrations and kill it at the planned moment, read back what the engine
 * shows, and check dump and snapshot files with the engine's own readers (an in-page engine over memory).
 */
import type { Page } from '@playwright/test';
import type { PocketClient } from '../../src/index.ts';
import type { Engine, EngineOptions } from '../../src/engine.ts';
import type { SeenTask } from './crashModel.ts';

declare global {
  interface Window {
    pocketsearch: typeof import('../../src/index.ts');
    createMemoryEngine(options: EngineOptions): Promise<Engine>;
    ready: boolean;
    client: PocketClient;
  }
}

export const DB = 'crash';

/** An op as the page registers it (documents included). */
export type PageOp =
  | { kind: 'add'; tag: string; docs: Record<string, unknown>[] }
  | { kind: 'update'; tag: string; docs: Record<string, unknown>[] }
  | { kind: 'deleteTag'; tag: string; target: string }
  | { kind: 'deleteIds'; tag: string; ids: number[] }
  | { kind: 'settings'; sortable: string[] }
  | { kind: 'dump' }
  | { kind: 'snapshot' };

export interface KillPlan {
  ops: PageOp[];
  mode: 'terminate' | 'closePage';
  early: number | null;
  /** ms to wait once the target task is processing */
  delay: number;
  target: number;
}

export interface KillReport {
  returned: { op: number; uid: number }[];
  /** status of the target task read just before the kill (null: not registered, or an early kill) */
  statusAtKill: string | null;
  refused: string[];
}

/** Opens the page; retried, as a module that failed to load (dist/ being rebuilt) would leave it never ready. */
export async function openReliabilityPage(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.goto('/test/e2e/pages/reliability.html');
    try {
      await page.waitForFunction(() => window.ready === true, undefined, { timeout: 15_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** Starts the engine in a new worker (the database opens, or this throws). */
export async function startEngine(page: Page, timeoutMs = 30_000): Promise<number> {
  return page.evaluate(
    async ({ name, timeoutMs }) => {
      const t0 = performance.now();
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`createClient did not resolve in ${timeoutMs} ms`)), timeoutMs));
      window.client = await Promise.race([window.pocketsearch.createClient({ name }), timeout]);
      return performance.now() - t0;
    },
    { name: DB, timeoutMs },
  );
}

/** Registers the round's tasks and kills the engine at the planned moment (terminate here; closePage: the caller). */
export function runAndKill(page: Page, plan: KillPlan): Promise<KillReport> {
  return page.evaluate(async (plan) => {
    const c = window.client;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const report: { returned: { op: number; uid: number }[]; statusAtKill: string | null; refused: string[] } = { returned: [], statusAtKill: null, refused: [] };
    let killed = false;
    let onKill: () => void = () => undefined;
    const killedAt = new Promise<void>((r) => (onKill = r));
    const kill = () => {
      if (killed) return;
      killed = true;
      if (plan.mode === 'terminate') c.terminate();
      onKill();
    };
    const register = async () => {
      for (const [i, op] of plan.ops.entries()) {
        if (killed) return;
        const docs = c.index('docs');
        try {
          const t =
            op.kind === 'add'
              ? await docs.addDocuments(op.docs, { customMetadata: op.tag })
              : op.kind === 'update'
                ? await docs.updateDocuments(op.docs, { customMetadata: op.tag })
                : op.kind === 'deleteTag'
                  ? await docs.deleteDocuments({ filter: `tag = "${op.target}"` }, { customMetadata: op.tag })
                  : op.kind === 'deleteIds'
                    ? await docs.deleteDocuments(op.ids, { customMetadata: op.tag })
                    : op.kind === 'settings'
                      ? await docs.updateSettings({ filterableAttributes: ['tag', 'n'], sortableAttributes: op.sortable })
                      : op.kind === 'dump'
                        ? await c.createDump()
                        : await c.createSnapshot();
          if (!killed) report.returned.push({ op: i, uid: t.taskUid });
        } catch (e) {
          // A dump asked for while the re-run of an interrupted one is being written.
          report.refused.push((e as { code?: string }).code ?? String(e));
        }
      }
    };
    if (plan.early !== null) {
      setTimeout(kill, plan.early);
      void register();
      await killedAt;
      return report;
    }
    await register();
    const target = report.returned.find((r) => r.op === plan.target) ?? report.returned.at(-1);
    if (target) {
      const deadline = performance.now() + 10_000;
      for (;;) {
        const s = (await c.getTask(target.uid)).status;
        if (s !== 'enqueued' || performance.now() > deadline) break;
        await sleep(1);
      }
      await sleep(plan.delay);
      report.statusAtKill = (await c.getTask(target.uid)).status;
    }
    kill();
    return report;
  }, plan);
}

export interface EngineView {
  tasks: (SeenTask & { dumpUid?: string; error?: string | null })[];
  count: number;
  files: { dir: string; name: string; size: number }[];
  snapshotDigest: string | null;
}

/** What the engine shows after a restart: tasks and document count read consistently, OPFS files, snapshot digest. */
export function readEngine(page: Page): Promise<EngineView> {
  return page.evaluate(async () => {
    const c = window.client;
    const tasks = async () =>
      (await c.getTasks({ limit: 1_000_000 })).results.map((t) => ({
        uid: t.uid,
        status: t.status,
        type: t.type,
        customMetadata: (t as { customMetadata?: string }).customMetadata ?? null,
        duration: t.duration,
        dumpUid: (t.details as { dumpUid?: string } | null)?.dumpUid,
        error: t.error?.code ?? null,
      }));
    const done = (ts: { uid: number; status: string }[]) => ts.filter((t) => t.status === 'succeeded').map((t) => t.uid).join();
    const count = async () => {
      try {
        return (await c.index('docs').getStats()).numberOfDocuments;
      } catch {
        return 0; // the index is created by its first batch
      }
    };
    // The scheduler goes on after the restart: retry until no task finished between the two reads.
    let view;
    for (let attempt = 0; ; attempt++) {
      const before = await tasks();
      const n = await count();
      const after = await tasks();
      if (done(before) === done(after) || attempt > 200) {
        view = { tasks: after, count: n };
        break;
      }
    }
    const root = await navigator.storage.getDirectory();
    const files: { dir: string; name: string; size: number }[] = [];
    for (const dir of ['dumps', 'snapshots']) {
      let handle: FileSystemDirectoryHandle;
      try {
        handle = await root.getDirectoryHandle(dir);
      } catch {
        continue;
      }
      for await (const [name, h] of (handle as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        let size = -1;
        try {
          size = (await (h as FileSystemFileHandle).getFile()).size;
        } catch {
          /* renamed or removed while listed */
        }
        files.push({ dir, name, size });
      }
    }
    let snapshotDigest: string | null = null;
    try {
      const bytes = await (await c.getSnapshotFile()).arrayBuffer();
      snapshotDigest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
    } catch {
      /* no snapshot yet */
    }
    return { ...view, files, snapshotDigest };
  });
}

export interface RestoredView {
  error: string | null;
  tasks: SeenTask[];
  ids: [number, number][];
}

/**
 * Loads the current snapshot (or a dump) into an engine over memory in the page — every frame checksum, the chained
 * checksum and the record counts are verified by the snapshot reader; a dump is decompressed, parsed and re-indexed —
 * lets its enqueued tasks run, and returns its tasks and documents (`[id, v]`).
 */
export function restoreIntoMemory(page: Page, what: { snapshot: true } | { dump: string }): Promise<RestoredView> {
  return page.evaluate(async (what) => {
    const c = window.client;
    let engine: Engine | null = null;
    try {
      // A File of OPFS stops being readable when its file is replaced ("network error"): the restarted worker may
      // finish the interrupted snapshot task while this reads. Its bytes are taken at once, and a file replaced
      // meanwhile is fetched again (the newer snapshot is then the one checked, against its own tasks).
      let file: File | undefined;
      for (let attempt = 1; !file; attempt++) {
        const current = 'dump' in what ? await c.getDumpFile(what.dump) : await c.getSnapshotFile();
        try {
          file = new File([await current.arrayBuffer()], current.name);
        } catch (e) {
          if (attempt >= 5) throw e;
        }
      }
      const name = `verify-${Math.random()}`;
      engine = await window.createMemoryEngine('dump' in what ? { storage: 'memory', name, importDump: file } : { storage: 'memory', name, importSnapshot: file });
      await engine.waitForIdle();
      const tasks = (await engine.getTasks({ limit: 1_000_000 })).results.map((t) => ({ uid: t.uid, status: t.status, type: t.type, customMetadata: (t as { customMetadata?: string }).customMetadata ?? null }));
      let ids: [number, number][] = [];
      try {
        const docs = await engine.index('docs').getDocuments({ fields: ['id', 'v'], limit: 1_000_000 });
        ids = docs.results.map((d) => [d.id as number, d.v as number]);
      } catch {
        /* no index yet */
      }
      return { error: null, tasks, ids };
    } catch (e) {
      return { error: `${(e as { code?: string }).code ?? ''} ${String(e)}`, tasks: [], ids: [] };
    } finally {
      await engine?.close();
    }
  }, what);
}

/** Waits for every unfinished task, then returns every task and every document (`[id, v]`). */
export function drain(page: Page): Promise<{ tasks: SeenTask[]; ids: [number, number][]; count: number; titled: number[]; titledMiddle: number | null; hit: unknown; misses: [number, number | null][] }> {
  return page.evaluate(async () => {
    const c = window.client;
    for (;;) {
      const open = (await c.getTasks({ statuses: ['enqueued', 'processing'], limit: 1_000_000 })).results;
      if (open.length === 0) break;
      await c.waitForTasks(open.map((t) => t.uid), { timeout: 120_000 });
    }
    const tasks = (await c.getTasks({ limit: 1_000_000 })).results.map((t) => ({ uid: t.uid, status: t.status, type: t.type, customMetadata: (t as { customMetadata?: string }).customMetadata ?? null }));
    let ids: [number, number][] = [];
    let count = 0;
    let hit: unknown = null;
    let titledMiddle: number | null = null;
    let titled: number[] = [];
    const misses: [number, number | null][] = [];
    try {
      const docs = await c.index('docs').getDocuments({ fields: ['id', 'v', 'title'], limit: 1_000_000 });
      ids = docs.results.map((d) => [d.id as number, d.v as number]);
      count = (await c.index('docs').getStats()).numberOfDocuments;
      ids.sort((a, b) => a[0] - b[0]);
      // Only added documents have a title: a partial update of a missing id creates `{ id, v }` alone.
      titled = docs.results.filter((d) => typeof d.title === 'string').map((d) => d.id as number).sort((a, b) => a - b);
      if (titled.length > 0) titledMiddle = titled[titled.length >> 1];
      if (titled.length > 0) hit = (await c.index('docs').search(`doc ${titled[titled.length >> 1]}`, { limit: 1, attributesToRetrieve: ['id'] })).hits[0] ?? null;
      // Every 97th titled document is found by its own title (the index agrees with the documents, not only the count).
      for (let i = 0; i < titled.length; i += 97) {
        const id = titled[i];
        const top = (await c.index('docs').search(`doc ${id}`, { limit: 1, attributesToRetrieve: ['id'] })).hits[0]?.id;
        if (top !== id) misses.push([id, (top as number | undefined) ?? null]);
      }
    } catch {
      /* no index yet */
    }
    return { tasks, ids, count, titled, titledMiddle, hit, misses };
  });
}
