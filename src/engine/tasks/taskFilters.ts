/**
 * Task filters of `GET /tasks`, `POST /tasks/cancel`, `DELETE /tasks` and `GET /batches` (spec §1.7):
 * parsing with Meilisearch's messages, and matching against stored tasks.
 */
import { EngineError } from '../../errors/engineError.ts';
import type { ErrorCode } from '../../errors/errorCodes.ts';
import { TASK_STATUSES, TASK_TYPES, type TaskStatus, type TaskType, type TasksFilter, type TasksQuery } from '../types/tasks.ts';
import { isValidIndexUid, invalidIndexUidMessage } from '../indexes/indexUid.ts';
import { parseRfc3339, type TaskRecord } from './taskRecord.ts';

export interface ParsedTaskFilter {
  uids?: Set<number>;
  batchUids?: Set<number>;
  indexUids?: Set<string>;
  types?: Set<TaskType>;
  statuses?: Set<TaskStatus>;
  canceledBy?: Set<number>;
  /** [field, 'before'|'after', epoch ms bound (exclusive)] */
  dates: { field: 'enqueuedAt' | 'startedAt' | 'finishedAt'; dir: 'before' | 'after'; bound: number }[];
}

/** Task filter parameters (`TaskDeletionOrCancelationQuery`), in Meilisearch's order. */
export const FILTER_KEYS = [
  'uids',
  'batchUids',
  'canceledBy',
  'types',
  'statuses',
  'indexUids',
  'afterEnqueuedAt',
  'beforeEnqueuedAt',
  'afterStartedAt',
  'beforeStartedAt',
  'afterFinishedAt',
  'beforeFinishedAt',
] as const;

const ALL_TYPES_FOR_MESSAGE = [...TASK_TYPES, 'dsrUpdate', 'dsrClear'];

function param(name: string, message: string, code: ErrorCode): EngineError {
  return new EngineError(code, `Invalid value in parameter \`${name}\`: ${message}`);
}

/** A list parameter: an array or a comma-separated string; `*` means "any" (undefined). */
function listOf(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  const items = Array.isArray(v) ? v.map((x) => String(x)) : String(v).split(',');
  const trimmed = items.map((s) => s.trim());
  if (trimmed.includes('*')) return undefined;
  return trimmed;
}

function integers(name: string, v: unknown, code: ErrorCode): Set<number> | undefined {
  const list = listOf(v);
  if (!list) return undefined;
  const out = new Set<number>();
  list.forEach((s, i) => {
    if (!/^\d+$/.test(s) || Number(s) > 4294967295) {
      throw param(Array.isArray(v) && list.length > 1 ? `${name}[${i}]` : name, `could not parse \`${s}\` as a positive integer`, code);
    }
    out.add(Number(s));
  });
  return out;
}

/** `YYYY-MM-DD` or RFC 3339. Date-only `after` bounds mean "after the end of that day". */
function dateBound(name: string, v: unknown, dir: 'before' | 'after', code: ErrorCode): number {
  const s = v instanceof Date ? v.toISOString() : String(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const start = Date.parse(`${s}T00:00:00Z`);
    if (!Number.isNaN(start)) return dir === 'after' ? start + 86_400_000 - 1e-6 : start;
  } else if (/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s)) {
    const t = parseRfc3339(s.replace(' ', 'T').replace('z', 'Z').replace('t', 'T'));
    if (!Number.isNaN(t)) return t;
  }
  throw param(name, `\`${s}\` is an invalid date-time. It should follow the YYYY-MM-DD or RFC 3339 date-time format.`, code);
}

function dateCode(name: string): ErrorCode {
  return `invalid_task_${name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}` as ErrorCode;
}

/**
 * Validates task filters. `allowed` lists accepted keys (others → `bad_request` "Unknown parameter"),
 * e.g. `limit`, `from`, `reverse` are only accepted by `GET /tasks`.
 */
