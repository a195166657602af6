/**
 * Seeded fuzzing of dump and snapshot files through the real engine: the sample dump and snapshot, cut, bit-flipped,
 * overwritten, with bytes repeated, removed or inserted. Each damaged file is either refused with a coded
 * `EngineError`, the database checksum-identical to before and no prototype polluted, or — when the damage hit bytes
 * no checksum covers (a gzip header's timestamp) — imported whole: the engine then shows exactly what the intact
 * file gives.
 * A third of the dumps are damaged inside the compression (the tar and JSON, re-gzipped with a valid checksum), to
 * reach the archive and JSON readers: those may also import a changed but valid dump, and the engine must then be
 * consistent (as many documents listed as counted, searches answering).
 * CI tries FUZZ_CASES (default 400) files; `npm run reliability:long` tries tens of thousands (FUZZ_SEED).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync } from 'fflate';
import { attempt, comparable, mutate, rng, sampleFiles, type ImportPath, type SampleFiles } from './fileCorpusKit.ts';

const CASES = Number(process.env.FUZZ_CASES ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 10);
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

let sample: SampleFiles;
beforeAll(async () => {
  sample = await sampleFiles();
}, 60_000);

describe('damaged dump and snapshot files: refused with a coded error and nothing changed, or imported whole', () => {
  it(`${CASES} damaged files (seed ${SEED})`, async () => {
    const random = rng(SEED);
    const tar = gunzipSync(sample.dump);
    const tally = { refused: 0, importedWhole: 0, importedChanged: 0, codes: {} as Record<string, number> };
    for (let i = 0; i < CASES; i++) {
      const kind = i % 2 === 0 ? 'dump' : 'snapshot';
      const inner = kind === 'dump' && i % 3 === 0;
      const path: ImportPath = kind === 'dump' && random() < 0.5 ? 'running' : 'startup';
      const damaged = mutate(inner ? tar : kind === 'dump' ? sample.dump : sample.snapshot, random);
      const bytes = inner ? gzipSync(damaged.bytes) : damaged.bytes;
      const label = `#${i} ${kind}${inner ? ' (inside the gzip)' : ''} ${path}: ${damaged.what}`;
      const r = await attempt(kind, bytes, path);
      expect(r.foreign, `${label}: ${String(r.foreign)}`).toBeNull();
      expect(({} as Record<string, unknown>).polluted, label).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype).sort(), label).toEqual(PROTO_KEYS);
      if (r.error) {
        expect(r.after, `${label}: ${r.error.code} ${r.error.message}`).toBe(r.before);
        tally.refused++;
        tally.codes[r.error.code] = (tally.codes[r.error.code] ?? 0) + 1;
      } else if (inner) {
        // A valid archive with other content: whatever was imported is consistent.
        for (const [uid, docs] of Object.entries(r.picture!.documents)) {
          expect((JSON.parse(docs) as unknown[]).length, `${label}: ${uid}`).toBe((r.picture!.stats[uid] as { numberOfDocuments: number }).numberOfDocuments);
        }
        tally.importedChanged++;
      } else {
        expect(comparable(r.picture!), `${label}: imported, so it must be whole`).toEqual(comparable(kind === 'dump' ? sample.dumpPicture : sample.snapshotPicture));
        tally.importedWhole++;
      }
    }
    console.log(`file fuzz: ${JSON.stringify({ seed: SEED, cases: CASES, ...tally })}`);
  }, Math.max(120_000, CASES * 500));
});
