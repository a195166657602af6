/**
 * Highlighting and cropping of one leaf value, and its match positions (spec §7).
 */
import type { Analyzer } from '../../text/types.ts';
import type { MatchPosition } from '../../types/search.ts';
import { utf8Length } from '../../storage/byteCodec.ts';
import type { MatchedText, QueryMatcher } from './matcher.ts';
import { cropBounds } from './crop.ts';

/** What to do with a value: highlight it, crop it to N words (0 = no crop), both, or neither. */
export interface FormatOptions {
  highlight: boolean;
  crop: number | null;
}

/** Tags and marker of a search. */
export interface FormatTags {
  preTag: string;
  postTag: string;
  cropMarker: string;
}

/**
 * A number as JSON writes it (serde_json): integers plainly, other values in shortest round-trip form
 * with a bare exponent (`1e21`, `1.5e-7`).
 */
export function numberText(n: number): string {
  return String(n).replace('e+', 'e');
}

/** The formatted text of a tokenized, matched value. */
export function formatMatched(m: MatchedText, options: FormatOptions, tags: FormatTags): string {
  const { text, tokens, matches } = m;
  const [start, end] = options.crop && options.crop > 0 ? cropBounds(m, options.crop) : [0, text.length];
  let out = start > 0 && tags.cropMarker !== '' ? tags.cropMarker : '';
  let at = start;
  if (options.highlight) {
    for (const match of matches) {
      let mStart = tokens[match.firstToken].start;
      let mEnd = tokens[match.lastToken].end;
      if (mEnd < start || mStart > end) continue;
      mStart = Math.max(mStart, start);
      mEnd = Math.min(mEnd, end);
      if (at < mStart) out += text.slice(at, mStart);
      const hlEnd = Math.min(Math.max(match.highlightEnd, mStart), mEnd);
      out += tags.preTag + text.slice(mStart, hlEnd) + tags.postTag;
      // a prefix match: the rest of the word goes after the closing tag
      if (hlEnd < mEnd) out += text.slice(hlEnd, mEnd);
      at = mEnd;
    }
  }
  if (at < end) out += text.slice(at, end);
  if (end < text.length && tags.cropMarker !== '') out += tags.cropMarker;
  return out;
}

/** `_matchesPosition` entries of a matched value: UTF-8 byte offsets in the original text. */
export function matchPositions(m: MatchedText, indices: readonly number[]): MatchPosition[] {
  return m.matches.map((match) => {
    const token = m.tokens[match.firstToken];
    const pos: MatchPosition = { start: token.byteStart, length: utf8Length(m.text.slice(token.start, match.highlightEnd)) };
    if (indices.length) pos.indices = [...indices];
    return pos;
  });
}

/**
 * Formats one leaf of a document: strings and numbers (as their JSON text) are matched and, when
 * `options` says so, cropped and highlighted; numbers always come back as strings; other values are
 * returned as they are. Match positions are appended to `positions` when given.
 */
export function formatLeaf(
  value: unknown,
  options: FormatOptions | null,
  matcher: QueryMatcher,
  analyzer: Analyzer,
  tags: FormatTags,
  locales: readonly string[] | undefined,
  indices: readonly number[],
  positions: MatchPosition[] | null,
): unknown {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') text = numberText(value);
  else return value;
  const shouldFormat = options !== null && (options.highlight || options.crop !== null);
  if (!shouldFormat && positions === null) return text;
  const matched = matcher.match(analyzer, text, locales);
  if (positions) positions.push(...matchPositions(matched, indices));
  return shouldFormat ? formatMatched(matched, options, tags) : text;
}
