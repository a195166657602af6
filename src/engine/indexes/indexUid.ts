import { EngineError } from '../../errors/engineError.ts';
import { utf8Length } from '../storage/byteCodec.ts';

/** Index uid: 1..=400 bytes of `[A-Za-z0-9_-]` (spec §0). */
export function isValidIndexUid(uid: unknown): uid is string {
  return typeof uid === 'string' && uid.length > 0 && utf8Length(uid) <= 400 && /^[A-Za-z0-9_-]+$/.test(uid);
}

/** Meilisearch's message (which says 512 bytes although the limit is 400). */
export function invalidIndexUidMessage(uid: string): string {
  return `\`${uid}\` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 512 bytes.`;
}

/** Throws `invalid_index_uid` unless `uid` is valid. */
export function checkIndexUid(uid: unknown): string {
  if (typeof uid === 'number' && Number.isInteger(uid)) uid = String(uid);
  if (!isValidIndexUid(uid)) throw new EngineError('invalid_index_uid', invalidIndexUidMessage(String(uid)));
  return uid;
}

export function indexNotFound(uid: string): EngineError {
  return new EngineError('index_not_found', `Index \`${uid}\` not found.`);
}

export function indexAlreadyExists(uid: string): EngineError {
  return new EngineError('index_already_exists', `Index \`${uid}\` already exists.`);
}
