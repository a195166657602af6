/**
 * The `dumpCreation` task through the real engine: uid and statuses, one dump at a time, writes held while a dump is
 * written, the files in the backup storage, cancelation, and progress.
 */
import { describe, expect, it } from 'vitest';
import type { BackupProgress } from '../../../src/engine/backup/backupProgress.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import { entriesOf, lines } from '../dump/dumpTestKit.ts';
import { engineOn, gate, HeldStorage, MOVIES } from './backupTestKit.ts';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return (e as EngineError).code;
  }
  return 'resolved';
}

describe('dumpCreation tasks', () => {
  it('statuses, one dump at a time, writes held meanwhile, and the dump holds what came before it', async () => {
    const backupStorage = new HeldStorage();
    const progress: BackupProgress[] = [];
    const e = await engineOn('memory', { backupStorage, now: () => new Date(), onProgress: (p) => progress.push(p) });
    await e.index('movies').addDocuments(MOVIES).waitTask();
    const hold = gate();
    backupStorage.hold = hold.promise;
    const started = backupStorage.nextWrite();
    const first = await e.createDump();
    expect(first).toMatchObject({ type: 'dumpCreation', status: 'enqueued', indexUid: null });
    await started;
    const processing = await e.getTask(first.taskUid);
    expect(processing.status).toBe('processing');
    // A second dump while one is processing fails at once; other writes enqueue and wait.
    const err = await e.createDump().catch((x: unknown) => x);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('dump_already_processing');
    expect((err as EngineError).httpStatus).toBe(409);
    const write = await e.index('movies').deleteDocument(1);
    await new Promise((r) => setTimeout(r, 20));
    expect((await e.getTask(write.taskUid)).status).toBe('enqueued');
    const uid = (await e.getBatch(processing.batchUid!)).startedAt;
    const dumpUid = [...(await statusUids(e))][0];
    expect(await e.getDumpStatus(dumpUid)).toEqual({ uid: dumpUid, status: 'in_progress', startedAt: uid, finishedAt: null });
    expect(await e.listDumps()).toEqual([]); // not visible before it is complete
    hold.open();
    const done = await e.waitForTask(first.taskUid);
    expect(done).toMatchObject({ status: 'succeeded', details: { dumpUid } });
    expect((await e.waitForTask(write.taskUid)).status).toBe('succeeded');
    const status = await e.getDumpStatus(dumpUid);
    expect(status).toMatchObject({ uid: dumpUid, status: 'done', startedAt: done.startedAt });
    expect(status.finishedAt! >= status.startedAt).toBe(true);
    const [listed] = await e.listDumps();
    expect(listed).toEqual({ uid: dumpUid, size: (await e.getDumpFile(dumpUid)).size, createdAt: done.startedAt });
    // The dump has the documents before the deletion and its own task as succeeded; the deletion, registered
    // after the dump started, is not in it (Meilisearch reads one transaction).
    const entries = await entriesOf(new Uint8Array(await (await e.getDumpFile(dumpUid)).arrayBuffer()));
    expect(lines(entries.get('indexes/movies/documents.jsonl'))).toHaveLength(MOVIES.length);
    expect(lines(entries.get('tasks/queue.jsonl'))).toMatchObject([
      { uid: 0, status: 'succeeded' },
      { uid: first.taskUid, status: 'succeeded', type: { dumpCreation: {} }, details: { Dump: { dump_uid: dumpUid } } },
    ]);
    expect(progress.filter((p) => p.operation === 'dumpExport').at(-1)).toMatchObject({ phase: 'done', dumpUid, bytes: listed.size });
    // A second dump afterwards is fine; deleting one removes its file.
    const second = await e.createDump().waitTask();
    expect(second.status).toBe('succeeded');
    await e.deleteDump(dumpUid);
    expect((await e.listDumps()).map((d) => d.uid)).toEqual([second.details?.dumpUid]);
    expect(await codeOf(e.getDumpFile(dumpUid))).toBe('dump_not_found');
    expect(await codeOf(e.deleteDump(dumpUid))).toBe('dump_not_found');
    expect(await codeOf(e.getDumpStatus('20000101-000000000'))).toBe('dump_not_found');
    expect(await codeOf(e.getDumpFile('../escape'))).toBe('dump_not_found');
  });

  it('a canceled dump task leaves no file and reports a failed dump', async () => {
    const backupStorage = new HeldStorage();
    const e = await engineOn('memory', { backupStorage });
    await e.index('movies').addDocuments(MOVIES).waitTask();
    const hold = gate();
    backupStorage.hold = hold.promise;
    const started = backupStorage.nextWrite();
    const dump = await e.createDump();
    await started;
    const cancel = await e.cancelTasks({ uids: [dump.taskUid] });
    hold.open();
    expect(await e.waitForTask(dump.taskUid)).toMatchObject({ status: 'canceled', canceledBy: cancel.taskUid });
    expect(await e.listDumps()).toEqual([]);
    const [uid] = await statusUids(e);
    expect((await e.getDumpStatus(uid)).status).toBe('failed');
  });

  it('a dump that cannot be written fails its task with the error; the status says failed', async () => {
    const e = await engineOn('memory', {
      backups: {
        createDump: async () => {
          throw new EngineError('no_space_left_on_device', 'The disk is full.');
        },
      },
    });
    const t = await e.createDump().waitTask();
    expect(t).toMatchObject({ status: 'failed', details: { dumpUid: null }, error: { code: 'no_space_left_on_device' } });
    const [uid] = await statusUids(e);
    expect(await e.getDumpStatus(uid)).toMatchObject({ status: 'failed' });
  });
});

/** Dump uids known to the engine's status table (they are only readable by uid: found through the engine internals). */
async function statusUids(e: Awaited<ReturnType<typeof engineOn>>): Promise<string[]> {
  const table = (e.backups as unknown as { statuses: Map<string, unknown> }).statuses;
  return [...table.keys()];
}
