/**
 * The general tokenization path: script runs → separators/dictionary (leftmost-longest) → segmenters →
 * normalization → classification → positions. It handles any text; `asciiIndexer.ts` is a faster
 * equivalent for pure-ASCII text at indexing time.
 */
import { buildCharMap, isRemovedControl, normalizeAsciiToken, normalizePieces, normalizeSimple } from './normalizer.ts';
import { nextRun, segmentPiece, type ScriptRun } from './segmenter.ts';
import { isHardSeparator, type SeparatorRules } from './separators.ts';

export const KIND_WORD = 0;
export const KIND_STOP_WORD = 1;
export const KIND_SOFT = 2;
export const KIND_HARD = 3;
/** A token whose normalized form is empty (only control characters): it neither counts nor separates. */
export const KIND_EMPTY = 4;
export type KindCode = 0 | 1 | 2 | 3 | 4;

/** Words at positions ≥ this are dropped (Meilisearch stores positions as u16). */
export const POSITION_LIMIT = 65536;
/** A hard separator between two words puts them this far apart. */
export const HARD_GAP = 8;

/** Settings-derived state shared by every tokenization of one analyzer. */
export interface TokenizerContext {
  readonly rules: SeparatorRules;
  /** Stop words in their stored form (see `normalizeStopWord`). */
  readonly stopWords: ReadonlySet<string>;
}

/**
 * Receives each token. `position` is the word position for words and stop words, -1 otherwise.
 * Returning `false` stops the scan.
 */
export type TokenVisitor = (
  kind: KindCode,
  start: number,
  end: number,
  norm: string,
  position: number,
  charMap: number[] | undefined,
) => boolean | void;

/** charabia's classifier, applied to the token before lossy normalization (so stop words keep their case). */
export function classify(ctx: TokenizerContext, pre: string): KindCode {
  if (pre.length === 0) return KIND_EMPTY;
  if (ctx.stopWords.has(pre)) return KIND_STOP_WORD;
  if (ctx.rules.isSeparator(pre)) return isHardSeparator(pre) ? KIND_HARD : KIND_SOFT;
  return KIND_WORD;
}

function isAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * Milli's position rule: the first word or stop word gets `startPosition`; each following one +1, or +8 when a
 * hard separator occurred since the previous one. Separators before the first token (of any non-separator
 * kind) are ignored; one gap per separator run, whatever its length.
 */
class PositionCounter {
  /** Past the leading separators (charabia skips separators until the first other token). */
  private started = false;
  /** 0: nothing yet, 1: word or stop word, 2: soft separator, 3: hard separator (what milli calls `prev_kind`). */
  private prev = 0;
  position: number;

  constructor(startPosition: number) {
    this.position = startPosition;
  }

  word(): number {
    if (this.prev !== 0) this.position += this.prev === 3 ? HARD_GAP : 1;
    this.prev = 1;
    this.started = true;
    return this.position;
  }

  soft(): void {
    if (this.started && this.prev !== 3) this.prev = 2;
  }

  hard(): void {
    if (this.started) this.prev = 3;
  }

  /** An empty token ends the leading-separator skip but is otherwise invisible. */
  empty(): void {
    this.started = true;
  }
}

/**
 * Tokenizes `text` and calls `visit` for every token in order (contiguous, covering the whole text).
 * `wantMap` asks for highlight prefix maps.
 */
export function scanText(
  ctx: TokenizerContext,
  text: string,
  locales: readonly string[] | undefined,
  startPosition: number,
  wantMap: boolean,
  visit: TokenVisitor,
): void {
  const counter = new PositionCounter(startPosition);
  let stopped = false;
  let run: ScriptRun;

  const emitToken = (start: number, end: number): void => {
    if (stopped) return;
    let pre: string;
    let norm: string;
    let charMap: number[] | undefined;
    const original = text.slice(start, end);
    if (isAscii(text, start, end)) {
      const t = normalizeAsciiToken(original, run.script);
      pre = t.pre;
      norm = t.norm;
      if (wantMap && norm !== original) charMap = asciiCharMap(text, start, end);
    } else {
      const simple = wantMap ? undefined : normalizeSimple(original, run.script, run.lang);
      if (simple) {
        pre = simple.pre;
        norm = simple.norm;
      } else {
        const t = normalizePieces(original, run.script, run.lang);
        pre = t.pre;
        norm = t.norm;
        if (wantMap && norm !== original) charMap = buildCharMap(t);
      }
    }
    const kind = classify(ctx, pre);
    let position = -1;
    if (kind === KIND_WORD || kind === KIND_STOP_WORD) position = counter.word();
    else if (kind === KIND_HARD) counter.hard();
    else if (kind === KIND_SOFT) counter.soft();
    else counter.empty();
    if (visit(kind, start, end, norm, position, charMap) === false) stopped = true;
  };

  const rules = ctx.rules;
  let i = 0;
  while (i < text.length && !stopped) {
    run = nextRun(text, i, locales);
    const runEnd = run.end;
    let k = i;
    let pieceStart = i;
    while (k < runEnd && !stopped) {
      const len = rules.startClass[text.charCodeAt(k)] === 0 ? 0 : rules.matchAt(text, k, runEnd);
      if (len === 0) {
        k++;
        continue;
      }
      if (pieceStart < k) segmentPiece(text, pieceStart, k, run, emitToken);
      emitToken(k, k + len);
      k += len;
      pieceStart = k;
    }
    if (pieceStart < runEnd && !stopped) segmentPiece(text, pieceStart, runEnd, run, emitToken);
    i = runEnd;
  }
}

/** Prefix map of an ASCII token (identity, minus removed control characters). */
function asciiCharMap(text: string, start: number, end: number): number[] {
  const map = [0];
  for (let i = start; i < end; i++) {
    if (!isRemovedControl(text.charCodeAt(i))) map.push(i - start + 1);
  }
  return map;
}
