import { describe, expect, test } from 'vitest';
import { STORES } from '../../../src/engine/storage/schema.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import {
  cleanupTemporarySnapshots,
  getSnapshotFile,
  getSnapshotInfo,
  replaceFileAtomically,
  snapshotFileName,
  writeSnapshotFile,
} from '../../../src/backup/snapshot/opfsSnapshots.ts';
import { SnapshotError } from '../../../src/backup/snapshot/snapshotError.ts';
import { readSnapshotHeader, restoreSnapshot } from '../../../src/backup/snapshot/snapshotReader.ts';
import { compareStores } from '../../../src/backup/snapshot/storeChecksum.ts';
import { memoryStore } from './helpers.ts';
import { fillStore } from './fixtureDb.ts';
import { FakeDir, type FakeDirOptions } from './fakeOpfs.ts';

async function database(name: string, docs: number) {
  const s = memoryStore(undefined, name);
  await fillStore(s, { documents: docs, seed: docs });
  return s;
}

/** Every file of the directory must be a whole snapshot, whenever we look. */
async function allWhole(dir: FakeDir): Promise<void> {
  for (const [name, bytes] of dir.files) {
    if (name.endsWith('.snapshot')) await restoreSnapshot(bytes, memoryStore());
  }
}

describe.each([
  ['move()', {}],
  ['copy fallback (no move)', { noMove: true }],
  ['sync access handle + move', { noCreateWritable: true }],
] as [string, FakeDirOptions][])('OPFS snapshots via %s', (_label, options) => {
  test('each snapshot replaces the previous one; only one file remains', async () => {
    const dir = new FakeDir(options);
    const first = await database('movies', 30);
    const info1 = await writeSnapshotFile(dir, first, { now: Date.UTC(2026, 0, 1) });
    expect(info1.name).toBe('movies.snapshot');
    expect([...dir.files.keys()]).toEqual(['movies.snapshot']);
    expect(info1.size).toBe(dir.files.get('movies.snapshot')?.length);

    const second = await database('movies', 60);
    await writeSnapshotFile(dir, second, { now: Date.UTC(2026, 0, 2) });
    expect([...dir.files.keys()]).toEqual(['movies.snapshot']);
    const restored = memoryStore();
    await restoreSnapshot(await getSnapshotFile(dir, 'movies'), restored);
    expect((await compareStores(second, restored)).equal).toBe(true);
    expect(await getSnapshotInfo(dir, 'movies')).toEqual({
      name: 'movies.snapshot',
      createdAt: '2026-01-02T00:00:00.000Z',
      size: dir.files.get('movies.snapshot')?.length,
      engineVersion: '0.1.0',
    });
  });

  test('a failure while writing leaves the previous snapshot intact and no temporary file', async () => {
    const dir = new FakeDir(options);
    await writeSnapshotFile(dir, await database('movies', 20));
    const before = dir.files.get('movies.snapshot')!.slice();

    // The storage fails half-way (with createWritable) …
    if (!options.noCreateWritable) {
      dir.options.failAfterBytes = 4000;
      await expect(writeSnapshotFile(dir, await database('movies', 80))).rejects.toBeInstanceOf(Error);
      dir.options.failAfterBytes = undefined;
      expect([...dir.files.keys()]).toEqual(['movies.snapshot']);
      expect(dir.files.get('movies.snapshot')).toEqual(before);
    }
    // … or the snapshot itself fails.
    const bad = await database('movies', 20);
    await bad.write([STORES.documents], async (tx) => tx.put(STORES.documents, [9, 9], /a regexp/));
    await expect(writeSnapshotFile(dir, bad)).rejects.toBeInstanceOf(SnapshotError);
    expect([...dir.files.keys()]).toEqual(['movies.snapshot']);
    expect(dir.files.get('movies.snapshot')).toEqual(before);
  });

  test('a visible snapshot is always whole, even mid-write', async () => {
    const checks: Promise<void>[] = [];
    const dir = new FakeDir(options);
    await writeSnapshotFile(dir, await database('movies', 10));
    dir.options.onWrite = () => void checks.push(allWhole(dir));
    await writeSnapshotFile(dir, await database('movies', 50), { frameBytes: 2048 });
    expect(checks.length).toBeGreaterThan(5);
    await Promise.all(checks);
  });
});

describe('OPFS helpers', () => {
  test('no snapshot: info is null, the file is snapshot_not_found', async () => {
    const dir = new FakeDir();
    expect(await getSnapshotInfo(dir, 'movies')).toBeNull();
    await expect(getSnapshotFile(dir, 'movies')).rejects.toMatchObject({ code: 'snapshot_not_found' });
  });

  test('a failed move removes the temporary file and keeps the old snapshot', async () => {
    const dir = new FakeDir();
    await writeSnapshotFile(dir, await database('movies', 5));
    const before = dir.files.get('movies.snapshot')!.slice();
    dir.options.failMove = true;
    await expect(writeSnapshotFile(dir, await database('movies', 10))).rejects.toThrow('move failed');
    expect([...dir.files.keys()]).toEqual(['movies.snapshot']);
    expect(dir.files.get('movies.snapshot')).toEqual(before);
  });

  test('the copy fallback failing on a first snapshot leaves no empty file behind', async () => {
    const dir = new FakeDir({ noMove: true });
    let calls = 0;
    await expect(
      replaceFileAtomically(dir, 'x.snapshot', async (tmp) => {
        calls++;
        const w = (await tmp.createWritable!()).getWriter();
        await w.write(Uint8Array.of(1, 2, 3));
        await w.close();
        dir.options.failAfterBytes = -1; // the copy's writable fails
      }),
    ).rejects.toThrow();
    expect(calls).toBe(1);
    expect([...dir.files.keys()]).toEqual([]);
  });

  test('start-up cleanup removes only this database’s temporary files', async () => {
    const dir = new FakeDir();
    for (const n of ['movies.snapshot', 'movies.snapshot.tmp-abc', 'movies.snapshot.tmp-def', 'books.snapshot.tmp-abc', 'notes.txt']) {
      await dir.getFileHandle(n, { create: true });
    }
    expect((await cleanupTemporarySnapshots(dir, 'movies')).sort()).toEqual(['movies.snapshot.tmp-abc', 'movies.snapshot.tmp-def']);
    expect([...dir.files.keys()].sort()).toEqual(['books.snapshot.tmp-abc', 'movies.snapshot', 'notes.txt']);
  });

  test('file names', () => {
    expect(snapshotFileName('movies')).toBe('movies.snapshot');
    expect(snapshotFileName('a/b\\c\u0001')).toBe('a_b_c_.snapshot');
  });

  test('a damaged visible file is reported, not hidden', async () => {
    const dir = new FakeDir();
    dir.files.set('movies.snapshot', new TextEncoder().encode('definitely not a snapshot file'));
    await expect(getSnapshotInfo(dir, 'movies')).rejects.toBeInstanceOf(EngineError);
  });

  test('getSnapshotFile returns a File that reads like the snapshot', async () => {
    const dir = new FakeDir();
    const db = await database('movies', 5);
    const info = await writeSnapshotFile(dir, db);
    const file = await getSnapshotFile(dir, 'movies');
    expect(file.name).toBe('movies.snapshot');
    expect((await readSnapshotHeader(file)).records).toBe(info.records);
  });
});
