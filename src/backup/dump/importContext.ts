/**
 * What the version readers of an import share: the target, the limits, the summary being built, and the
 * two jobs every version has — feeding an index (create, settings, documents in chunks) and importing
 * tasks (some held until their update file shows up).
 */
import type { TaskRecord } from '../../engine/tasks/taskRecord.ts';
import type { Document, IndexObject } from '../../engine/types/indexes.ts';
import type { SettingsUpdate } from '../../engine/types/settings.ts';
import { EngineError, toEngineError } from '../../errors/engineError.ts';
import type { DumpImportTarget, DumpProgress } from './dumpContract.ts';
import { DumpError } from './dumpError.ts';
import { isObject } from './jsonShape.ts';
import { readJsonLines } from './jsonLines.ts';
import type { ArchiveEntry } from './tarEntries.ts';

/** Dump versions this codec reads. */
export type DumpVersion = 'V1' | 'V2' | 'V3' | 'V4' | 'V5' | 'V6';

/** One imported index. */
export interface DumpIndexSummary {
  uid: string;
  primaryKey: string | null;
  documents: number;
}

/** What an import did. */
export interface DumpImportSummary {
  dumpVersion: DumpVersion;
  dbVersion: string | null;
  /** `dumpDate` of `metadata.json` (v1 dumps have none). */
  dumpDate: string | null;
  indexes: DumpIndexSummary[];
  keys: number;
  tasks: number;
  batches: number;
  /** Tasks left out, with the reason (kinds pocketsearch has no equivalent for, internal indexes). */
  skippedTasks: string[];
  /** Archive files that were not used (optional Meilisearch files such as `experimental-features.json`). */
  ignoredEntries: string[];
  /** Settings left out: `<index>: <key>` (unknown to pocketsearch, or ranking rules that no longer exist). */
  ignoredSettings: string[];
  /** How many times the archive was read (more than 1 only when its entries are out of order). */
  passes: number;
}

/** Limits and knobs of an import, with defaults applied. */
export interface ResolvedImportOptions {
  maxLineBytes: number;
  chunkSize: number;
  chunkChars: number;
  now: string;
}

const MAX_LISTED = 100;

/** Shared state of one import. */
export class ImportContext {
  readonly summary: DumpImportSummary;
  private readonly indexes = new Map<string, DumpIndexSummary>();
  private readonly held = new Map<string, { record: TaskRecord; where: string }>();
  private documents = 0;

  constructor(
    readonly target: DumpImportTarget,
    readonly options: ResolvedImportOptions,
    private readonly onProgress: ((p: DumpProgress) => void) | undefined,
    private readonly position: () => Pick<DumpProgress, 'bytes' | 'totalBytes' | 'pass'>,
    version: DumpVersion,
  ) {
    this.summary = {
      dumpVersion: version,
      dbVersion: null,
      dumpDate: null,
      indexes: [],
      keys: 0,
      tasks: 0,
      batches: 0,
      skippedTasks: [],
      ignoredEntries: [],
      ignoredSettings: [],
      passes: 1,
    };
  }

  /** Reports progress. */
  progress(phase: DumpProgress['phase'], indexUid?: string): void {
    if (!this.onProgress) return;
    const p: DumpProgress = { phase, ...this.position(), documents: this.documents };
    if (indexUid !== undefined) p.indexUid = indexUid;
    this.onProgress(p);
  }

  /** Notes something left out, keeping lists short. */
  note(list: 'skippedTasks' | 'ignoredEntries' | 'ignoredSettings', what: string): void {
    const l = this.summary[list];
    if (l.length < MAX_LISTED) l.push(what);
  }

  /** Creates an index (once) and applies its settings. */
  async createIndex(meta: IndexObject, settings: SettingsUpdate | null, ignoredSettings: readonly string[] = []): Promise<void> {
    if (this.indexes.has(meta.uid)) {
      throw new DumpError('invalid_content', `The dump contains the index \`${meta.uid}\` twice.`);
    }
    const entry: DumpIndexSummary = { uid: meta.uid, primaryKey: meta.primaryKey, documents: 0 };
    this.indexes.set(meta.uid, entry);
    this.summary.indexes.push(entry);
    for (const k of ignoredSettings) this.note('ignoredSettings', `${meta.uid}: ${k}`);
    await this.engine(`Index \`${meta.uid}\`: `, () => this.target.createIndex(meta));
    if (settings && Object.keys(settings).length > 0) {
      await this.engine(`Index \`${meta.uid}\` settings: `, () => this.target.applySettings(meta.uid, settings));
    }
  }

