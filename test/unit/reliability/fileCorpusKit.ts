/**
 * Helpers of the hostile-file corpus and the file fuzzer: a real dump and a real snapshot of a sample database, and
 * `attempt()`, which feeds bytes to the real engine (over fake-indexeddb) through one of its import paths and
 * reports the outcome together with checksums of the whole database taken before and after.
 */
import 'fake-indexeddb/auto';
import { createEngine, type Engine } from '../../../src/engine.ts';
import { MemoryBackupStorage } from '../../../src/engine/backup/backupStorage.ts';
import { IndexedDbStore } from '../../../src/engine/storage/indexedDbStore.ts';
import { storeChecksum, valueChecksum } from '../../../src/backup/snapshot/storeChecksum.ts';
import { STORES } from '../../../src/engine/storage/schema.ts';
import { concatBytes } from '../../../src/backup/dump/byteStreams.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import { fillSample, picture, type EnginePicture } from '../backup/backupTestKit.ts';

let counter = 0;
export const uniqueName = (prefix: string): string => `${prefix}-${process.pid}-${Date.now()}-${counter++}`;

export interface SampleFiles {
  dump: Uint8Array;
  snapshot: Uint8Array;
  /** What an engine shows once the dump (or snapshot) is imported: a mutated file that imports must give this. */
  dumpPicture: EnginePicture;
  snapshotPicture: EnginePicture;
}

