import { EngineError } from '../../errors/engineError.ts';
import { compareUtf8 } from '../storage/byteCodec.ts';
import type { Document } from '../types/indexes.ts';

/**
 * Primary key inference on the first document of a payload (spec §3): the top-level keys whose lowercase
 * form ends with `id`; exactly one must exist.
 */
export function inferPrimaryKey(first: Document): string {
  const candidates = Object.keys(first)
    .filter((k) => k.toLowerCase().endsWith('id'))
    .sort(compareUtf8);
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) {
    throw new EngineError(
      'index_primary_key_no_candidate_found',
      'The primary key inference failed as the engine did not find any field ending with `id` in its name. Please specify the primary key manually using the `primaryKey` query parameter.',
    );
  }
  throw new EngineError(
    'index_primary_key_multiple_candidates_found',
    `The primary key inference failed as the engine found ${candidates.length} fields ending with \`id\` in their names: '${candidates[0]}' and '${candidates[1]}'. Please specify the primary key manually using the \`primaryKey\` query parameter.`,
  );
}

export function primaryKeyAlreadyExists(pk: string): EngineError {
  return new EngineError('index_primary_key_already_exists', `Index already has a primary key: \`${pk}\`.`);
}
