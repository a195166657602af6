/**
 * Values of the filter language: an unquoted word, or text in `'…'` / `"…"`. Used for attributes
 * (left operands) and operands alike.
 */

import type { FilterValue } from './ast.ts';
import {
  isSyntaxChar,
  isUnicodeSpace,
  skipAsciiSpace,
  skipWhile,
  widthOf,
  wordAt,
  wordEnd,
} from './filterText.ts';
import { failure, incompleteFailure, spanOf, type ParseState, type Parsed } from './parseState.ts';
import { parseFiniteF64, unescapeValue } from './rustCompat.ts';

/** Words that must be quoted to be used as an attribute or a value. Case-sensitive. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'AND',
  'OR',
  'IN',
  'NOT',
  'TO',
  'EXISTS',
  'IS',
  'NULL',
  'EMPTY',
  'CONTAINS',
  'STARTS',
  'WITH',
  '_geoRadius',
  '_geoBoundingBox',
]);

/**
 * Geo names are operations, not values: `_geoPoint…`, `_geoDistance…` and the word `_geo` are
 * reserved, `_geoRadius` / `_geoBoundingBox` cannot be operands. These errors are hard.
 */
function rejectGeoNames(st: ParseState, at: number): void {
  const { text } = st;
  if (text.startsWith('_geoPoint', at)) throw failure(st, true, { type: 'reservedGeo', name: '_geoPoint' }, at);
  if (text.startsWith('_geoDistance', at)) throw failure(st, true, { type: 'reservedGeo', name: '_geoDistance' }, at);
  const word = wordAt(text, at);
  if (word === '_geo') throw failure(st, true, { type: 'reservedGeo', name: '_geo' }, at);
  if (word === '_geoRadius') throw failure(st, true, { type: 'misusedGeoRadius' }, at);
  if (word === '_geoBoundingBox') throw failure(st, true, { type: 'misusedGeoBoundingBox' }, at);
}

/** The quoted text starting after the opening quote at `open`: its end offset and whether `\<quote>` occurs. */
function scanQuoted(st: ParseState, open: number): { close: number; escapedQuote: boolean } {
  const { text } = st;
  const quote = text.charCodeAt(open);
  let escapedQuote = false;
  let i = open + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === quote) return { close: i, escapedQuote };
    if (c === 0x5c) {
      // a backslash takes the next character with it, whatever it is
      if (i + 1 >= text.length) throw failure(st, true, { type: 'malformedValue' }, open + 1);
      const next = text.codePointAt(i + 1) as number;
      if (next === quote) escapedQuote = true;
      i += 1 + widthOf(next);
    } else {
      i += widthOf(text.codePointAt(i) as number);
    }
  }
  throw failure(st, true, { type: 'missingClosingDelimiter', delimiter: text[open] as string }, open);
}

/**
 * Parses a value at `p`: leading white space is skipped, trailing ASCII white space consumed.
 * Soft failures: no value here (nothing, a reserved word, a bad escape). Hard failures: unclosed
 * quote, misused geo names; a value ending inside an escape sequence aborts the parse.
 */
export function parseValue(st: ParseState, p: number): Parsed<FilterValue> {
  const { text } = st;
  const at = skipWhile(text, p, isUnicodeSpace);
  rejectGeoNames(st, at);
  let start: number;
  let end: number;
  let after: number;
  let written: string;
  const c = text.charCodeAt(at);
  if (c === 0x27 || c === 0x22) {
    const { close, escapedQuote } = scanQuoted(st, at);
    start = at + 1;
    end = close;
    after = close + 1;
    written = text.slice(start, end);
    if (escapedQuote) {
      const quote = text[at] as string;
      written = written.replaceAll(`\\${quote}`, quote);
    }
  } else {
    start = at;
    end = wordEnd(text, at);
    after = end;
    written = text.slice(start, end);
    if (written.length === 0 || RESERVED_WORDS.has(written)) {
      const shownEnd = skipWhile(text, at, (cp) => !isSyntaxChar(cp));
      throw failure(st, false, { type: 'expectedValue', reserved: written.length > 0 }, at, shownEnd);
    }
  }
  const unescaped = unescapeValue(written);
  if (!unescaped.ok) {
    if (unescaped.error === 'incomplete') throw incompleteFailure(st);
    const kind = unescaped.error === 'number' ? 'invalidEscapedNumber' : 'malformedValue';
    throw failure(st, false, { type: kind }, start, end);
  }
  const raw = unescaped.value;
  return { node: { raw, number: parseFiniteF64(raw), span: spanOf(st, start, end) }, end: skipAsciiSpace(text, after) };
}
