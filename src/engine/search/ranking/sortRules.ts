/**
 * The `sort` parameter's criteria and custom `field:asc|desc` rules (spec §5.4), and `_geoPoint` sorting, over
 * the filters layer's `SortSource`: buckets in value order (numbers before strings in both directions), then
 * the documents without a value. They give no rank (they do not change `_rankingScore`) but appear in the
 * details with the bucket's value.
 */
import { intersect, type DocSet } from '../../storage/docSet.ts';
import type { GeoBucket, SortBucket, SortSource } from '../pipeline.ts';
import type { QueryGraph } from '../query/queryGraph.ts';
import type { RankingRule, RuleBucket } from './rankingRule.ts';

export class SortRule implements RankingRule {
  readonly id: string;
  private iter: AsyncIterator<SortBucket> | null = null;
  private query: QueryGraph | null = null;

  /** `redacted`: the field is not displayed, so its name and values are hidden in the details. */
  constructor(
    private readonly source: SortSource,
    private readonly field: string,
    private readonly ascending: boolean,
    private readonly redacted: boolean,
  ) {
    this.id = `${field}:${ascending ? 'asc' : 'desc'}`;
  }

  start(universe: DocSet, query: QueryGraph | null): void {
    this.iter = this.source.buckets(this.field, this.ascending ? 'asc' : 'desc', universe)[Symbol.asyncIterator]();
    this.query = query;
  }

  async next(universe: DocSet): Promise<RuleBucket | null> {
    const r = this.iter ? await this.iter.next() : { done: true as const, value: undefined };
    const value = r.done ? null : r.value.value;
    // Once the values are exhausted, what is left has no value (Meilisearch returns it with `null`).
    const docs = r.done ? universe : intersect(r.value.docs, universe);
    return { docs, query: this.query, score: { kind: 'sort', field: this.field, ascending: this.ascending, redacted: this.redacted, value } };
  }

  end(): void {
    void this.iter?.return?.();
    this.iter = null;
    this.query = null;
  }
}

export class GeoSortRule implements RankingRule {
  readonly id = 'geo_sort';
  private iter: AsyncIterator<GeoBucket> | null = null;
  private query: QueryGraph | null = null;

  constructor(
    private readonly source: SortSource,
    private readonly point: [number, number],
    private readonly ascending: boolean,
  ) {}

  start(universe: DocSet, query: QueryGraph | null): void {
    this.iter = this.source.geoBuckets(this.point, this.ascending ? 'asc' : 'desc', universe)[Symbol.asyncIterator]();
    this.query = query;
  }

  async next(universe: DocSet): Promise<RuleBucket | null> {
    const r = this.iter ? await this.iter.next() : { done: true as const, value: undefined };
    const b = r.done ? null : r.value;
    return {
      docs: b ? intersect(b.docs, universe) : universe,
      query: this.query,
      score: {
        kind: 'geoSort',
        point: this.point,
        ascending: this.ascending,
        value: b?.point ? [b.point.lat, b.point.lng] : null,
        distance: b?.distance ?? null,
      },
    };
  }

  end(): void {
    void this.iter?.return?.();
    this.iter = null;
    this.query = null;
  }
}
