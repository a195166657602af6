/**
 * Entry point of the filter front end: a `filter` search/document parameter → {@link FilterNode}.
 */

import { EngineError } from '../../../errors/engineError.ts';
import type { Filter } from '../../types/search.ts';
import type { FilterNode, FilterSpan } from './ast.ts';
import { ParseFailure, tokenError, type FilterErrorCode } from './filterErrors.ts';
import { parseExpression, type ParsedExpression } from './expressionParser.ts';

/** JSON text of a value, as Meilisearch quotes it in type errors. */
function jsonText(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // not JSON: fall through
  }
  return String(value);
}

function typeError(code: FilterErrorCode, expected: string, found: unknown): EngineError {
  return new EngineError(
    code,
    `Invalid syntax for the filter parameter: \`expected ${expected}, found: ${jsonText(found)}\`.`,
  );
}

function parseString(text: string, code: FilterErrorCode): ParsedExpression | null {
  try {
    return parseExpression(text);
  } catch (e) {
    if (e instanceof ParseFailure) throw e.toEngineError(code);
    throw e;
  }
}

/** pocketsearch has no foreign keys: a `_foreign(..)` filter is refused as by a Meilisearch without the feature. */
function refuseForeign(span: FilterSpan): never {
  throw tokenError(
    'feature_not_enabled',
    'using a foreign filter requires enabling the `foreign_keys` experimental feature. See https://github.com/orgs/meilisearch/discussions/873',
    span,
  );
}

/**
 * Parses a filter: an expression string, or the array form (an AND of elements, each a string or an
 * array of strings combined with OR; nothing deeper). Blank strings are ignored; an empty filter
 * (blank string, `[]`, only blank elements, `null`) gives `null`.
 *
 * Syntax errors throw an {@link EngineError} with `code` and Meilisearch's message, whose second line
 * is the position `start:end <string>` (for the array form, relative to the failing element).
 * Elements are checked for type before any is parsed ("Invalid syntax for the filter parameter: …").
 * A `_foreign(..)` filter parses but is refused with `feature_not_enabled`.
 *
 * @example
 * ```ts
 * const node = parseFilter(['genre = horror', ['year > 2000', 'director = Carpenter']], 'invalid_search_filter');
 * // { kind: 'and', children: [compare genre, { kind: 'or', children: [...] }] }
 * parseFilter('year >', 'invalid_search_filter'); // throws "Was expecting a value but instead got nothing.\n7:7 year >"
 * ```
 */
export function parseFilter(filter: Filter | null | undefined, code: FilterErrorCode): FilterNode | null {
  const value: unknown = filter;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const parsed = parseString(value, code);
    const foreign = parsed?.foreignUses.at(-1);
    if (foreign) refuseForeign(foreign);
    return parsed?.node ?? null;
  }
  if (!Array.isArray(value)) throw typeError(code, 'String, Array', value);

  for (const element of value as unknown[]) {
    if (typeof element === 'string') continue;
    if (!Array.isArray(element)) throw typeError(code, 'String, [String]', element);
    for (const inner of element as unknown[]) {
      if (typeof inner !== 'string') throw typeError(code, 'String', inner);
    }
  }

  const ands: FilterNode[] = [];
  let lastForeign: FilterSpan | undefined;
  const parseElement = (text: string): FilterNode | null => {
    const parsed = parseString(text, code);
    lastForeign = parsed?.foreignUses.at(-1) ?? lastForeign;
    return parsed?.node ?? null;
  };
  for (const element of value as (string | string[])[]) {
    if (typeof element === 'string') {
      const node = parseElement(element);
      if (node) ands.push(node);
      continue;
    }
    const ors: FilterNode[] = [];
    for (const text of element) {
      const node = parseElement(text);
      if (node) ors.push(node);
    }
    if (ors.length === 1) ands.push(ors[0] as FilterNode);
    else if (ors.length > 1) ands.push({ kind: 'or', children: ors });
  }
  if (lastForeign) refuseForeign(lastForeign);
  if (ands.length === 0) return null;
  return ands.length === 1 ? (ands[0] as FilterNode) : { kind: 'and', children: ands };
}