export function parseTaskFilter(input: TasksFilter & Record<string, unknown>, extraKeys: readonly string[] = []): ParsedTaskFilter {
  const allowed = [...FILTER_KEYS, ...extraKeys];
  for (const k of Object.keys(input)) {
    if (input[k] === undefined) continue;
    if (!allowed.includes(k)) {
      throw new EngineError('bad_request', `Unknown parameter \`${k}\`: expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`);
    }
  }
  const out: ParsedTaskFilter = { dates: [] };
  out.uids = integers('uids', input.uids, 'invalid_task_uids');
  out.batchUids = integers('batchUids', input.batchUids, 'invalid_batch_uids');
  out.canceledBy = integers('canceledBy', input.canceledBy, 'invalid_task_canceled_by');
  const types = listOf(input.types);
  if (types) {
    out.types = new Set(
      types.map((t) => {
        const found = TASK_TYPES.find((x) => x.toLowerCase() === t.toLowerCase());
        if (!found) {
          throw param('types', `\`${t}\` is not a valid task type. Available types are ${ALL_TYPES_FOR_MESSAGE.map((x) => `\`${x}\``).join(', ')}.`, 'invalid_task_types');
        }
        return found;
      }),
    );
  }
  const statuses = listOf(input.statuses);
  if (statuses) {
    out.statuses = new Set(
      statuses.map((t) => {
        const found = TASK_STATUSES.find((x) => x === t.toLowerCase());
        if (!found) {
          throw param('statuses', `\`${t}\` is not a valid task status. Available statuses are ${TASK_STATUSES.map((x) => `\`${x}\``).join(', ')}.`, 'invalid_task_statuses');
        }
        return found;
      }),
    );
  }
  const indexUids = listOf(input.indexUids);
  if (indexUids) {
    for (const uid of indexUids) if (!isValidIndexUid(uid)) throw param('indexUids', invalidIndexUidMessage(uid), 'invalid_index_uid');
    out.indexUids = new Set(indexUids);
  }
  for (const field of ['enqueuedAt', 'startedAt', 'finishedAt'] as const) {
    for (const dir of ['before', 'after'] as const) {
      const name = `${dir}${field[0].toUpperCase()}${field.slice(1)}`;
      const v = input[name];
      if (v === undefined || v === null) continue;
      out.dates.push({ field, dir, bound: dateBound(name, v, dir, dateCode(name)) });
    }
  }
  return out;
}

export function isEmptyFilter(f: ParsedTaskFilter, raw: Record<string, unknown>): boolean {
  return FILTER_KEYS.every((k) => raw[k] === undefined || raw[k] === null) && f.dates.length === 0;
}

/** Task view for matching: the effective status/batch (processing tasks are overlaid by the scheduler). */
export function matchesTask(f: ParsedTaskFilter, t: TaskRecord): boolean {
  if (f.uids && !f.uids.has(t.uid)) return false;
  if (f.batchUids && (t.batchUid === null || !f.batchUids.has(t.batchUid))) return false;
  if (f.canceledBy && (t.canceledBy === null || !f.canceledBy.has(t.canceledBy))) return false;
  if (f.types && !f.types.has(t.kind.type)) return false;
  if (f.statuses && !f.statuses.has(t.status)) return false;
  if (f.indexUids) {
    if (t.kind.type === 'indexSwap') {
      if (!t.kind.swaps.some((s) => s.indexes.some((u) => f.indexUids!.has(u)))) return false;
    } else if (t.indexUid === null || !f.indexUids.has(t.indexUid)) return false;
  }
  for (const d of f.dates) {
    const v = t[d.field];
    if (v === null) return false;
    const ms = parseRfc3339(v);
    if (d.dir === 'before' ? !(ms < d.bound) : !(ms > d.bound)) return false;
  }
  return true;
}

/** `GET /tasks` pagination parameters. */
export function parsePagination(q: TasksQuery & Record<string, unknown>): { limit: number; from: number | undefined; reverse: boolean } {
  const num = (name: string, v: unknown, code: ErrorCode): number | undefined => {
    if (v === undefined || v === null) return undefined;
    const s = String(v);
    if (!/^\d+$/.test(s) || Number(s) > 4294967295) throw param(name, `could not parse \`${s}\` as a positive integer`, code);
    return Number(s);
  };
  const limit = num('limit', q.limit, 'invalid_task_limit') ?? 20;
  const from = num('from', q.from, 'invalid_task_from');
  let reverse = false;
  const rev: unknown = q.reverse;
  if (rev !== undefined && rev !== null) {
    if (rev === true || rev === 'true') reverse = true;
    else if (rev === false || rev === 'false') reverse = false;
    else throw param('reverse', `could not parse \`${String(rev)}\` as a boolean, expected either \`true\` or \`false\``, 'invalid_task_reverse');
  }
  return { limit, from, reverse };
}

/** `?uids=1,2&statuses=enqueued` — the original filter as Meilisearch records it in task details. */
export function filterQueryString(input: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined || v === null) continue;
    const s = Array.isArray(v) ? v.join(',') : v instanceof Date ? v.toISOString() : String(v);
    parts.push(`${k}=${encodeURIComponent(s).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2A/g, '*')}`);
  }
  return `?${parts.join('&')}`;
}