async function bytesOf(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Pictures compare what the API shows, minus what an import legitimately changes (dates of the import, key strings). */
export function comparable(p: EnginePicture): unknown {
  const { indexes, documents, settings, searches } = p;
  const stats = Object.fromEntries(Object.entries(p.stats).map(([k, v]) => [k, { ...(v as object), rawDocumentDbSize: undefined, avgDocumentSize: undefined }]));
  const tasks = p.tasks.map(({ uid, status, type, indexUid, details, error }) => ({ uid, status, type, indexUid, details, error }));
  return { indexes, documents, settings, searches, stats, tasks };
}

/** A dump and a snapshot of the sample database (two indexes, settings, updates, deletions, a failed task). */
export async function sampleFiles(): Promise<SampleFiles> {
  const backupStorage = new MemoryBackupStorage();
  const e = await createEngine({ storage: 'memory', name: uniqueName('sample'), backupStorage });
  await fillSample(e);
  const dumpTask = await e.createDump().waitTask({ timeout: 30_000 });
  const dump = await bytesOf(await e.getDumpFile(dumpTask.details!.dumpUid as string));
  await e.createSnapshot().waitTask({ timeout: 30_000 });
  const snapshot = await bytesOf(await e.getSnapshotFile());
  await e.close();
  const fromDump = await createEngine({ storage: 'memory', name: uniqueName('pic'), importDump: dump });
  await fromDump.waitForIdle();
  const dumpPicture = await picture(fromDump);
  await fromDump.close();
  const fromSnapshot = await createEngine({ storage: 'memory', name: uniqueName('pic'), importSnapshot: snapshot });
  await fromSnapshot.waitForIdle();
  const snapshotPicture = await picture(fromSnapshot);
  await fromSnapshot.close();
  return { dump, snapshot, dumpPicture, snapshotPicture };
}

/**
 * Where the bytes go:
 * - `startup`: `createEngine({ importDump | importSnapshot })` on an empty database;
 * - `running`: `engine.importDump()` into a running, empty engine (dumps only);
 * - `startupWithData` / `runningWithData`: the same into a database that has data (refused before reading).
 */
export type ImportPath = 'startup' | 'running' | 'startupWithData' | 'runningWithData';

export interface Attempt {
  error: EngineError | null;
  /** any other thrown value (a bug: every refusal must be an EngineError) */
  foreign: unknown;
  before: string;
  after: string;
  /** the engine's picture after a successful import */
  picture: EnginePicture | null;
}

/**
 * Checksum of the whole database: every store record for record, and every `meta` record but `ids`. That one is
 * the index id counter, which an aborted import leaves advanced on purpose: ids are never reused, so nothing cached
 * about the discarded index can be taken for a later one.
 */
async function digestOf(name: string): Promise<string> {
  const raw = await IndexedDbStore.open(name);
  try {
    const stores = (await storeChecksum(raw, { stores: raw.storeNames().filter((n) => n !== STORES.meta) })).digest;
    const meta = await raw.read([STORES.meta], (tx) => tx.entries(STORES.meta));
    return `${stores}:${valueChecksum(meta.filter(([k]) => k !== 'ids')).toString(16)}`;
  } finally {
    raw.close();
  }
}

async function prepare(name: string, withData: boolean): Promise<void> {
  const e = await createEngine({ storage: 'indexeddb', name });
  if (withData) await e.index('kept').addDocuments([{ id: 1, title: 'kept as it was' }]).waitTask();
  await e.close();
}

/** Feeds `bytes` to the engine as a dump or a snapshot through `path`; never throws for a refusal. */
export async function attempt(kind: 'dump' | 'snapshot', bytes: Uint8Array, path: ImportPath): Promise<Attempt> {
  const name = uniqueName(`hostile-${kind}`);
  const withData = path === 'startupWithData' || path === 'runningWithData';
  await prepare(name, withData);
  const before = await digestOf(name);
  let error: EngineError | null = null;
  let foreign: unknown = null;
  let engine: Engine | null = null;
  const source = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  try {
    if (path === 'startup' || path === 'startupWithData') {
      engine = await createEngine({ storage: 'indexeddb', name, ...(kind === 'dump' ? { importDump: source } : { importSnapshot: source }) });
    } else {
      engine = await createEngine({ storage: 'indexeddb', name });
      await engine.importDump(source);
    }
  } catch (e) {
    if (e instanceof EngineError) error = e;
    else foreign = e;
  }
  let pic: EnginePicture | null = null;
  if (engine && !error && !foreign) {
    await engine.waitForIdle();
    pic = await picture(engine);
  }
  await engine?.close();
  const after = error || foreign ? await digestOf(name) : before;
  await IndexedDbStore.open(name).then((s) => s.destroy()).catch(() => undefined);
  return { error, foreign, before, after, picture: pic };
}

export { rng } from '../../seededRandom.ts';

const join = (...parts: Uint8Array[]): Uint8Array => concatBytes(parts);

/** One random damage to a file, and its description. */
export function mutate(bytes: Uint8Array, random: () => number): { bytes: Uint8Array; what: string } {
  const int = (n: number) => Math.floor(random() * n);
  const at = int(bytes.length);
  switch (int(6)) {
    case 0: {
      const n = int(bytes.length);
      return { bytes: bytes.slice(0, n), what: `cut to ${n} bytes` };
    }
    case 1: {
      const b = bytes.slice();
      const flips = 1 + int(8);
      const where: number[] = [];
      for (let i = 0; i < flips; i++) {
        const p = int(b.length);
        b[p] ^= 1 << int(8);
        where.push(p);
      }
      return { bytes: b, what: `bits flipped at ${where.join(',')}` };
    }
    case 2: {
      const b = bytes.slice();
      const n = 1 + int(64);
      for (let i = at; i < Math.min(b.length, at + n); i++) b[i] = int(256);
      return { bytes: b, what: `${n} random bytes at ${at}` };
    }
    case 3: {
      const piece = bytes.subarray(at, at + 1 + int(512));
      return { bytes: join(bytes.subarray(0, at + piece.length), piece, bytes.subarray(at + piece.length)), what: `${piece.length} bytes at ${at} repeated` };
    }
    case 4: {
      const n = 1 + int(512);
      return { bytes: join(bytes.subarray(0, at), bytes.subarray(at + n)), what: `${n} bytes removed at ${at}` };
    }
    default: {
      const noise = Uint8Array.from({ length: 1 + int(64) }, () => int(256));
      return { bytes: join(bytes.subarray(0, at), noise, bytes.subarray(at)), what: `${noise.length} random bytes inserted at ${at}` };
    }
  }
}
