/**
 * Recursive-descent parser of one filter string (spec §6):
 *
 * ```text
 * or      := and ("OR" and)*
 * and     := not ("AND" not)*
 * not     := "NOT" not | primary
 * primary := "(" or ")" | geo function | value operation | "_foreign(" value "," or ")"
 * ```
 *
 * Keywords are case-sensitive. Errors and their positions match Meilisearch's, including its quirks
 * (e.g. nothing may follow `EXISTS`, `IS NULL`, `IS EMPTY` or a geo function but an operator: a
 * trailing space after them is "unexpected characters at the end of the filter").
 */

import type { FilterLeaf, FilterNode, FilterSpan, FilterValue } from './ast.ts';
import { ParseFailure } from './filterErrors.ts';
import { isBlank, skipAsciiSpace, wordAt } from './filterText.ts';
import { parseGeoFunction } from './geoParser.ts';
import {
  attempt,
  committed,
  failure,
  isSoft,
  newParseState,
  spanOf,
  type ParseState,
  type Parsed,
} from './parseState.ts';
import { parseValue } from './valueParser.ts';

/** Nesting limit of the grammar's recursion (each parenthesis costs four levels, each `NOT` one). */
export const MAX_FILTER_DEPTH = 150;

const COMPARE_OPERATORS = ['<=', '>=', '!=', '<', '>', '='] as const;

/** A filter string parsed, with the attribute spans of its `_foreign(..)` uses (outermost ones, in order). */
export interface ParsedExpression {
  readonly node: FilterNode;
  readonly foreignUses: readonly FilterSpan[];
}

function negate(node: FilterNode): FilterNode {
  return node.kind === 'not' ? node.child : { kind: 'not', child: node };
}

/** Offset after one or more ASCII spaces at `i`, or -1 when there is none. */
function spaces1(text: string, i: number): number {
  const j = skipAsciiSpace(text, i);
  return j > i ? j : -1;
}

/** Offset after `NOT`, spaces and `keyword` at `i`, or -1. */
function afterNot(text: string, i: number, keyword: string): number {
  if (!text.startsWith('NOT', i)) return -1;
  const k = spaces1(text, i + 3);
  return k >= 0 && text.startsWith(keyword, k) ? k : -1;
}

/** `IN [v, ...]` at `i` (after optional white space); `null` when the word there is not `IN`. */
function parseInList(st: ParseState, i: number): Parsed<FilterValue[]> | null {
  const { text } = st;
  const keyword = skipAsciiSpace(text, i);
  if (wordAt(text, keyword) !== 'IN') return null;
  const open = skipAsciiSpace(text, keyword + 2);
  if (text[open] !== '[') throw failure(st, true, { type: 'inOpeningBracket' }, open);
  const values: FilterValue[] = [];
  let pos = open + 1;
  const first = attempt(() => parseValue(st, pos));
  if (first !== null) {
    values.push(first.node);
    pos = first.end;
    for (;;) {
      const comma = skipAsciiSpace(text, pos);
      if (text[comma] !== ',') break;
      const next = attempt(() => parseValue(st, skipAsciiSpace(text, comma + 1)));
      if (next === null) break;
      values.push(next.node);
      pos = next.end;
    }
    const trailing = skipAsciiSpace(text, pos);
    if (text[trailing] === ',') pos = skipAsciiSpace(text, trailing + 1);
  }
  const close = skipAsciiSpace(text, pos);
  if (text[close] !== ']') {
    throw failure(st, true, { type: pos === text.length ? 'inClosingBracket' : 'inExpectedValue' }, pos);
  }
  return { node: values, end: skipAsciiSpace(text, close + 1) };
}

