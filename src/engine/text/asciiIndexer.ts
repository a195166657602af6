/**
 * Indexing fast path for pure-ASCII text. Same results as the general path (`tokenizer.ts`) — one script
 * run, no NFKD, no segmenter — but it works on char codes with a per-configuration class table and builds
 * no token objects: the only allocations are the word strings handed to `emit`.
 */
import { stripControls, isRemovedControl } from './normalizer.ts';
import { START_NONE, START_SINGLE, type SeparatorRules } from './separators.ts';
import {
  classify,
  HARD_GAP,
  KIND_HARD,
  KIND_SOFT,
  KIND_STOP_WORD,
  KIND_WORD,
  KIND_EMPTY,
  POSITION_LIMIT,
  type KindCode,
  type TokenizerContext,
} from './tokenizer.ts';

/** Longest word (UTF-8 bytes, so characters here) that is indexed. */
export const MAX_WORD_BYTES = 250;

const C_WORD = 0; // part of a word
const C_CONTROL = 1; // part of a word, removed from it
const C_SOFT = 2; // a separator on its own
const C_HARD = 3;
const C_PATTERN = 4; // may start a longer separator or dictionary word: ask the matcher

const tables = new WeakMap<TokenizerContext, Uint8Array>();

function asciiTable(ctx: TokenizerContext): Uint8Array {
  let t = tables.get(ctx);
  if (t) return t;
  t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const start = ctx.rules.startClass[c];
    if (start === START_SINGLE) {
      const kind = classify(ctx, stripControls(String.fromCharCode(c)));
      t[c] = kind === KIND_SOFT ? C_SOFT : kind === KIND_HARD ? C_HARD : C_PATTERN;
    } else if (start !== START_NONE) {
      t[c] = C_PATTERN;
    } else {
      t[c] = isRemovedControl(c) ? C_CONTROL : C_WORD;
    }
  }
  tables.set(ctx, t);
  return t;
}

/** Out-parameter of the indexing paths: position of the last word actually emitted (-1 when none). */
export interface IndexCursor {
  lastEmitted: number;
}

/**
 * Receives a word as a range of the text instead of a string: `text.slice(start, end)` with ASCII letters
 * lowercased is the word (never trimmed or stripped: words that need either still go to `emit`). The indexer
 * interns ranges without allocating a string per occurrence (allocation and hashing were half of indexing time).
 */
export type WordRangeSink = (text: string, start: number, end: number, position: number) => void;

/** True when `text` has no code unit ≥ 0x80. */
export function isAsciiText(text: string): boolean {
  return !NON_ASCII.test(text);
}
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Indexes an ASCII text: `emit(word, position)` for each indexable word. Returns the position of the last
 * word or stop word, or `startPosition - 1` when none. See `Analyzer.indexWords`.
 */
export function indexAscii(
  ctx: TokenizerContext,
  text: string,
  emit: (word: string, position: number) => void,
  startPosition: number,
  cursor: IndexCursor,
  sink?: WordRangeSink,
): number {
  const table = asciiTable(ctx);
  const rules: SeparatorRules = ctx.rules;
  const stopWords = ctx.stopWords;
  const checkStops = stopWords.size > 0;
  const n = text.length;

  let position = startPosition;
  let last = startPosition - 1;
  let prev = 0; // 0 none, 1 word, 2 soft, 3 hard (milli's prev_kind)
  let started = false;

  // Handles one word-or-stop-word token; returns false once positions run out.
  const word = (pre: string, lower: boolean, trim: boolean, isStop: boolean): boolean => {
    if (prev !== 0) position += prev === 3 ? HARD_GAP : 1;
    prev = 1;
    started = true;
    if (position >= POSITION_LIMIT) return false;
    last = position;
    if (isStop) return true;
    let w = lower ? pre.toLowerCase() : pre;
    if (trim) w = w.trim();
    if (w.length > 0 && w.length <= MAX_WORD_BYTES) {
      emit(w, position);
      cursor.lastEmitted = position;
    }
    return true;
  };

  // A plain word (no control character, no space, stop words off) handed over as a range: same bookkeeping as
  // `word`, no string.
  const range = (start: number, end: number): boolean => {
    if (prev !== 0) position += prev === 3 ? HARD_GAP : 1;
    prev = 1;
    started = true;
    if (position >= POSITION_LIMIT) return false;
    last = position;
    if (end - start <= MAX_WORD_BYTES) {
      sink!(text, start, end, position);
      cursor.lastEmitted = position;
    }
    return true;
  };

  // Classifies and handles the word `[start, end)` (`upper`/`control`/`space`: it has such characters).
  const flush = (start: number, end: number, upper: boolean, control: boolean, space: boolean): boolean => {
    if (sink && !control && !space && !checkStops) return range(start, end);
    let pre = text.slice(start, end);
    let kind: KindCode = KIND_WORD;
    if (control) {
      pre = stripControls(pre);
      kind = classify(ctx, pre);
    } else if (checkStops && stopWords.has(pre)) {
      kind = KIND_STOP_WORD;
    }
    return handle(kind, pre, upper, space);
  };

  const handle = (kind: KindCode, pre: string, lower: boolean, trim: boolean): boolean => {
    switch (kind) {
      case KIND_WORD:
        return word(pre, lower, trim, false);
      case KIND_STOP_WORD:
        return word(pre, false, false, true);
      case KIND_HARD:
        if (started) prev = 3;
        return true;
      case KIND_SOFT:
        if (started && prev !== 3) prev = 2;
        return true;
      case KIND_EMPTY:
        started = true;
        return true;
    }
    return true;
  };

  let k = 0;
  while (k < n) {
    let c = text.charCodeAt(k);
    let cls = table[c];
    let len = 1;
    if (cls === C_PATTERN) {
      len = rules.matchAt(text, k, n);
      if (len === 0) cls = isRemovedControl(c) ? C_CONTROL : C_WORD;
    }
    if (cls <= C_CONTROL) {
      // A word: read to its end in a tight loop on locals (state shared with the closures above lives in a
      // heap context, and writing it per character was most of the indexer's time).
      const start = k;
      let upper = false;
      let control = false;
      let space = false;
      for (;;) {
        if (cls === C_CONTROL) control = true;
        else if (c - 65 < 26 && c >= 65) upper = true;
        else if (c <= 32) space = true;
        if (++k >= n) break;
        c = text.charCodeAt(k);
        cls = table[c];
        if (cls === C_PATTERN) {
          if (rules.matchAt(text, k, n) > 0) break;
          cls = isRemovedControl(c) ? C_CONTROL : C_WORD;
        } else if (cls > C_CONTROL) break;
      }
      if (!flush(start, k, upper, control, space)) return last;
      continue;
    }
    if (cls === C_SOFT) {
      if (started && prev !== 3) prev = 2;
    } else if (cls === C_HARD) {
      if (started) prev = 3;
    } else {
      // A matched separator or dictionary word: classify its text like any token.
      const pre = stripControls(text.slice(k, k + len));
      const kind = classify(ctx, pre);
      if (!handle(kind, pre, hasUpper(pre), hasSpace(pre))) return last;
    }
    k += len;
  }
  return last;
}

function hasUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

function hasSpace(s: string): boolean {
  return s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32);
}
