/**
 * Every write of the public API: synchronous validation (400-class errors thrown at once, as Meilisearch
 * rejects the request), then registration of a task. Nothing here changes an index directly.
 */
import { EngineError } from '../../errors/engineError.ts';
import type { Document, DocumentOptions, IndexOptions, IndexSwap } from '../types/indexes.ts';
import type { Filter } from '../types/search.ts';
import type { SettingsKey, SettingsUpdate } from '../types/settings.ts';
import type { EnqueuedTask, TasksFilter } from '../types/tasks.ts';
import { checkIndexUid } from '../indexes/indexUid.ts';
import { parseSettingsUpdate, parseSettingValue } from '../settings/parseSettings.ts';
import { checkKnownFields, isPlainObject, typeError } from '../validation/jsonValidation.ts';
import { parseTaskFilter, isEmptyFilter, filterQueryString } from '../tasks/taskFilters.ts';
import { enqueuedView, type TaskKind } from '../tasks/taskRecord.ts';
import type { EngineContext } from '../engineContext.ts';
import type { Scheduler } from '../tasks/scheduler.ts';
import { parseFilter } from '../search/filter/index.ts';

export interface WriteDeps {
  ctx: EngineContext;
  scheduler: Scheduler;
}

async function register(d: WriteDeps, kind: TaskKind, indexUid: string | null, opts: { customMetadata?: string; payload?: readonly Document[] } = {}): Promise<EnqueuedTask> {
  const record = await d.ctx.queue.register(kind, indexUid, opts);
  d.scheduler.wake();
  d.ctx.coordinator.publish({ type: 'registered' });
  return enqueuedView(record);
}

function checkCustomMetadata(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw typeError('invalid_index_custom_metadata', '', 'a string', v);
  return v;
}

function checkPrimaryKey(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw typeError('invalid_index_primary_key', '.primaryKey', 'a string', v);
  return v;
}

export function createIndex(d: WriteDeps, uid: unknown, options: IndexOptions = {}): Promise<EnqueuedTask> {
  const u = checkIndexUid(uid);
  if (!isPlainObject(options)) throw typeError('bad_request', '', 'an object', options);
  checkKnownFields('bad_request', options as Record<string, unknown>, ['uid', 'primaryKey']);
  return register(d, { type: 'indexCreation', primaryKey: checkPrimaryKey(options.primaryKey) }, u);
}

export function updateIndex(d: WriteDeps, uid: unknown, options: IndexOptions = {}): Promise<EnqueuedTask> {
  const u = checkIndexUid(uid);
  if (!isPlainObject(options)) throw typeError('bad_request', '', 'an object', options);
  checkKnownFields('bad_request', options as Record<string, unknown>, ['primaryKey', 'uid']);
  const newUid = options.uid === undefined || options.uid === null ? null : checkIndexUid(options.uid);
  return register(d, { type: 'indexUpdate', primaryKey: checkPrimaryKey(options.primaryKey), newIndexUid: newUid }, u);
}

export function deleteIndex(d: WriteDeps, uid: unknown): Promise<EnqueuedTask> {
  return register(d, { type: 'indexDeletion' }, checkIndexUid(uid));
}

export function swapIndexes(d: WriteDeps, swaps: unknown): Promise<EnqueuedTask> {
  if (!Array.isArray(swaps)) throw typeError('bad_request', '', 'an array', swaps);
  const seen = new Map<string, number>();
  const out: IndexSwap[] = swaps.map((s, i) => {
    if (!isPlainObject(s)) throw typeError('bad_request', `[${i}]`, 'an object', s);
    checkKnownFields('bad_request', s, ['indexes', 'rename'], `[${i}]`);
    if (s.indexes === undefined) throw new EngineError('missing_swap_indexes', `Missing field \`indexes\` inside \`[${i}]\``);
    if (!Array.isArray(s.indexes)) throw typeError('invalid_swap_indexes', `[${i}].indexes`, 'an array', s.indexes);
    const list = s.indexes.map((u) => checkIndexUid(u));
    if (list.length !== 2) {
      throw new EngineError('invalid_swap_indexes', `Two indexes must be given for each swap. The list \`[${list.map((u) => `"${u}"`).join(', ')}]\` contains ${list.length} indexes.`);
    }
    if (s.rename !== undefined && typeof s.rename !== 'boolean') throw typeError('invalid_swap_rename', `[${i}].rename`, 'a boolean', s.rename);
    for (const u of list) seen.set(u, (seen.get(u) ?? 0) + 1);
    return { indexes: [list[0], list[1]], rename: s.rename === true };
  });
  const dups = [...seen].filter(([, n]) => n > 1).map(([u]) => u);
  if (dups.length === 1) throw new EngineError('invalid_swap_duplicate_index_found', `Indexes must be declared only once during a swap. \`${dups[0]}\` was specified several times.`);
  if (dups.length > 1) {
    throw new EngineError('invalid_swap_duplicate_index_found', `Indexes must be declared only once during a swap. ${dups.map((u) => `\`${u}\``).join(', ')} were specified several times.`);
  }
  return register(d, { type: 'indexSwap', swaps: out }, null);
}

const MALFORMED_JSON = 'The `json` payload provided is malformed. `Couldn\'t serialize document value: data are neither an object nor a list of objects`.';

/** serde_json's recursion limit: the payload array and its documents may nest 128 levels in all. */
export const MAX_DOCUMENT_DEPTH = 127;

/** Depth of nested objects/arrays (a flat document is 1), computed without recursion; stops past `limit`. */
function nestingDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    for (const c of children) if (c !== null && typeof c === 'object') stack.push([c, d + 1]);
  }
  return max;
}

