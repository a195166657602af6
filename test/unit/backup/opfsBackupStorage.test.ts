/**
 * The OPFS backup storage over an in-memory stand-in of OPFS: a dump is visible only once complete (never partial,
 * whatever fails), listing/reading/deleting, temporary files removed at start-up, snapshots replaced atomically,
 * and an engine using it end to end.
 */
import { describe, expect, it } from 'vitest';
import { OpfsBackupStorage } from '../../../src/backup/opfsBackupStorage.ts';
import { createEngine } from '../../../src/engine.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import { FakeDir, type FakeDirOptions } from '../snapshot/fakeOpfs.ts';
import { MOVIES, uniqueName } from './backupTestKit.ts';

function fakeRoot(options: FakeDirOptions = {}): { root: FileSystemDirectoryHandle; dirs: Map<string, FakeDir> } {
  const dirs = new Map<string, FakeDir>();
  const root = {
    async getDirectoryHandle(name: string) {
      let d = dirs.get(name);
      if (!d) dirs.set(name, (d = new FakeDir(options)));
      return d;
    },
  };
  return { root: root as unknown as FileSystemDirectoryHandle, dirs };
}

function streamOf(parts: Uint8Array[], failAt = -1): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (i === failAt) c.error(new EngineError('internal', 'source failed'));
      else if (i >= parts.length) c.close();
      else c.enqueue(parts[i]);
      i++;
    },
  });
}

describe('OPFS backup storage', () => {
  it('writes <uid>.dump under a temporary name, visible only once complete; list, get, delete', async () => {
    const seenMidWrite: string[][] = [];
    const { root, dirs } = fakeRoot({ onWrite: () => seenMidWrite.push([...dirs.get('my-dumps')!.files.keys()]) });
    const s = await OpfsBackupStorage.open({ root, dumpsDir: 'my-dumps' });
    const size = await s.writeDump('20250731-092130478', streamOf([new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])]));
    expect(size).toBe(5);
    expect(seenMidWrite.flat().some((n) => n.endsWith('.dump'))).toBe(false);
    expect(seenMidWrite.flat().some((n) => n.startsWith('20250731-092130478.dump.tmp-'))).toBe(true);
    expect([...dirs.get('my-dumps')!.files.keys()]).toEqual(['20250731-092130478.dump']);
    expect(await s.listDumps()).toEqual([{ uid: '20250731-092130478', size: 5, createdAt: '2025-07-31T09:21:30.478Z' }]);
    expect(new Uint8Array(await (await s.getDump('20250731-092130478'))!.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
    expect(await s.getDump('20250731-000000000')).toBeNull();
    expect(await s.deleteDump('20250731-092130478')).toBe(true);
    expect(await s.deleteDump('20250731-092130478')).toBe(false);
    expect(await s.listDumps()).toEqual([]);
  });

  it('a failing source, a full disk or a failed move leave no file at all', async () => {
    for (const [options, failAt] of [
      [{}, 1],
      [{ failAfterBytes: 2 }, -1],
      [{ failMove: true }, -1],
    ] as [FakeDirOptions, number][]) {
      const { root, dirs } = fakeRoot(options);
      const s = await OpfsBackupStorage.open({ root });
      await expect(s.writeDump('20250731-092130478', streamOf([new Uint8Array([1, 2, 3]), new Uint8Array([4])], failAt))).rejects.toBeTruthy();
      expect([...dirs.get('dumps')!.files.keys()]).toEqual([]);
    }
  });

  it('start-up removes temporary dump files and this database\'s temporary snapshots', async () => {
    const { root, dirs } = fakeRoot();
    const s = await OpfsBackupStorage.open({ root });
    dirs.get('dumps')!.files.set('20250731-092130478.dump.tmp-abc', new Uint8Array(3));
    dirs.get('dumps')!.files.set('20250731-000000000.dump', new Uint8Array(3));
    dirs.get('snapshots')!.files.set('movies.snapshot.tmp-xyz', new Uint8Array(3));
    dirs.get('snapshots')!.files.set('books.snapshot.tmp-xyz', new Uint8Array(3));
    await s.cleanup('movies');
    expect([...dirs.get('dumps')!.files.keys()]).toEqual(['20250731-000000000.dump']);
    expect([...dirs.get('snapshots')!.files.keys()]).toEqual(['books.snapshot.tmp-xyz']);
  });

  it('refuses directory names with slashes', async () => {
    const { root } = fakeRoot();
    await expect(OpfsBackupStorage.open({ root, dumpsDir: '../x' })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('an engine over it: dumps and the snapshot land in the directories, and a second engine restores from them', async () => {
    const { root, dirs } = fakeRoot();
    const backupStorage = await OpfsBackupStorage.open({ root, snapshotsDir: 'snaps' });
    const name = uniqueName('opfs');
    const a = await createEngine({ storage: 'memory', name, backupStorage });
    await a.index('movies').addDocuments(MOVIES).waitTask();
    const dumpUid = (await a.createDump().waitTask()).details?.dumpUid as string;
    await a.createSnapshot().waitTask();
    expect([...dirs.get('dumps')!.files.keys()]).toEqual([`${dumpUid}.dump`]);
    expect([...dirs.get('snaps')!.files.keys()]).toEqual([`${name}.snapshot`]);
    expect(await a.getSnapshotInfo()).toMatchObject({ name: `${name}.snapshot`, engineVersion: a.engineVersion });
    const fromDump = await createEngine({ storage: 'memory', name: uniqueName('d'), backupStorage, importDump: dumpUid });
    expect((await fromDump.index('movies').getStats()).numberOfDocuments).toBe(MOVIES.length);
    const fromSnapshot = await createEngine({ storage: 'memory', name: uniqueName('s'), backupStorage, importSnapshot: name });
    expect((await fromSnapshot.index('movies').getDocument(3)).title).toBe('Life of Pi');
  });
});
