/**
 * Facet-value normalization (spec §4.8): the form under which filter, facet, distinct and sort strings are
 * compared. Unlike words, facet values keep their accents.
 */
import { nfkdOf } from './normalizer.ts';

/** Facet strings longer than this many UTF-8 bytes are cut (Meilisearch's LMDB key budget). */
export const MAX_FACET_VALUE_BYTES = 468;

const EDGE_WHITESPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

/** Trims Unicode `White_Space` (Rust's `str::trim`; unlike `String#trim`, U+FEFF is kept). */
export function trimWhiteSpace(s: string): string {
  if (s.length === 0) return s;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  const edgeMaybe = (c: number): boolean => c <= 0x20 || c >= 0x85;
  if (!edgeMaybe(a) && !edgeMaybe(b)) return s;
  return s.replace(EDGE_WHITESPACE, '');
}

/**
 * Normalizes a facet string like Meilisearch: trim, NFKD (one code point at a time), lowercase — combining
 * marks are kept, so `Café` → `cafe\u0301` ≠ `cafe` — then truncated to at most 468 UTF-8 bytes without
 * splitting a character.
 *
 * @example normalizeFacetValue('  Science Fiction ') // 'science fiction'
 */
export function normalizeFacetValue(s: string): string {
  const trimmed = trimWhiteSpace(s);
  let decomposed = '';
  let ascii = true;
  for (let i = 0; i < trimmed.length; i++) {
    if (trimmed.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) decomposed = trimmed;
  else for (const ch of trimmed) decomposed += nfkdOf(ch.codePointAt(0) as number);
  return truncateUtf8(decomposed.toLowerCase(), MAX_FACET_VALUE_BYTES);
}

/** The longest prefix of `s` whose UTF-8 encoding fits in `maxBytes`, cut on a code point boundary. */
export function truncateUtf8(s: string, maxBytes: number): string {
  if (s.length * 3 <= maxBytes) return s;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let size = 1;
    let width = 1;
    if (c >= 0x80) size = c < 0x800 ? 2 : 3;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        size = 4;
        width = 2;
      }
    }
    if (bytes + size > maxBytes) return s.slice(0, i);
    bytes += size;
    i += width - 1;
  }
  return s;
}