  /** True if the index was created. */
  hasIndex(uid: string): boolean {
    return this.indexes.has(uid);
  }

  /** Streams an NDJSON documents file into an index created before, in chunks. */
  async addDocuments(uid: string, chunks: AsyncIterable<Uint8Array>, file: string): Promise<void> {
    const summary = this.indexes.get(uid);
    let batch: Document[] = [];
    let chars = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const docs = batch;
      batch = [];
      chars = 0;
      await this.engine(`Index \`${uid}\` (${file}): `, () => this.target.addDocuments(uid, docs));
      this.documents += docs.length;
      if (summary) summary.documents += docs.length;
      this.progress('indexing', uid);
    };
    for await (const { value, line, size } of readJsonLines(chunks, file, this.options.maxLineBytes)) {
      if (!isObject(value)) throw new DumpError('invalid_content', `Line ${line} of \`${file}\` is not a JSON object (a document).`);
      batch.push(value);
      chars += size;
      if (batch.length >= this.options.chunkSize || chars >= this.options.chunkChars) await flush();
    }
    await flush();
  }

  /** Reads an NDJSON update file into memory (the payload of one enqueued task). */
  async readPayload(chunks: AsyncIterable<Uint8Array>, file: string): Promise<Document[]> {
    const docs: Document[] = [];
    for await (const { value, line } of readJsonLines(chunks, file, this.options.maxLineBytes)) {
      if (!isObject(value)) throw new DumpError('invalid_content', `Line ${line} of \`${file}\` is not a JSON object (a document).`);
      docs.push(value);
    }
    return docs;
  }

  /** Imports a task now. */
  async importTask(record: TaskRecord, payload?: Document[]): Promise<void> {
    await this.engine(`Task ${record.uid}: `, () => (payload ? this.target.importTask(record, payload) : this.target.importTask(record)));
    this.summary.tasks++;
    if (this.summary.tasks % 1000 === 0) this.progress('tasks');
  }

  /** Keeps an enqueued document addition until its update file (`key`) is read. */
  hold(key: string, record: TaskRecord, where: string): void {
    this.held.set(key, { record, where });
  }

  /** The held task of an update file, removed from the held ones. */
  takeHeld(key: string): TaskRecord | undefined {
    const h = this.held.get(key);
    if (h) this.held.delete(key);
    return h?.record;
  }

  /**
   * Imports the tasks still waiting for an update file that never came: with an empty payload when
   * they announced no documents (as Meilisearch does), else the dump is refused.
   */
  async releaseHeld(): Promise<void> {
    for (const [key, { record, where }] of this.held) {
      const kind = record.kind;
      if (kind.type === 'documentAdditionOrUpdate' && kind.documentsCount > 0) {
        throw new DumpError('invalid_content', `${where}: task ${record.uid} is an enqueued document addition but its update file (${key}) is missing from the dump.`);
      }
      await this.importTask(record, []);
    }
    this.held.clear();
  }

  /** Runs a target call; its errors keep their code and get `prefix` in front of their message. */
  async engine<T>(prefix: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      if (e instanceof DumpError) throw e;
      const err = e instanceof EngineError ? e : toEngineError(e);
      throw err.withPrefix(prefix);
    }
  }
}

/** What a reader did with an archive entry. `defer` = cannot be read yet; the entry is read again later. */
export type EntryOutcome = 'consumed' | 'ignored' | { defer: string };

/** Reads the entries of one dump version into the target, in whatever order they come. */
export interface VersionReader {
  /**
   * Handles one entry. Before reading its body it may answer `defer` (something it depends on was not read
   * yet); the entry is then offered again in a later pass. `ignored` entries are skipped.
   */
  handle(entry: ArchiveEntry): Promise<EntryOutcome>;
  /**
   * Called after a pass that left deferred entries, with the names of every entry of the archive; lets the
   * reader settle what will never come (an optional file absent). Returns true if that unblocks anything.
   */
  endOfPass(names: ReadonlySet<string>): boolean;
  /** Called once every entry was handled: imports what is left (indexes without documents, held tasks…). */
  finish(): Promise<void>;
}
