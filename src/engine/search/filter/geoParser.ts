/**
 * The geo functions `_geoRadius(lat, lng, meters[, resolution])`,
 * `_geoBoundingBox([lat, lng], [lat, lng])` and `_geoPolygon([lat, lng], [lat, lng], [lat, lng], ...)`.
 * Once the function name is read, any mistake is a hard error specific to that function.
 */

import type { FilterGeo, FilterValue, GeoPoint } from './ast.ts';
import { ParseFailure, type SyntaxErrorKind } from './filterErrors.ts';
import { skipAsciiSpace, wordAt } from './filterText.ts';
import { failure, spanOf, type ParseState, type Parsed } from './parseState.ts';
import { parseFiniteF64 } from './rustCompat.ts';

function skipDigits(text: string, i: number): number {
  let j = i;
  while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
  return j;
}

/** A float literal at `i` (`[+-]` then `1`, `1.`, `1.5` or `.5`, then an optional exponent): its end. */
function floatEnd(st: ParseState, i: number): number {
  const { text } = st;
  let j = i;
  if (text[j] === '+' || text[j] === '-') j++;
  const digitsEnd = skipDigits(text, j);
  if (digitsEnd > j) {
    j = digitsEnd;
    if (text[j] === '.') j = skipDigits(text, j + 1);
  } else {
    if (text[j] !== '.') throw failure(st, false, { type: 'unexpected', what: 'Char' }, j);
    const fractionEnd = skipDigits(text, j + 1);
    if (fractionEnd === j + 1) throw failure(st, false, { type: 'unexpected', what: 'Digit' }, j + 1);
    j = fractionEnd;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    let k = j + 1;
    if (text[k] === '+' || text[k] === '-') k++;
    const exponentEnd = skipDigits(text, k);
    // an exponent marker commits to an exponent
    if (exponentEnd === k) throw failure(st, true, { type: 'unexpected', what: 'Digit' }, k);
    j = exponentEnd;
  }
  return j;
}

/** One number, white space around it allowed. */
function number(st: ParseState, i: number): Parsed<FilterValue> {
  const start = skipAsciiSpace(st.text, i);
  const end = floatEnd(st, start);
  const raw = st.text.slice(start, end);
  return { node: { raw, number: parseFiniteF64(raw), span: spanOf(st, start, end) }, end: skipAsciiSpace(st.text, end) };
}

/** One or more `item`s separated by `,`; a separator not followed by an item is left unread. */
function separated<T>(st: ParseState, i: number, item: (st: ParseState, i: number) => Parsed<T>): Parsed<T[]> {
  const first = item(st, i);
  const items = [first.node];
  let pos = first.end;
  while (st.text[pos] === ',') {
    let next: Parsed<T>;
    try {
      next = item(st, pos + 1);
    } catch (e) {
      if (e instanceof ParseFailure && !e.hard) break;
      throw e;
    }
    items.push(next.node);
    pos = next.end;
  }
  return { node: items, end: pos };
}

/** `[n, n, ...]`, white space around it allowed. */
function bracketed(st: ParseState, i: number): Parsed<FilterValue[]> {
  const open = skipAsciiSpace(st.text, i);
  if (st.text[open] !== '[') throw failure(st, false, { type: 'unexpected', what: 'Char' }, open);
  const list = separated(st, open + 1, number);
  if (st.text[list.end] !== ']') throw failure(st, false, { type: 'unexpected', what: 'Char' }, list.end);
  return { node: list.node, end: skipAsciiSpace(st.text, list.end + 1) };
}

/** Runs the argument parser of a geo function; any failure becomes `kind` at the same place. */
function args<T>(st: ParseState, kind: SyntaxErrorKind, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ParseFailure) throw new ParseFailure(true, kind, e.span);
    throw e;
  }
}

function closeParen(st: ParseState, at: number): number {
  if (st.text[at] !== ')') throw failure(st, false, { type: 'unexpected', what: 'Char' }, at);
  return at + 1;
}

function openParen(st: ParseState, at: number): number {
  if (st.text[at] !== '(') throw failure(st, false, { type: 'unexpected', what: 'Char' }, at);
  return at + 1;
}

function geoRadius(st: ParseState, at: number): Parsed<FilterGeo> {
  const kind: SyntaxErrorKind = { type: 'geoRadius' };
  const list = args(st, kind, () => {
    const inner = separated(st, openParen(st, at), number);
    return { node: inner.node, end: closeParen(st, inner.end) };
  });
  const values = list.node;
  if (values.length < 3 || values.length > 4) {
    throw failure(st, true, { type: 'geoRadiusArgumentCount', count: values.length }, list.end);
  }
  const [lat, lng, radius, resolution] = values as [FilterValue, FilterValue, FilterValue, FilterValue?];
  return { node: { kind: 'geoRadius', lat, lng, radius, resolution: resolution ?? null }, end: list.end };
}

/** The first `[...]` that is not a pair fails with its first number as context. */
function checkPairs(points: FilterValue[][]): GeoPoint[] {
  return points.map((point) => {
    const [lat, lng] = point as [FilterValue, FilterValue];
    if (point.length !== 2) throw new ParseFailure(true, { type: 'geoCoordinatesNotPair', count: point.length }, lat.span);
    return [lat, lng] as const;
  });
}

function geoBoundingBox(st: ParseState, at: number): Parsed<FilterGeo> {
  const list = args(st, { type: 'geoBoundingBox' }, () => {
    const inner = separated(st, openParen(st, at), bracketed);
    return { node: inner.node, end: closeParen(st, inner.end) };
  });
  if (list.node.length !== 2) throw failure(st, true, { type: 'geoBoundingBox' }, list.end);
  const [topRight, bottomLeft] = checkPairs(list.node) as [GeoPoint, GeoPoint];
  return { node: { kind: 'geoBoundingBox', topRight, bottomLeft }, end: list.end };
}

function geoPolygon(st: ParseState, at: number): Parsed<FilterGeo> {
  const list = args(st, { type: 'geoPolygon' }, () => {
    const inner = separated(st, openParen(st, at), bracketed);
    // a trailing comma is tolerated
    const comma = skipAsciiSpace(st.text, inner.end);
    const close = st.text[comma] === ',' ? skipAsciiSpace(st.text, comma + 1) : inner.end;
    return { node: inner.node, end: closeParen(st, close) };
  });
  const points = list.node;
  if (points.length < 3) {
    const lastPoint = points[points.length - 1] as FilterValue[];
    const lastNumber = lastPoint[lastPoint.length - 1] as FilterValue;
    throw new ParseFailure(true, { type: 'geoPolygonNotEnoughPoints', count: points.length }, lastNumber.span);
  }
  return { node: { kind: 'geoPolygon', points: checkPairs(points) }, end: list.end };
}

/**
 * A geo function at `p` (after optional ASCII white space), or `null` when the next word names none.
 * Nothing after the closing parenthesis is consumed.
 */
export function parseGeoFunction(st: ParseState, p: number): Parsed<FilterGeo> | null {
  const at = skipAsciiSpace(st.text, p);
  const name = wordAt(st.text, at);
  if (name === '_geoRadius') return geoRadius(st, at + name.length);
  if (name === '_geoBoundingBox') return geoBoundingBox(st, at + name.length);
  if (name === '_geoPolygon') return geoPolygon(st, at + name.length);
  return null;
}
