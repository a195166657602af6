/**
 * Distinct (spec §5.7), applied as buckets are consumed: in a bucket, documents are taken in id order; a
 * document sharing a value with one already kept is dropped, and every document holding a kept value leaves the
 * remaining candidates (and the totals). Documents without the attribute are always kept.
 */
import { EMPTY, fromArray, intersect, type DocSet } from '../../storage/docSet.ts';
import type { DistinctSource } from '../pipeline.ts';

function keyOf(v: string | number): string {
  return typeof v === 'number' ? `n${v}` : `s${v}`;
}

export interface DistinctOutput {
  remaining: DocSet;
  excluded: DocSet;
}

export class DistinctTracker {
  /** keys of every document of the universe (read once, when the source cannot list documents by key) */
  private universeKeys: Map<number, string[]> | null = null;
  private byKey: Map<string, number[]> | null = null;

  constructor(
    private readonly source: DistinctSource,
    private readonly universe: DocSet,
  ) {}

  private async loadUniverse(): Promise<void> {
    if (this.universeKeys) return;
    const keys = await this.source.keys(Array.from(this.universe));
    this.universeKeys = new Map();
    this.byKey = new Map();
    for (const [doc, values] of keys) {
      const ks = values.map(keyOf);
      this.universeKeys.set(doc, ks);
      for (const k of ks) {
        let list = this.byKey.get(k);
        if (!list) this.byKey.set(k, (list = []));
        list.push(doc);
      }
    }
  }

  /** values already kept, across buckets */
  private readonly used = new Set<string>();

  /** Keeps one document per value in `candidates`; `excluded` = documents of the universe holding a kept value. */
  async apply(candidates: DocSet): Promise<DistinctOutput> {
    if (candidates.length === 0) return { remaining: EMPTY, excluded: EMPTY };
    const docsWithKeys = this.source.docsWithKeys?.bind(this.source);
    let keysOf: (doc: number) => string[];
    if (docsWithKeys) {
      const m = await this.source.keys(Array.from(candidates));
      keysOf = (d) => (m.get(d) ?? []).map(keyOf);
    } else {
      await this.loadUniverse();
      keysOf = (d) => this.universeKeys!.get(d) ?? [];
    }
    const fresh: string[] = [];
    const remaining: number[] = [];
    for (const doc of candidates) {
      const ks = keysOf(doc);
      if (ks.some((k) => this.used.has(k))) continue;
      remaining.push(doc);
      for (const k of ks) {
        if (this.used.has(k)) continue;
        this.used.add(k);
        fresh.push(k);
      }
    }
    let excluded: DocSet = EMPTY;
    if (fresh.length) {
      if (docsWithKeys) excluded = intersect(await docsWithKeys(fresh.map((k) => (k[0] === 'n' ? Number(k.slice(1)) : k.slice(1)))), this.universe);
      else excluded = fromArray(fresh.flatMap((k) => this.byKey!.get(k) ?? []));
    }
    return { remaining: Uint32Array.from(remaining), excluded };
  }

  /** Meilisearch's final pass for exact totals: one document per value over `docs`, in id order. */
  async distinctCount(docs: DocSet): Promise<DocSet> {
    const m = await this.source.keys(Array.from(docs));
    const used = new Set<string>();
    const kept: number[] = [];
    for (const d of docs) {
      const ks = (m.get(d) ?? []).map(keyOf);
      if (ks.some((k) => used.has(k))) continue;
      kept.push(d);
      for (const k of ks) used.add(k);
    }
    return Uint32Array.from(kept);
  }
}
