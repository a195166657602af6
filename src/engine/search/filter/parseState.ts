/**
 * Shared plumbing of the filter parser: the state threaded through the parse functions and the
 * failure helpers. Parse functions take a start offset and return the parsed thing with the offset
 * after it, or throw a {@link ParseFailure}: a soft failure lets the caller try another alternative,
 * a hard one (after a keyword committed the parser to a form) aborts the whole parse.
 */

import type { FilterSource, FilterSpan } from './ast.ts';
import { ParseFailure, type SyntaxErrorKind } from './filterErrors.ts';

/** Mutable state of one parse. */
export interface ParseState {
  readonly text: string;
  /** The whole string, shown by errors that point at all of it. */
  readonly root: FilterSource;
  /** Source of the spans created now (differs from `root` inside `_foreign(..)`). */
  source: FilterSource;
  /** Attribute spans of the outermost `_foreign(..)` filters met, in text order. */
  readonly foreignUses: FilterSpan[];
  /** How many `_foreign(..)` are open at the current position. */
  foreignNesting: number;
}

/** A parse result and the offset right after it. */
export interface Parsed<T> {
  readonly node: T;
  readonly end: number;
}

/** A fresh state for parsing `text`. */
export function newParseState(text: string): ParseState {
  const root: FilterSource = { text, shown: text };
  return { text, root, source: root, foreignUses: [], foreignNesting: 0 };
}

/** A span of the current source. */
export function spanOf(st: ParseState, start: number, end: number): FilterSpan {
  return { start, end, source: st.source };
}

/** A failure pointing at `[start, end)` (by default, from `start` to the end of the text). */
export function failure(st: ParseState, hard: boolean, kind: SyntaxErrorKind, start: number, end?: number): ParseFailure {
  return new ParseFailure(hard, kind, spanOf(st, start, end ?? st.text.length));
}

/** The failure for a value ending inside an escape sequence: it aborts everything and points at the whole text. */
export function incompleteFailure(st: ParseState): ParseFailure {
  return new ParseFailure(true, { type: 'incomplete' }, { start: 0, end: st.text.length, source: st.root });
}

/** Whether `e` is a failure that allows trying another alternative. */
export function isSoft(e: unknown): e is ParseFailure {
  return e instanceof ParseFailure && !e.hard;
}

/** Runs `parse` and turns its soft failures into hard ones (nom's `cut`). */
export function committed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ParseFailure) throw e.commit();
    throw e;
  }
}

/** Runs `parse`; a soft failure gives `null`, hard failures propagate. */
export function attempt<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (e) {
    if (isSoft(e)) return null;
    throw e;
  }
}