/** What may follow an attribute: the operations, tried in Meilisearch's order. `null` if none matches. */
function parseOperation(st: ParseState, attr: FilterValue, at: number): Parsed<FilterNode> | null {
  const { text } = st;
  const base = { attribute: attr.raw, attributeSpan: attr.span };
  const leaf = (node: FilterLeaf, end: number, negated = false): Parsed<FilterNode> => ({
    node: negated ? negate(node) : node,
    end,
  });

  const inList = parseInList(st, at);
  if (inList) return leaf({ kind: 'in', ...base, values: inList.node }, inList.end);
  if (wordAt(text, at) === 'NOT') {
    const notIn = parseInList(st, at + 3);
    if (notIn) return leaf({ kind: 'in', ...base, values: notIn.node }, notIn.end, true);
  }

  const operator = COMPARE_OPERATORS.find((op) => text.startsWith(op, at));
  if (operator) {
    const value = committed(() => parseValue(st, at + operator.length));
    return leaf({ kind: 'compare', ...base, operator, value: value.node }, value.end);
  }

  if (text.startsWith('IS', at)) {
    const k = spaces1(text, at + 2);
    if (k >= 0) {
      const k2 = text.startsWith('NOT', k) ? spaces1(text, k + 3) : -1;
      if (text.startsWith('NULL', k)) return leaf({ kind: 'isNull', ...base }, k + 4);
      if (k2 >= 0 && text.startsWith('NULL', k2)) return leaf({ kind: 'isNull', ...base }, k2 + 4, true);
      if (text.startsWith('EMPTY', k)) return leaf({ kind: 'isEmpty', ...base }, k + 5);
      if (k2 >= 0 && text.startsWith('EMPTY', k2)) return leaf({ kind: 'isEmpty', ...base }, k2 + 5, true);
    }
  }

  if (text.startsWith('EXISTS', at)) return leaf({ kind: 'exists', ...base }, at + 6);
  const notExists = afterNot(text, at, 'EXISTS');
  if (notExists >= 0) return leaf({ kind: 'exists', ...base }, notExists + 6, true);

  const from = attempt(() => parseValue(st, at));
  if (from !== null && text.startsWith('TO', from.end)) {
    const k = spaces1(text, from.end + 2);
    if (k >= 0) {
      const to = committed(() => parseValue(st, k));
      return leaf({ kind: 'range', ...base, from: from.node, to: to.node }, to.end);
    }
  }

  for (const [keyword, kind] of [
    ['CONTAINS', 'contains'],
    ['STARTS WITH', 'startsWith'],
  ] as const) {
    let k = text.startsWith(keyword, at) ? at : -1;
    const negated = k < 0;
    if (negated) k = afterNot(text, at, keyword);
    if (k >= 0) {
      const keywordSpan = spanOf(st, k, k + keyword.length);
      const value = committed(() => parseValue(st, k + keyword.length));
      return leaf({ kind, ...base, value: value.node, keywordSpan }, value.end, negated);
    }
  }
  return null;
}

/** `_foreign(attribute, expression)` — parsed so that its errors are Meilisearch's; always refused later. */
function parseForeign(st: ParseState, p: number, depth: number): Parsed<FilterNode> | null {
  const { text } = st;
  const name = skipAsciiSpace(text, p);
  if (wordAt(text, name) !== '_foreign') return null;
  const outer = st.source;
  st.source = { text, shown: text.slice(p) };
  st.foreignNesting++;
  try {
    let pos = name + '_foreign'.length;
    if (text[pos] !== '(') throw failure(st, false, { type: 'unexpected', what: 'Char' }, pos);
    const attr = parseValue(st, skipAsciiSpace(text, pos + 1));
    pos = skipAsciiSpace(text, attr.end);
    if (text[pos] !== ',') throw failure(st, false, { type: 'unexpected', what: 'Tag' }, pos);
    const inner = parseOr(st, skipAsciiSpace(text, pos + 1), depth);
    pos = skipAsciiSpace(text, inner.end);
    if (text[pos] !== ')') throw failure(st, false, { type: 'unexpected', what: 'Char' }, pos);
    if (st.foreignNesting === 1) st.foreignUses.push(attr.node.span);
    return { node: inner.node, end: pos + 1 };
  } catch (e) {
    if (e instanceof ParseFailure && e.kind.type !== 'incomplete') {
      throw new ParseFailure(true, { type: 'foreign' }, e.span);
    }
    throw e;
  } finally {
    st.foreignNesting--;
    st.source = outer;
  }
}

