/**
 * Segments built off the engine's thread. A job carries everything a {@link SegmentBuilder} needs — the index's
 * settings, its fields map and the documents — so a pool of workers (`src/worker/segmentBuildPool.ts`) can build
 * the segments of one batch in parallel with the engine's own thread. The fields map is complete before building
 * (a batch inserts every field path while applying its tasks), so field ids cannot diverge between builders; a job
 * that would add a field fails with {@link FieldsDiverged} and is built in-thread instead. Environments without
 * workers (Node, service workers) build everything in-thread.
 */
import type { Settings } from '../types/settings.ts';
import type { Document } from '../types/indexes.ts';
import { FieldsMap } from '../indexes/fieldsMap.ts';
import { FieldRuleCache, matchesPattern } from '../indexes/fieldRules.ts';
import { analyzerFor } from '../indexes/indexState.ts';
import { SegmentBuilder, type BuiltSegment, type SegmentBuilderOptions } from './segmentBuilder.ts';

/** A document to index under its internal id. */
export interface DocToIndex {
  docid: number;
  id: string;
  doc: Document;
}

export interface SegmentJob {
  seg: number;
  createdAt: string;
  settings: Settings;
  /** field names in field-id order */
  fields: readonly string[];
  /** ascending docids */
  docs: readonly DocToIndex[];
}

/** Builds segments elsewhere (workers). `size`: how many jobs it runs at once. */
export interface SegmentBuildPool {
  readonly size: number;
  build(job: SegmentJob): Promise<BuiltSegment>;
  /** A batch large enough for the pool is starting: start the workers now (they compile while it is applied). */
  warm?(): void;
}

/** A job met a field its fields map did not have: build it where the map lives. */
export class FieldsDiverged extends Error {
  constructor() {
    super('A document of the segment has a field missing from the fields map.');
    this.name = 'FieldsDiverged';
  }
}

/** Locales of a field path from `localizedAttributes`, if any rule matches it. */
export function localesForPath(settings: Settings, path: string): readonly string[] | undefined {
  const rules = settings.localizedAttributes;
  if (!rules) return undefined;
  const rule = rules.find((r) => r.attributePatterns.some((p) => matchesPattern(p, path)));
  return rule?.locales;
}

/** Builder options of an index's settings and fields map. */
export function segmentBuilderOptions(settings: Settings, fields: FieldsMap): SegmentBuilderOptions {
  return {
    analyzer: analyzerFor(settings),
    fields,
    rules: new FieldRuleCache(settings),
    localesFor: (path) => localesForPath(settings, path),
  };
}

/** Builds a job's segment synchronously (in a pool worker). */
export function buildSegment(job: SegmentJob): BuiltSegment {
  const fields = new FieldsMap([...job.fields]);
  const builder = new SegmentBuilder(segmentBuilderOptions(job.settings, fields));
  for (const d of job.docs) builder.add(d.docid, d.doc, d.id);
  if (fields.size !== job.fields.length) throw new FieldsDiverged();
  return builder.build(job.seg, job.createdAt);
}

/** The buffers a built segment owns whole, to transfer instead of copying. */
export function segmentTransferables(built: BuiltSegment): ArrayBuffer[] {
  const r = built.record;
  const views: (Uint8Array | Uint32Array | undefined)[] = [...built.blocks, ...built.facets.map(([, b]) => b), r.docs, r.wordDocCounts, r.wordBlocks, r.wordOffsets, r.wordLengths, r.fieldWordCounts];
  const out = new Set<ArrayBuffer>();
  for (const v of views) {
    if (v && v.byteOffset === 0 && v.buffer instanceof ArrayBuffer && v.byteLength === v.buffer.byteLength) out.add(v.buffer);
  }
  return [...out];
}
