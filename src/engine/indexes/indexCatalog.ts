/** Index records and their read-side states, cached per engine and invalidated when a write commits. */
import { STORES } from '../storage/schema.ts';
import type { Store } from '../storage/store.ts';
import { checkIndexRecord, type IndexRecord } from './indexRecords.ts';
import { IndexState, loadIndexState } from './indexState.ts';
import { indexNotFound } from './indexUid.ts';

export class IndexCatalog {
  private records: Promise<Map<string, IndexRecord>> | null = null;
  private readonly states = new Map<string, Promise<IndexState>>();

  constructor(private readonly store: Store) {}

  private allRecords(): Promise<Map<string, IndexRecord>> {
    if (!this.records) {
      const p = this.store.read([STORES.indexes], async (tx) => {
        const list = await tx.getAll<IndexRecord>(STORES.indexes);
        return new Map(list.map((r) => [r.uid, checkIndexRecord(r)!]));
      });
      this.records = p;
      p.catch(() => {
        if (this.records === p) this.records = null;
      });
    }
    return this.records;
  }

  /** Every index, ordered by uid (byte order). */
  async list(): Promise<IndexRecord[]> {
    return [...(await this.allRecords()).values()].sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  }

  async record(uid: string): Promise<IndexRecord | undefined> {
    return (await this.allRecords()).get(uid);
  }

  async requireRecord(uid: string): Promise<IndexRecord> {
    const r = await this.record(uid);
    if (!r) throw indexNotFound(uid);
    return r;
  }

  /** The read-side state of an index; throws `index_not_found`. */
  async state(uid: string): Promise<IndexState> {
    let p = this.states.get(uid);
    if (!p) {
      p = this.requireRecord(uid).then((r) => loadIndexState(this.store, r));
      this.states.set(uid, p);
      p.catch(() => {
        if (this.states.get(uid) === p) this.states.delete(uid);
      });
    }
    return p;
  }

  /**
   * Loads, in the background, the state and term dictionary of the first `limit` indexes (by uid): started when the
   * engine opens, it overlaps the page's round trips, so a cold worker's first search finds them ready.
   */
  prefetch(limit = 4): void {
    this.list()
      .then((records) => Promise.all(records.slice(0, limit).map((r) => this.state(r.uid).then((s) => s.dictionary()))))
      .catch(() => undefined); // a closed store or a missing index: the first search reports it
  }

  /** Forgets cached records/states (all, or those of the given uids) after a commit. */
  invalidate(uids?: Iterable<string>): void {
    this.records = null;
    if (!uids) {
      this.states.clear();
      return;
    }
    for (const uid of uids) this.states.delete(uid);
  }
}
