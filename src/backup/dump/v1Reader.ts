/**
 * Reads v1 dumps (Meilisearch ≤ 0.20): `metadata.json` lists the indexes (uid, primary key, dates), and each
 * index has a directory `<uid>/` with `settings.json`, `documents.jsonl` and `updates.jsonl`.
 * Task uids are given in index order across all `updates.jsonl` files (as Meilisearch's compat chain does),
 * so an index's updates wait for those of the indexes listed before it.
 */
import type { IndexObject } from '../../engine/types/indexes.ts';
import { isRfc3339 } from './dumpDates.ts';
import type { EntryOutcome, ImportContext, VersionReader } from './importContext.ts';
import { readJsonFile, readJsonLines } from './jsonLines.ts';
import { expectObject, expectString, optString, shapeError, type JsonObject } from './jsonShape.ts';
import { settingsFromLegacy, type ConvertedSettings } from './legacySettings.ts';
import { taskFromV1 } from './legacyTasks.ts';
import type { ArchiveEntry } from './tarEntries.ts';

interface V1Index {
  meta: IndexObject;
  /** `null` once it is known there is no `settings.json`. */
  settings?: ConvertedSettings | null;
  created: boolean;
}

const FILE = /^([^/]+)\/(settings\.json|documents\.jsonl|updates\.jsonl)$/;

/** The {@link VersionReader} of v1 dumps. */
export class V1Reader implements VersionReader {
  private readonly indexes: V1Index[];
  private turn = 0;
  private nextUid = 0;

  constructor(
    private readonly ctx: ImportContext,
    metadata: JsonObject,
  ) {
    const list = metadata.indexes;
    if (!Array.isArray(list)) throw shapeError('metadata.json', '`indexes` must be an array');
    this.indexes = list.map((v, i) => {
      const where = `metadata.json indexes[${i}]`;
      const o = expectObject(v, where);
      const date = (k: string): string => {
        const d = o[k];
        if (!isRfc3339(d)) throw shapeError(where, `\`${k}\` must be an RFC 3339 date`);
        return d;
      };
      return {
        meta: { uid: expectString(o, 'uid', where), primaryKey: optString(o, 'primaryKey', where), createdAt: date('createdAt'), updatedAt: date('updatedAt') },
        created: false,
      };
    });
  }

  async handle(entry: ArchiveEntry): Promise<EntryOutcome> {
    const m = FILE.exec(entry.name);
    const pos = m ? this.indexes.findIndex((i) => i.meta.uid === m[1]) : -1;
    if (!m || pos < 0) return 'ignored';
    const index = this.indexes[pos];
    const max = this.ctx.options.maxLineBytes;
    if (m[2] === 'settings.json') {
      const raw = expectObject(await readJsonFile(entry.body(), entry.name, max), entry.name);
      index.settings = settingsFromLegacy(raw, { version: 1, place: 'index' });
      return 'consumed';
    }
    if (m[2] === 'documents.jsonl') {
      if (index.settings === undefined) return { defer: `waiting for ${m[1]}/settings.json` };
      await this.create(index);
      this.ctx.progress('indexing', index.meta.uid);
      await this.ctx.addDocuments(index.meta.uid, entry.body(), entry.name);
      return 'consumed';
    }
    if (pos !== this.turn) {
      return { defer: `waiting for ${this.indexes[this.turn]?.meta.uid ?? ''}/updates.jsonl (v1 task uids follow the order of the indexes)` };
    }
    this.ctx.progress('tasks');
    for await (const { value, line } of readJsonLines(entry.body(), entry.name, max)) {
      const record = taskFromV1(value, this.nextUid, index.meta.uid, `${entry.name} line ${line}`);
      if (!record) continue;
      this.nextUid++;
      await this.ctx.importTask(record);
    }
    this.turn++;
    return 'consumed';
  }

  endOfPass(names: ReadonlySet<string>): boolean {
    let changed = false;
    for (const index of this.indexes) {
      if (index.settings === undefined && !names.has(`${index.meta.uid}/settings.json`)) {
        index.settings = null;
        changed = true;
      }
    }
    while (this.turn < this.indexes.length && !names.has(`${this.indexes[this.turn].meta.uid}/updates.jsonl`)) {
      this.turn++;
      changed = true;
    }
    return changed;
  }

  async finish(): Promise<void> {
    await this.ctx.engine('API keys: ', () => this.ctx.target.setKeys([]));
    for (const index of this.indexes) await this.create(index);
  }

  private async create(index: V1Index): Promise<void> {
    if (index.created) return;
    index.created = true;
    await this.ctx.createIndex(index.meta, index.settings?.settings ?? null, index.settings?.ignored ?? []);
  }
}
