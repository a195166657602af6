/**
 * Errors cross Comlink with their identity: an `EngineError` arrives as an `EngineError` (code, type, link,
 * HTTP status intact), a timeout as a `TaskTimeoutError`, anything else as an `Error` with name and message.
 * Both the page and the worker import this module, so both sides agree.
 */
import * as Comlink from 'comlink';
import { EngineError, TaskTimeoutError } from '../errors/engineError.ts';
import { isErrorCode } from '../errors/errorCodes.ts';

type SerializedThrown =
  | { kind: 'engine'; code: string; message: string }
  | { kind: 'timeout'; taskUid: number; timeout: number }
  | { kind: 'error'; name: string; message: string; stack?: string }
  | { kind: 'value'; value: unknown };

interface ThrownValue {
  value: unknown;
}

// Comlink marks thrown values with a private symbol; its own 'throw' handler knows how to recognize them.
const defaultThrowHandler = Comlink.transferHandlers.get('throw')!;

export const errorTransferHandler: Comlink.TransferHandler<ThrownValue, SerializedThrown> = {
  canHandle: (v: unknown): v is ThrownValue => defaultThrowHandler.canHandle(v),
  serialize({ value }) {
    if (value instanceof EngineError) return [{ kind: 'engine', code: value.code, message: value.message }, []];
    if (value instanceof TaskTimeoutError) return [{ kind: 'timeout', taskUid: value.taskUid, timeout: value.timeout }, []];
    if (value instanceof Error) return [{ kind: 'error', name: value.name, message: value.message, stack: value.stack }, []];
    return [{ kind: 'value', value }, []];
  },
  deserialize(s) {
    switch (s.kind) {
      case 'engine':
        throw new EngineError(isErrorCode(s.code) ? s.code : 'internal', s.message);
      case 'timeout':
        throw new TaskTimeoutError(s.taskUid, s.timeout);
      case 'error': {
        const e = new Error(s.message);
        e.name = s.name;
        if (s.stack) e.stack = s.stack;
        throw e;
      }
      default:
        throw s.value;
    }
  },
};

let registered = false;

/** Installs the handler (idempotent). */
export function registerTransferHandlers(): void {
  if (registered) return;
  registered = true;
  Comlink.transferHandlers.set('throw', errorTransferHandler as Comlink.TransferHandler<unknown, unknown>);
}
