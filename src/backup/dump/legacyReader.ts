/**
 * Reads v2–v5 dumps, converting them to v6 on the fly:
 * `index_uuids/data.jsonl` (index uid ↔ directory uuid), `indexes/[index-]<uuid>/{meta.json,documents.jsonl}`,
 * `updates/data.jsonl` (task history), update files of enqueued additions, `keys` (v4/v5).
 *
 * Index dates are not stored in these versions; like Meilisearch they are derived from the task history,
 * so an index's documents wait until `updates/data.jsonl` was read (and for its `meta.json`).
 */
import type { IndexObject } from '../../engine/types/indexes.ts';
import type { Document } from '../../engine/types/indexes.ts';
import type { DumpKey } from './dumpContract.ts';
import { compareDates } from './dumpDates.ts';
import { DumpError } from './dumpError.ts';
import type { EntryOutcome, ImportContext, VersionReader } from './importContext.ts';
import { readJsonFile, readJsonLines } from './jsonLines.ts';
import { expectObject, expectString, isObject, optString, shapeError } from './jsonShape.ts';
import { settingsFromLegacy } from './legacySettings.ts';
import { taskFromV3, taskFromV5, type LegacyTask } from './legacyTasks.ts';
import type { ArchiveEntry } from './tarEntries.ts';
import { keyFromDump } from './v6Records.ts';

interface IndexRef {
  uid: string;
  creationTaskId: number | null;
}

interface Dates {
  created?: string | null;
  updated?: string | null;
  stopped?: boolean;
}

/** The {@link VersionReader} of v2, v3, v4 and v5 dumps. */
export class LegacyReader implements VersionReader {
  private uuids: Map<string, IndexRef> | null = null;
  private readonly metas = new Map<string, { settings: Record<string, unknown>; primaryKey: string | null }>();
  private readonly dates = new Map<string, Dates>();
  private readonly created = new Set<string>();
  private tasksDone = false;
  private keysDone = false;
  private readonly dirPattern: RegExp;
  private readonly updatePattern: RegExp;

  constructor(
    private readonly ctx: ImportContext,
    private readonly version: 2 | 3 | 4 | 5,
  ) {
    this.dirPattern = version === 2 ? /^indexes\/index-([^/]+)\/(meta\.json|documents\.jsonl)$/ : /^indexes\/([^/]+)\/(meta\.json|documents\.jsonl)$/;
    this.updatePattern = version === 2 ? /^updates\/update_files\/update_([^/]+)$/ : /^updates\/updates_files\/([^/]+)$/;
  }

  private updateFile(uuid: string): string {
    return this.version === 2 ? `updates/update_files/update_${uuid}` : `updates/updates_files/${uuid}`;
  }

  async handle(entry: ArchiveEntry): Promise<EntryOutcome> {
    const { name } = entry;
    const max = this.ctx.options.maxLineBytes;
    if (name === 'index_uuids/data.jsonl') {
      const map = new Map<string, IndexRef>();
      for await (const { value, line } of readJsonLines(entry.body(), name, max)) {
        const where = `${name} line ${line}`;
        const o = expectObject(value, where);
        const uid = expectString(o, 'uid', where);
        if (this.version <= 3) map.set(expectString(o, 'uuid', where), { uid, creationTaskId: null });
        else {
          const meta = expectObject(o.index_meta, `${where} index_meta`);
          const id = meta.creation_task_id;
          map.set(expectString(meta, 'uuid', where), { uid, creationTaskId: typeof id === 'number' ? id : null });
        }
      }
      this.uuids = map;
      return 'consumed';
    }
    if (name === 'updates/data.jsonl') {
      if (!this.uuids) return { defer: 'waiting for index_uuids/data.jsonl' };
      await this.readTasks(entry, max);
      this.tasksDone = true;
      return 'consumed';
    }
    if (name === 'keys' && this.version >= 4) {
      const keys: DumpKey[] = [];
      for await (const { value, line } of readJsonLines(entry.body(), name, max)) {
        keys.push(this.version === 5 ? keyFromDump(value, `${name} line ${line}`) : keyFromV4(value, `${name} line ${line}`));
      }
      await this.setKeys(keys);
      return 'consumed';
    }
    const u = this.updatePattern.exec(name);
    if (u) {
      if (!this.tasksDone) return { defer: 'waiting for updates/data.jsonl' };
      const record = this.ctx.takeHeld(name);
      if (!record) return 'ignored';
      let payload: Document[];
      if (this.version === 2) {
        const docs = await readJsonFile(entry.body(), name, max);
        if (!Array.isArray(docs) || !docs.every(isObject)) throw shapeError(name, 'expected a JSON array of documents');
        payload = docs;
      } else {
        payload = await this.ctx.readPayload(entry.body(), name);
      }
      await this.ctx.importTask(record, payload);
      return 'consumed';
    }
    const m = this.dirPattern.exec(name);
    if (!m) return 'ignored';
    const uuid = m[1];
    if (m[2] === 'meta.json') {
      const o = expectObject(await readJsonFile(entry.body(), name, max), name);
      this.metas.set(uuid, { settings: expectObject(o.settings ?? {}, `${name} settings`), primaryKey: optString(o, 'primary_key', name) });
      return 'consumed';
    }
    if (!this.uuids) return { defer: 'waiting for index_uuids/data.jsonl' };
    const ref = this.uuids.get(uuid);
    if (!ref) return 'ignored';
    if (!this.metas.has(uuid)) return { defer: `waiting for ${name.replace(/documents\.jsonl$/, 'meta.json')}` };
    if (!this.tasksDone) return { defer: 'waiting for updates/data.jsonl (index dates come from the task history)' };
    await this.create(uuid, ref);
    this.ctx.progress('indexing', ref.uid);
    await this.ctx.addDocuments(ref.uid, entry.body(), name);
    return 'consumed';
  }

