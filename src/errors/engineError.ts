import { ERROR_CODES, errorLink, isErrorCode, type ErrorCode, type ErrorType } from './errorCodes.ts';

/** The JSON body of a Meilisearch error, as found in HTTP responses and in `task.error`. */
export interface ErrorObject {
  message: string;
  code: string;
  type: ErrorType | string;
  link: string;
}

/**
 * The one error type of pocketsearch. It carries Meilisearch's `code`, `type`, `link` and HTTP status,
 * crosses Comlink with all of them intact, and serializes to Meilisearch's error body with `toJSON()`.
 *
 * @example
 * ```ts
 * try { await index.search('x', { limit: -1 }) }
 * catch (e) { if (e instanceof EngineError && e.code === 'invalid_search_limit') … }
 * ```
 */
export class EngineError extends Error {
  readonly code: ErrorCode;
  readonly type: ErrorType;
  readonly link: string;
  readonly httpStatus: number;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    const [type, status] = ERROR_CODES[code];
    this.type = type;
    this.httpStatus = status;
    this.link = errorLink(code);
  }

  /**
   * Meilisearch's error body `{message, code, type, link}`.
   *
   * @example
   * ```ts
   * return new Response(JSON.stringify(error), { status: error.httpStatus }); // JSON.stringify calls toJSON()
   * ```
   */
  toJSON(): ErrorObject {
    return { message: this.message, code: this.code, type: this.type, link: this.link };
  }

  /**
   * Rebuilds an error from its JSON body (e.g. `task.error` or an HTTP response).
   *
   * @example
   * ```ts
   * const task = await index.addDocuments(docs).waitTask();
   * if (task.status === 'failed') throw EngineError.fromJSON(task.error!);
   * ```
   */
  static fromJSON(obj: ErrorObject): EngineError {
    const code = isErrorCode(obj.code) ? obj.code : 'internal';
    return new EngineError(code, obj.message);
  }

  /** @internal Same error with `prefix` prepended to its message (e.g. "Index `movies`: "). */
  withPrefix(prefix: string): EngineError {
    return new EngineError(this.code, prefix + this.message);
  }
}

export function isEngineError(e: unknown): e is EngineError {
  return e instanceof EngineError;
}

/** Quota errors of IndexedDB/OPFS become a coded `no_space_left_on_device`; other unknown errors become `internal`. */
export function toEngineError(e: unknown): EngineError {
  if (e instanceof EngineError) return e;
  const name = (e as { name?: string } | null)?.name;
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError') {
    return new EngineError('no_space_left_on_device', `The browser's storage quota is exhausted: ${message}`);
  }
  return new EngineError('internal', message || 'An internal error occurred.');
}

/**
 * Thrown by `waitForTask` when the task is still unfinished after the timeout (not an engine error: the task
 * goes on). Same name and message as the official client's error.
 */
export class TaskTimeoutError extends Error {
  constructor(
    readonly taskUid: number,
    readonly timeout: number,
  ) {
    super(`timeout of ${timeout}ms has exceeded on task ${taskUid} when waiting a task to be resolved.`);
    this.name = 'MeiliSearchTaskTimeOutError';
  }
}