function parsePrimary(st: ParseState, p: number, depth: number): Parsed<FilterNode> {
  const { text } = st;
  if (depth > MAX_FILTER_DEPTH) throw failure(st, false, { type: 'depthLimit' }, p);
  const open = skipAsciiSpace(text, p);
  if (text[open] === '(') {
    const inner = committed(() => parseOr(st, skipAsciiSpace(text, open + 1), depth + 1));
    const close = skipAsciiSpace(text, inner.end);
    if (text[close] !== ')') throw failure(st, true, { type: 'missingClosingDelimiter', delimiter: ')' }, p);
    return { node: inner.node, end: skipAsciiSpace(text, close + 1) };
  }
  const geo = parseGeoFunction(st, p);
  if (geo) return geo;
  let attr: Parsed<FilterValue>;
  try {
    attr = parseValue(st, p);
  } catch (e) {
    if (!isSoft(e)) throw e;
    // a reserved word where an attribute is expected is reported as such
    if (e.kind.type === 'expectedValue' && e.kind.reserved) throw e.commit();
    throw failure(st, false, { type: 'invalidPrimary' }, p);
  }
  const operation = parseOperation(st, attr.node, attr.end) ?? parseForeign(st, p, depth);
  if (operation) return operation;
  throw failure(st, false, { type: 'invalidPrimary' }, p);
}

function parseNot(st: ParseState, p: number, depth: number): Parsed<FilterNode> {
  if (depth > MAX_FILTER_DEPTH) throw failure(st, false, { type: 'depthLimit' }, p);
  const keyword = skipAsciiSpace(st.text, p);
  if (wordAt(st.text, keyword) === 'NOT') {
    const inner = committed(() => parseNot(st, skipAsciiSpace(st.text, keyword + 3), depth + 1));
    return { node: negate(inner.node), end: inner.end };
  }
  return parsePrimary(st, p, depth + 1);
}

/** `operand (keyword operand)*`, flattened into one `and`/`or` node. */
function parseChain(
  st: ParseState,
  p: number,
  depth: number,
  keyword: 'AND' | 'OR',
  operand: (st: ParseState, p: number, depth: number) => Parsed<FilterNode>,
): Parsed<FilterNode> {
  if (depth > MAX_FILTER_DEPTH) throw failure(st, false, { type: 'depthLimit' }, p);
  const first = operand(st, p, depth + 1);
  const children = [first.node];
  let end = first.end;
  for (;;) {
    const at = skipAsciiSpace(st.text, end);
    if (wordAt(st.text, at) !== keyword) break;
    const next = committed(() => operand(st, skipAsciiSpace(st.text, at + keyword.length), depth + 1));
    children.push(next.node);
    end = next.end;
  }
  if (children.length === 1) return first;
  return { node: keyword === 'AND' ? { kind: 'and', children } : { kind: 'or', children }, end };
}

function parseAnd(st: ParseState, p: number, depth: number): Parsed<FilterNode> {
  return parseChain(st, p, depth, 'AND', parseNot);
}

function parseOr(st: ParseState, p: number, depth: number): Parsed<FilterNode> {
  return parseChain(st, p, depth, 'OR', parseAnd);
}

/**
 * Parses one filter string. Returns `null` for a blank string; throws a {@link ParseFailure} on a
 * syntax error (convert it with `toEngineError`).
 */
export function parseExpression(text: string): ParsedExpression | null {
  if (isBlank(text)) return null;
  const st = newParseState(text);
  const result = parseOr(st, 0, 0);
  if (result.end !== text.length) throw failure(st, false, { type: 'expectedEof' }, result.end);
  return { node: result.node, foreignUses: st.foreignUses };
}