/** Documents payload: an object or an array of objects, nested at most {@link MAX_DOCUMENT_DEPTH} levels. */
export function checkDocuments(docs: unknown): Document[] {
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) {
    if (!isPlainObject(d)) throw new EngineError('malformed_payload', MALFORMED_JSON);
    if (nestingDepth(d, MAX_DOCUMENT_DEPTH) > MAX_DOCUMENT_DEPTH) {
      throw new EngineError('malformed_payload', `The \`json\` payload provided is malformed. \`recursion limit exceeded\`: a document can nest objects and arrays at most ${MAX_DOCUMENT_DEPTH} levels deep.`);
    }
  }
  return list as Document[];
}

export function addDocuments(d: WriteDeps, uid: unknown, docs: unknown, options: DocumentOptions = {}, method: 'replace' | 'update' = 'replace'): Promise<EnqueuedTask> {
  const u = checkIndexUid(uid);
  const list = checkDocuments(docs);
  const opts = (options ?? {}) as Record<string, unknown>;
  checkKnownFields('bad_request', opts, ['primaryKey', 'customMetadata', 'skipCreation', 'csvDelimiter']);
  if (opts.skipCreation !== undefined && typeof opts.skipCreation !== 'boolean') throw typeError('invalid_skip_creation', '', 'a boolean', opts.skipCreation);
  const kind: TaskKind = {
    type: 'documentAdditionOrUpdate',
    method,
    primaryKey: checkPrimaryKey(opts.primaryKey),
    documentsCount: list.length,
    allowIndexCreation: true,
  };
  if (opts.skipCreation === true) kind.skipCreation = true;
  return register(d, kind, u, { customMetadata: checkCustomMetadata(opts.customMetadata), payload: list });
}

/** Ids as Meilisearch stores them for deletion: numbers stringified. */
function idText(id: unknown, i: number): string {
  if (typeof id === 'string') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  throw typeError('bad_request', `[${i}]`, 'a string or an integer', id);
}

export function deleteDocuments(d: WriteDeps, uid: unknown, ids: unknown, customMetadata?: string): Promise<EnqueuedTask> {
  const u = checkIndexUid(uid);
  if (!Array.isArray(ids)) throw typeError('bad_request', '', 'an array', ids);
  return register(d, { type: 'documentDeletion', mode: 'ids', ids: ids.map(idText) }, u, { customMetadata: checkCustomMetadata(customMetadata) });
}

export function deleteDocumentsByFilter(d: WriteDeps, uid: unknown, body: unknown, customMetadata?: string): Promise<EnqueuedTask> {
  const u = checkIndexUid(uid);
  if (!isPlainObject(body)) throw typeError('bad_request', '', 'an object', body);
  checkKnownFields('bad_request', body, ['filter']);
  if (body.filter === undefined || body.filter === null) throw new EngineError('missing_document_filter', 'Missing field `filter`');
  const filter = body.filter as Filter;
  if (typeof filter !== 'string' && !Array.isArray(filter)) {
    throw new EngineError('invalid_document_filter', `Invalid syntax for the filter parameter: \`expected String, Array, found: ${JSON.stringify(filter)}\`.`);
  }
  if (parseFilter(filter, 'invalid_document_filter') === null) throw new EngineError('invalid_document_filter', 'Sending an empty filter is forbidden.');
  return register(d, { type: 'documentDeletion', mode: 'filter', filter }, u, { customMetadata: checkCustomMetadata(customMetadata) });
}

export function deleteAllDocuments(d: WriteDeps, uid: unknown, customMetadata?: string): Promise<EnqueuedTask> {
  return register(d, { type: 'documentDeletion', mode: 'clear' }, checkIndexUid(uid), { customMetadata: checkCustomMetadata(customMetadata) });
}

export function updateSettings(d: WriteDeps, uid: unknown, settings: unknown, isDeletion = false): Promise<EnqueuedTask> {
  const u = checkIndexUid(uid);
  const parsed: SettingsUpdate = parseSettingsUpdate(settings);
  return register(d, { type: 'settingsUpdate', settings: parsed, isDeletion, allowIndexCreation: true }, u);
}

/** Sub-route update of one setting (`null` resets it). */
export function updateSetting(d: WriteDeps, uid: unknown, key: SettingsKey, value: unknown): Promise<EnqueuedTask> {
  const u = checkIndexUid(uid);
  const v = parseSettingValue(key, value);
  return register(d, { type: 'settingsUpdate', settings: { [key]: v } as SettingsUpdate, isDeletion: value === null, allowIndexCreation: true }, u);
}

export async function cancelOrDeleteTasks(d: WriteDeps, which: 'cancel' | 'delete', filter: TasksFilter, queryString?: string): Promise<EnqueuedTask> {
  const raw = (filter ?? {}) as Record<string, unknown>;
  const parsed = parseTaskFilter(raw);
  if (isEmptyFilter(parsed, raw)) {
    const verb = which === 'cancel' ? 'cancel' : 'delete';
    throw new EngineError(
      'missing_task_filters',
      `Query parameters to filter the tasks to ${verb} are missing. Available query parameters are: \`uids\`, \`indexUids\`, \`statuses\`, \`types\`, \`canceledBy\`, \`beforeEnqueuedAt\`, \`afterEnqueuedAt\`, \`beforeStartedAt\`, \`afterStartedAt\`, \`beforeFinishedAt\`, \`afterFinishedAt\`.`,
    );
  }
  const matched = (await d.ctx.queue.list(parsed, true)).map((t) => t.uid);
  const query = queryString ?? filterQueryString(raw);
  const kind: TaskKind = which === 'cancel' ? { type: 'taskCancelation', query, tasks: matched } : { type: 'taskDeletion', query, tasks: matched };
  const task = await register(d, kind, null);
  if (which === 'cancel') d.scheduler.abortIfProcessing(matched);
  return task;
}
