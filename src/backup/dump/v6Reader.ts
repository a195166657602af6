/**
 * Reads the entries of a v6 dump into the import target, in any order:
 * `keys.jsonl`, `indexes/<dir>/{metadata.json,settings.json,documents.jsonl}`, `tasks/queue.jsonl`,
 * `tasks/update_files/<uid>.jsonl`, `batches/queue.jsonl`. Optional Meilisearch files (experimental
 * features, network, webhooks, chat settings, instance uid) are ignored.
 *
 * Order independence: an index's documents wait for its `metadata.json` and `settings.json`; update files
 * wait for `tasks/queue.jsonl` (whose enqueued document additions are held until their file is read).
 */
import type { TaskRecord } from '../../engine/tasks/taskRecord.ts';
import { isoDuration } from '../../engine/tasks/taskRecord.ts';
import type { IndexObject } from '../../engine/types/indexes.ts';
import type { DumpKey } from './dumpContract.ts';
import { DumpError } from './dumpError.ts';
import type { EntryOutcome, ImportContext, VersionReader } from './importContext.ts';
import { readJsonFile, readJsonLines } from './jsonLines.ts';
import { expectObject } from './jsonShape.ts';
import { settingsFromV6, type ConvertedSettings } from './legacySettings.ts';
import type { ArchiveEntry } from './tarEntries.ts';
import { batchFromDump, indexMetaFromDump, keyFromDump, taskFromDump } from './v6Records.ts';

interface IndexDir {
  meta?: IndexObject;
  /** `null` once it is known the directory has no `settings.json`. */
  settings?: ConvertedSettings | null;
  created: boolean;
}

const INDEX_FILE = /^indexes\/([^/]+)\/(metadata\.json|settings\.json|documents\.jsonl)$/;
const UPDATE_FILE = /^tasks\/update_files\/(\d+)\.jsonl$/;

/** The v6 {@link VersionReader}. */
export class V6Reader implements VersionReader {
  private readonly dirs = new Map<string, IndexDir>();
  private queueDone = false;
  private keysDone = false;

  constructor(private readonly ctx: ImportContext) {}

  private dir(name: string): IndexDir {
    let d = this.dirs.get(name);
    if (!d) {
      d = { created: false };
      this.dirs.set(name, d);
    }
    return d;
  }

  async handle(entry: ArchiveEntry): Promise<EntryOutcome> {
    const { name } = entry;
    const max = this.ctx.options.maxLineBytes;
    if (name === 'keys.jsonl') {
      const keys: DumpKey[] = [];
      for await (const { value, line } of readJsonLines(entry.body(), name, max)) keys.push(keyFromDump(value, `${name} line ${line}`));
      await this.setKeys(keys);
      return 'consumed';
    }
    if (name === 'tasks/queue.jsonl') {
      this.ctx.progress('tasks');
      for await (const { value, line } of readJsonLines(entry.body(), name, max)) {
        const where = `${name} line ${line}`;
        const read = taskFromDump(value, where);
        if ('skip' in read) this.ctx.note('skippedTasks', read.skip);
        else if (isEnqueuedAddition(read.record)) this.ctx.hold(`tasks/update_files/${read.record.uid}.jsonl`, read.record, where);
        else await this.ctx.importTask(read.record);
      }
      this.queueDone = true;
      return 'consumed';
    }
    if (UPDATE_FILE.test(name)) {
      if (!this.queueDone) return { defer: 'waiting for tasks/queue.jsonl' };
      const record = this.ctx.takeHeld(name);
      if (!record) return 'ignored';
      await this.ctx.importTask(record, await this.ctx.readPayload(entry.body(), name));
      return 'consumed';
    }
    if (name === 'batches/queue.jsonl') {
      for await (const { value, line } of readJsonLines(entry.body(), name, max)) {
        const batch = batchFromDump(value, `${name} line ${line}`, isoDuration);
        await this.ctx.engine(`Batch ${batch.uid}: `, () => this.ctx.target.importBatch(batch));
        this.ctx.summary.batches++;
      }
      return 'consumed';
    }
    const m = INDEX_FILE.exec(name);
    if (!m) return 'ignored';
    const d = this.dir(m[1]);
    if (m[2] === 'metadata.json') {
      d.meta = indexMetaFromDump(await readJsonFile(entry.body(), name, max), name);
      return 'consumed';
    }
    if (m[2] === 'settings.json') {
      d.settings = settingsFromV6(expectObject(await readJsonFile(entry.body(), name, max), name));
      return 'consumed';
    }
    if (!d.meta) return { defer: `waiting for indexes/${m[1]}/metadata.json` };
    if (d.settings === undefined) return { defer: `waiting for indexes/${m[1]}/settings.json` };
    if (isInternal(d.meta)) return 'ignored';
    await this.create(d);
    this.ctx.progress('indexing', d.meta.uid);
    await this.ctx.addDocuments(d.meta.uid, entry.body(), name);
    return 'consumed';
  }

  endOfPass(names: ReadonlySet<string>): boolean {
    let changed = false;
    for (const n of names) {
      const m = INDEX_FILE.exec(n);
      if (m && m[2] === 'documents.jsonl' && !names.has(`indexes/${m[1]}/metadata.json`)) {
        throw new DumpError('invalid_content', `\`${n}\` has no \`indexes/${m[1]}/metadata.json\` beside it, so its index is unknown.`);
      }
    }
    for (const [dir, d] of this.dirs) {
      if (d.settings === undefined && !names.has(`indexes/${dir}/settings.json`)) {
        d.settings = null;
        changed = true;
      }
    }
    if (!this.queueDone && !names.has('tasks/queue.jsonl')) {
      this.queueDone = true;
      changed = true;
    }
    return changed;
  }

  async finish(): Promise<void> {
    if (!this.keysDone) await this.setKeys([]);
    for (const d of this.dirs.values()) {
      if (d.meta && !isInternal(d.meta)) await this.create(d);
    }
    this.ctx.progress('tasks');
    await this.ctx.releaseHeld();
  }

  private async setKeys(keys: DumpKey[]): Promise<void> {
    if (this.keysDone) throw new DumpError('invalid_content', 'The dump contains its API keys twice.');
    this.keysDone = true;
    await this.ctx.engine('API keys: ', () => this.ctx.target.setKeys(keys));
    this.ctx.summary.keys = keys.length;
  }

  private async create(d: IndexDir): Promise<void> {
    if (d.created || !d.meta) return;
    d.created = true;
    await this.ctx.createIndex(d.meta, d.settings?.settings ?? null, d.settings?.ignored ?? []);
  }
}

/** Indexes Meilisearch keeps for itself (`.meili_dsr`…) are not imported. */
function isInternal(meta: IndexObject): boolean {
  return meta.uid.startsWith('.');
}

function isEnqueuedAddition(t: TaskRecord): boolean {
  return t.status === 'enqueued' && t.kind.type === 'documentAdditionOrUpdate';
}
