/**
 * Experimental features that change what filters accept (Meilisearch's `PATCH /experimental-features`).
 * Only `containsFilter` matters to pocketsearch; the flags live per engine, in memory, like a
 * Meilisearch instance started without them persisted (they reset when the engine is re-created).
 */
import type { EngineContext } from '../../engineContext.ts';
import { isPlainObject, typeError, unknownField } from '../../validation/jsonValidation.ts';

/**
 * The experimental features pocketsearch knows.
 *
 * @inline
 */
export interface ExperimentalFeatures {
  /** Enables the `CONTAINS` / `NOT CONTAINS` filter operators. Default false. */
  containsFilter: boolean;
}

const features = new WeakMap<EngineContext, ExperimentalFeatures>();

/** The features of an engine (all off unless changed). */
export function experimentalFeatures(ctx: EngineContext): ExperimentalFeatures {
  return { ...(features.get(ctx) ?? { containsFilter: false }) };
}

/**
 * Changes some features and returns them all. Unknown keys and non-boolean values are refused with
 * `bad_request`, as Meilisearch's route does.
 *
 * @example updateExperimentalFeatures(ctx, { containsFilter: true }) // { containsFilter: true }
 */
export function updateExperimentalFeatures(ctx: EngineContext, patch: Partial<ExperimentalFeatures>): ExperimentalFeatures {
  const next = experimentalFeatures(ctx);
  if (!isPlainObject(patch)) throw typeError('bad_request', '', 'an object', patch);
  for (const [k, v] of Object.entries(patch)) {
    if (k !== 'containsFilter') throw unknownField('bad_request', k, ['containsFilter']);
    if (v === null || v === undefined) continue;
    if (typeof v !== 'boolean') throw typeError('bad_request', `.${k}`, 'a boolean', v);
    next.containsFilter = v;
  }
  features.set(ctx, next);
  return { ...next };
}
