/**
 * Filter error messages, worded exactly as Meilisearch's. Every filter error is two lines: the
 * diagnostic, then the position `start:end <filter>` (1-based columns in code points, counted from
 * the last line feed; `<filter>` is the string that was parsed — for the array form, the element).
 */

import { EngineError } from '../../../errors/engineError.ts';
import type { ErrorCode } from '../../../errors/errorCodes.ts';
import type { FilterSpan } from './ast.ts';
import { codePointCount, columnOf, isBlank } from './filterText.ts';
import { escapeDebug } from './rustCompat.ts';

/** Error codes a filter can be rejected with (the route decides between search and document filters). */
export type FilterErrorCode = 'invalid_search_filter' | 'invalid_document_filter';

/** What went wrong while parsing; the span of the failure says where. */
export type SyntaxErrorKind =
  | { readonly type: 'expectedValue'; readonly reserved: boolean }
  | { readonly type: 'malformedValue' }
  | { readonly type: 'missingClosingDelimiter'; readonly delimiter: string }
  | { readonly type: 'invalidPrimary' }
  | { readonly type: 'invalidEscapedNumber' }
  | { readonly type: 'expectedEof' }
  | { readonly type: 'incomplete' }
  | { readonly type: 'geoRadius' }
  | { readonly type: 'geoRadiusArgumentCount'; readonly count: number }
  | { readonly type: 'geoBoundingBox' }
  | { readonly type: 'geoPolygon' }
  | { readonly type: 'geoPolygonNotEnoughPoints'; readonly count: number }
  | { readonly type: 'geoCoordinatesNotPair'; readonly count: number }
  | { readonly type: 'reservedGeo'; readonly name: string }
  | { readonly type: 'misusedGeoRadius' }
  | { readonly type: 'misusedGeoBoundingBox' }
  | { readonly type: 'inOpeningBracket' }
  | { readonly type: 'inClosingBracket' }
  | { readonly type: 'inExpectedValue' }
  | { readonly type: 'depthLimit' }
  | { readonly type: 'foreign' }
  /** A low-level mismatch (a missing character or word); never reaches users in practice. */
  | { readonly type: 'unexpected'; readonly what: string };

const OPERATIONS =
  'Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, ' +
  '`IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, ' +
  '`NOT STARTS WITH`, `_geoRadius`, `_geoBoundingBox` or `_geoPolygon`';

/** First line of a syntax error whose failing text is `fragment`. */
export function syntaxErrorMessage(kind: SyntaxErrorKind, fragment: string): string {
  const q = escapeDebug(fragment);
  switch (kind.type) {
    case 'expectedValue':
      if (isBlank(fragment)) return 'Was expecting a value but instead got nothing.';
      return kind.reserved
        ? `Was expecting a value but instead got \`${q}\`, which is a reserved keyword. To use \`${q}\` as a field name or a value, surround it by quotes.`
        : `Was expecting a value but instead got \`${q}\`.`;
    case 'malformedValue':
      return `Malformed value: \`${q}\`.`;
    case 'missingClosingDelimiter':
      return `Expression \`${q}\` is missing the following closing delimiter: \`${kind.delimiter}\`.`;
    case 'invalidPrimary':
      return `${OPERATIONS} ${isBlank(fragment) ? 'but instead got nothing.' : `at \`${q}\`.`}`;
    case 'invalidEscapedNumber':
      return `Found an invalid escaped sequence number: \`${q}\`.`;
    case 'expectedEof':
      return `Found unexpected characters at the end of the filter: \`${q}\`. You probably forgot an \`OR\` or an \`AND\` rule.`;
    case 'incomplete':
      return 'The filter is incomplete and requires Unknown additional bytes to be parsed.';
    case 'geoRadius':
      return 'The `_geoRadius` filter must be in the form: `_geoRadius(latitude, longitude, radius, optionalResolution)`.';
    case 'geoRadiusArgumentCount':
      return `Was expecting 3 or 4 arguments for \`_geoRadius\`, but instead found ${kind.count}.`;
    case 'geoBoundingBox':
      return 'The `_geoBoundingBox` filter expects two pairs of arguments: `_geoBoundingBox([latitude, longitude], [latitude, longitude])`.';
    case 'geoPolygon':
      return "The `_geoPolygon` filter doesn't match the expected format: `_geoPolygon([latitude, longitude], [latitude, longitude])`.";
    case 'geoPolygonNotEnoughPoints':
      return `The \`_geoPolygon\` filter expects at least 3 points but only ${kind.count} were specified`;
    case 'geoCoordinatesNotPair':
      return `Was expecting 2 coordinates but instead found ${kind.count}.`;
    case 'reservedGeo':
      return `\`${kind.name}\` is a reserved keyword and thus can't be used as a filter expression. Use the \`_geoRadius(latitude, longitude, distance)\` or \`_geoBoundingBox([latitude, longitude], [latitude, longitude])\` built-in rules to filter on \`_geo\` coordinates.`;
    case 'misusedGeoRadius':
      return "The `_geoRadius` filter is an operation and can't be used as a value.";
    case 'misusedGeoBoundingBox':
      return "The `_geoBoundingBox` filter is an operation and can't be used as a value.";
    case 'inOpeningBracket':
      return 'Expected `[` after `IN` keyword.';
    case 'inClosingBracket':
      return 'Expected matching `]` after the list of field names given to `IN[`';
    case 'inExpectedValue':
      return `Expected only comma-separated field names inside \`IN[..]\` but instead found \`${q}\`.`;
    case 'depthLimit':
      return 'The filter exceeded the maximum depth limit. Try rewriting the filter so that it contains fewer nested conditions.';
    case 'foreign':
      return `Was expecting a field name and an condition inside \`_foreign(..)\` filter but instead found \`${q}\`.`;
    case 'unexpected':
      return `Encountered an internal \`${kind.what}\` error while parsing your filter. Please fill an issue`;
  }
}

/** The second line of a filter error: `start:end <shown text>`. */
export function formatSpanPosition(span: FilterSpan): string {
  const column = columnOf(span.source.text, span.start);
  const size = codePointCount(span.source.text, span.start, span.end);
  return `${column}:${column + size} ${span.source.shown}`;
}

/** The text a span covers. */
export function spanText(span: FilterSpan): string {
  return span.source.text.slice(span.start, span.end);
}

/** An error about a token (a filterability, geo or feature error): `message` then the token's position. */
export function tokenError(code: ErrorCode, message: string, span: FilterSpan): EngineError {
  return new EngineError(code, `${message}\n${formatSpanPosition(span)}`);
}

/** A parse failure as thrown inside the parser: `hard` failures are committed, others let alternatives run. */
export class ParseFailure {
  constructor(
    readonly hard: boolean,
    readonly kind: SyntaxErrorKind,
    readonly span: FilterSpan,
  ) {}

  /** The same failure, committed (no other alternative may be tried). */
  commit(): ParseFailure {
    return this.hard ? this : new ParseFailure(true, this.kind, this.span);
  }

  toEngineError(code: FilterErrorCode): EngineError {
    return tokenError(code, syntaxErrorMessage(this.kind, spanText(this.span)), this.span);
  }
}