  private async readTasks(entry: ArchiveEntry, max: number): Promise<void> {
    const uuids = this.uuids ?? new Map<string, IndexRef>();
    const byUid = new Map([...uuids.values()].map((r) => [r.uid, r]));
    this.ctx.progress('tasks');
    let n = 0;
    for await (const { value, line } of readJsonLines(entry.body(), entry.name, max)) {
      const where = `${entry.name} line ${line}`;
      let task: LegacyTask | null;
      if (this.version <= 3) {
        const raw = expectObject(value, where);
        const ref = typeof raw.uuid === 'string' ? uuids.get(raw.uuid) : undefined;
        const read = taskFromV3(value, this.version as 2 | 3, n++, ref?.uid ?? null, this.ctx.options.now, where);
        task = read.task;
        if (read.facts.finished) this.foldV3(read.facts.uuid, read.facts.finishedAt, read.facts.creates);
      } else {
        const read = taskFromV5(value, this.version as 4 | 5, where);
        task = read.task;
        const f = read.facts;
        const ref = f.indexUid !== null ? byUid.get(f.indexUid) : undefined;
        if (ref) {
          const d = this.datesOf(ref.uid);
          if (!d.stopped) {
            if (d.updated == null) d.updated = f.processedAt;
            if (f.id === ref.creationTaskId) {
              d.created = f.createdAt;
              d.stopped = true;
            }
          }
        }
      }
      if (!task) continue;
      if (task.contentUuid !== null) this.ctx.hold(this.updateFile(task.contentUuid), task.record, where);
      else await this.ctx.importTask(task.record);
    }
  }

  /** v2/v3 index dates: created = first addition/settings finish, updated = last finish (Meilisearch's fold). */
  private foldV3(uuid: string, finishedAt: string | null, creates: boolean): void {
    const d = this.datesOf(uuid);
    const newCreated = creates ? finishedAt : null;
    if (d.created == null || newCreated === null || compareDates(d.created, newCreated) > 0) d.created = newCreated;
    if (d.updated == null) d.updated = finishedAt;
    else if (finishedAt !== null && compareDates(d.updated, finishedAt) < 0) d.updated = finishedAt;
  }

  private datesOf(key: string): Dates {
    let d = this.dates.get(key);
    if (!d) {
      d = {};
      this.dates.set(key, d);
    }
    return d;
  }

  endOfPass(names: ReadonlySet<string>): boolean {
    if (!this.uuids && !names.has('index_uuids/data.jsonl')) {
      throw new DumpError('invalid_content', `This v${this.version} dump has no \`index_uuids/data.jsonl\`, so its indexes cannot be named.`);
    }
    if (!this.tasksDone && !names.has('updates/data.jsonl')) {
      this.tasksDone = true;
      return true;
    }
    return false;
  }

  async finish(): Promise<void> {
    if (!this.keysDone) await this.setKeys([]);
    for (const [uuid, ref] of this.uuids ?? []) await this.create(uuid, ref);
    this.ctx.progress('tasks');
    await this.ctx.releaseHeld();
  }

  private async setKeys(keys: DumpKey[]): Promise<void> {
    if (this.keysDone) throw new DumpError('invalid_content', 'The dump contains its API keys twice.');
    this.keysDone = true;
    await this.ctx.engine('API keys: ', () => this.ctx.target.setKeys(keys));
    this.ctx.summary.keys = keys.length;
  }

  private async create(uuid: string, ref: IndexRef): Promise<void> {
    if (this.created.has(uuid)) return;
    const meta = this.metas.get(uuid);
    if (!meta) {
      const dir = this.version === 2 ? `index-${uuid}` : uuid;
      throw new DumpError('invalid_content', `Index \`${ref.uid}\` has no \`indexes/${dir}/meta.json\` in the dump.`);
    }
    this.created.add(uuid);
    const d = this.dates.get(this.version <= 3 ? uuid : ref.uid) ?? {};
    const index: IndexObject = {
      uid: ref.uid,
      primaryKey: meta.primaryKey,
      createdAt: d.created ?? this.ctx.options.now,
      updatedAt: d.updated ?? this.ctx.options.now,
    };
    const settings = settingsFromLegacy(meta.settings, { version: this.version, place: 'index' });
    await this.ctx.createIndex(index, settings.settings, settings.ignored);
  }
}

const V4_DROPPED_ACTIONS = new Set(['dumps.get']);

/** A v4 API key (`id` = 8 bytes, no `uid`/`name`) → a v6 key with a new random uid, as Meilisearch does. */
function keyFromV4(value: unknown, where: string): DumpKey {
  const o = expectObject(value, where);
  const actions = o.actions;
  const indexes = o.indexes;
  if (!Array.isArray(actions) || !Array.isArray(indexes)) throw shapeError(where, '`actions` and `indexes` must be arrays');
  const key: DumpKey = {
    uid: globalThis.crypto.randomUUID(),
    actions: actions.map(String).filter((a) => !V4_DROPPED_ACTIONS.has(a)),
    indexes: indexes.map(String),
    expires_at: optString(o, 'expires_at', where),
    created_at: expectString(o, 'created_at', where),
    updated_at: expectString(o, 'updated_at', where),
  };
  const description = optString(o, 'description', where);
  if (description !== null) key.description = description;
  return key;
}
