/**
 * An in-memory stand-in for an OPFS directory, with the File System spec's semantics that matter here:
 * `createWritable()` writes to a swap buffer that replaces the file's content only on `close()` (discarded on
 * `abort()`), `move(name)` renames and replaces an existing file, `getFileHandle` throws `NotFoundError`.
 */
import type { SnapshotDirectoryHandle, SnapshotFileHandle } from '../../../src/backup/snapshot/opfsSnapshots.ts';
import { concat } from './helpers.ts';

export interface FakeDirOptions {
  /** Leave out `move()` (engines without it). */
  noMove?: boolean;
  /** Leave out `createWritable()` (only sync access handles). */
  noCreateWritable?: boolean;
  /** Make a writable stream fail once this many bytes have been written to it. */
  failAfterBytes?: number;
  /** Make `move()` fail. */
  failMove?: boolean;
  /** Called after every chunk written to any writable (to inspect the directory mid-write). */
  onWrite?: () => void;
}

function domError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

export class FakeDir implements SnapshotDirectoryHandle {
  readonly files = new Map<string, Uint8Array>();
  readonly options: FakeDirOptions;

  constructor(options: FakeDirOptions = {}) {
    this.options = options;
  }

  async *keys(): AsyncGenerator<string> {
    for (const k of [...this.files.keys()]) yield k;
  }

  async removeEntry(name: string): Promise<void> {
    if (!this.files.delete(name)) throw domError('NotFoundError', name);
  }

  async getFileHandle(name: string, opts: { create?: boolean } = {}): Promise<SnapshotFileHandle> {
    if (!this.files.has(name)) {
      if (!opts.create) throw domError('NotFoundError', `${name} not found`);
      this.files.set(name, new Uint8Array(0));
    }
    return this.handle(name);
  }

  private handle(initial: string): SnapshotFileHandle {
    const dir = this;
    let name = initial;
    const content = () => {
      const c = dir.files.get(name);
      if (!c) throw domError('NotFoundError', `${name} was removed`);
      return c;
    };
    const h: SnapshotFileHandle = {
      get name() {
        return name;
      },
      getFile: async () => new File([content() as Uint8Array<ArrayBuffer>], name),
    };
    if (!this.options.noCreateWritable) {
      h.createWritable = async () => {
        content();
        const swap: Uint8Array[] = [];
        let written = 0;
        return new WritableStream<Uint8Array>({
          write(chunk) {
            written += chunk.length;
            if (dir.options.failAfterBytes !== undefined && written > dir.options.failAfterBytes) {
              throw domError('QuotaExceededError', 'quota exceeded');
            }
            swap.push(chunk.slice());
            dir.options.onWrite?.();
          },
          close() {
            dir.files.set(name, concat(swap));
          },
        });
      };
    } else {
      h.createSyncAccessHandle = async () => {
        let buf = content().slice();
        return {
          write(data: Uint8Array, o: { at?: number } = {}) {
            const at = o.at ?? 0;
            if (at + data.length > buf.length) {
              const next = new Uint8Array(at + data.length);
              next.set(buf);
              buf = next;
            }
            buf.set(data, at);
            dir.files.set(name, buf); // sync access handles write in place
            dir.options.onWrite?.();
            return data.length;
          },
          truncate(size: number) {
            buf = buf.slice(0, size);
            dir.files.set(name, buf);
          },
          flush() {},
          close() {},
        };
      };
    }
    if (!this.options.noMove) {
      h.move = async (newName: string) => {
        if (dir.options.failMove) throw domError('InvalidModificationError', 'move failed');
        const c = content();
        dir.files.delete(name);
        dir.files.set(newName, c);
        name = newName;
      };
    }
    return h;
  }
}
