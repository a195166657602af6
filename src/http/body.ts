/**
 * Request bodies: size limit (413 `payload_too_large`), JSON routes (415 when the Content-Type is missing or not
 * JSON, 400 `missing_payload` when empty, 400 `malformed_payload` when it does not parse) — as Meilisearch's
 * actix configuration answers them.
 */
import { EngineError } from '../errors/engineError.ts';
import { invalidContentType, mediaType, missingContentType } from '../engine/documents/payloadFormats.ts';
import { jsonSyntaxError } from '../engine/documents/jsonSyntax.ts';

/** Meilisearch's default `--http-payload-size-limit`: 100 MB. */
export const DEFAULT_PAYLOAD_LIMIT = 100_000_000;

/** byte_unit's "appropriate unit" text, as in "The maximum accepted payload size is 100 MB." */
export function byteUnitText(bytes: number): string {
  const binary = bytes % 1024 === 0;
  const base = binary ? 1024 : 1000;
  const units = binary ? ['B', 'KiB', 'MiB', 'GiB', 'TiB'] : ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= base && u < units.length - 1) {
    v /= base;
    u++;
  }
  return `${v} ${units[u]}`;
}

export function payloadTooLarge(limit: number): EngineError {
  return new EngineError('payload_too_large', `The provided payload reached the size limit. The maximum accepted payload size is ${byteUnitText(limit)}.`);
}

/** actix-web's messages for JSON bodies over the limit (Meilisearch passes them through). */
function jsonTooLarge(limit: number, declared?: number): EngineError {
  return new EngineError(
    'payload_too_large',
    declared === undefined ? `JSON payload has exceeded limit (${limit} bytes).` : `JSON payload (${declared} bytes) is larger than allowed (limit: ${limit} bytes).`,
  );
}

/**
 * Reads the whole body, failing with 413 as soon as it exceeds `limit` bytes (`tooLarge` builds the error,
 * from the declared Content-Length when there is one).
 */
export async function readBody(request: Request, limit: number, tooLarge: (limit: number, declared?: number) => EngineError = payloadTooLarge): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit, declared);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}

/** actix's JSON rule: a media type whose subtype is `json` or ends in `+json`. */
function isJsonMedia(contentType: string): boolean {
  const media = mediaType(contentType);
  if (!media) return false;
  const sub = media.slice(media.indexOf('/') + 1);
  return sub === 'json' || sub.endsWith('+json');
}

/** Checks the Content-Type of a JSON route (415 `missing_content_type` / `invalid_content_type`). */
export function checkJsonContentType(request: Request): void {
  const ct = request.headers.get('content-type');
  if (ct === null) throw missingContentType(['application/json']);
  if (!isJsonMedia(ct)) throw invalidContentType(ct, ['application/json']);
}

/**
 * The JSON body of a JSON route. An empty body is `missing_payload` ("A json payload is missing."), unless
 * `optional` (routes such as `POST /dumps` that take no body).
 */
export async function readJsonBody(request: Request, limit: number, options: { optional?: boolean } = {}): Promise<unknown> {
  checkJsonContentType(request);
  const bytes = await readBody(request, limit, jsonTooLarge);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') {
    if (options.optional) return undefined;
    if (text.length === 0) throw new EngineError('missing_payload', 'A json payload is missing.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new EngineError('malformed_payload', `The json payload provided is malformed. \`${jsonSyntaxError(text)}\`.`);
  }
}
