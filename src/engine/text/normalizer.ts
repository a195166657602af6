/**
 * Token normalization, in charabia's order:
 *
 * 1. compatibility decomposition (NFKD), one code point at a time like charabia (no canonical reordering
 *    across characters);
 * 2. Swedish recomposition of `å ä ö` (only for Latin runs whose language is Swedish);
 * 3. control characters removed (Cc except whitespace);
 *    — here the token is classified: the result so far (`pre`) is what stop words and separators are
 *      compared with, so stop words are case-sensitive;
 * 4. Persian letter folding (Arabic runs in Persian);
 * 5. lossy, per script: lowercase (Latin, Cyrillic, Greek, Georgian, Armenian), `’ ‘ ‛`→`'`, `œ æ`→`oe ae`
 *    (Latin), katakana→hiragana (Han/kana runs that are Japanese), final `ς`→`σ` (Greek), Arabic letter
 *    folding, non-spacing marks removed (Latin, Greek, Hebrew, Arabic, Thai), `ð đ`→`d`, `ı`→`i` (Latin).
 *
 * Every stage works on "pieces": the normalized text of each original code point, so the highlighter can
 * map a prefix of the normalized word back to the original characters (`charMap`).
 */
import { katakanaToHiraganaPieces } from './kana.ts';
import { Script, SCRIPT_COUNT, type ScriptId } from './scripts.ts';

/** Language of a run, as an ISO 639-3 code, or null when undetermined. */
export type Lang = string | null;

const nfkdCache = new Map<number, string>();

/** NFKD of one code point (cached: the same characters come back all the time). */
export function nfkdOf(cp: number): string {
  let d = nfkdCache.get(cp);
  if (d === undefined) {
    d = String.fromCodePoint(cp).normalize('NFKD');
    nfkdCache.set(cp, d);
  }
  return d;
}

/** Control characters charabia removes: general category Cc, except the whitespace ones (\t \n \v \f \r, NEL). */
export function isRemovedControl(cp: number): boolean {
  return cp < 0x09 || (cp > 0x0d && cp < 0x20) || (cp >= 0x7f && cp <= 0x9f && cp !== 0x85);
}

/** Removes charabia's control characters from an ASCII or Unicode string. */
export function stripControls(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (isRemovedControl(s.charCodeAt(i))) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * Non-spacing marks (Mn). charabia's table predates Unicode 7, so marks added since then are kept: we
 * exclude the ones a Latin/Greek/Arabic/Hebrew/Thai word can realistically carry.
 */
const MN = /^\p{Mn}$/u;
const NEWER_MARKS: ReadonlyArray<readonly [number, number]> = [
  [0x07fd, 0x07fd],
  [0x0897, 0x089f],
  [0x08ca, 0x08e3],
  [0x08ff, 0x08ff],
  [0x1ab0, 0x1aff],
  [0x1de7, 0x1dfb],
  [0xfe27, 0xfe2f],
];
function isRemovedMark(cp: number): boolean {
  if (cp < 0x300) return false;
  for (const [lo, hi] of NEWER_MARKS) if (cp >= lo && cp <= hi) return false;
  return MN.test(String.fromCodePoint(cp));
}

const LOWERCASED = new Set<number>([Script.Latin, Script.Cyrillic, Script.Greek, Script.Georgian, Script.Armenian]);
const MARKS_REMOVED = new Set<number>([Script.Latin, Script.Greek, Script.Hebrew, Script.Arabic, Script.Thai]);

/** The script-dependent per-character part of the lossy stage (everything but the sequential rules). */
function lossyChar(script: number, cp: number): string {
  let s = String.fromCodePoint(cp);
  if (LOWERCASED.has(script)) s = s.toLowerCase(); // one char at a time: no final-sigma context, like Rust
  if (script === Script.Latin) {
    s = s.replace(/[’‘‛]/gu, "'").replace(/[œŒ]/gu, 'oe').replace(/[æÆ]/gu, 'ae');
  }
  if (script === Script.Arabic) {
    s = s.replace(/ـ/gu, '').replace(/[أإآٱ]/gu, 'ا').replace(/ى/gu, 'ي').replace(/ة/gu, 'ه');
  }
  if (MARKS_REMOVED.has(script)) {
    let kept = '';
    for (const ch of s) if (!isRemovedMark(ch.codePointAt(0) as number)) kept += ch;
    s = kept;
  }
  if (script === Script.Latin) s = s.replace(/[ÐĐđð]/gu, 'd').replace(/ı/gu, 'i');
  return s;
}

const lossyCaches: Map<number, string>[] = Array.from({ length: SCRIPT_COUNT }, () => new Map());

function lossyOf(script: number, cp: number): string {
  const cache = lossyCaches[script];
  let r = cache.get(cp);
  if (r === undefined) {
    r = lossyChar(script, cp);
    cache.set(cp, r);
  }
  return r;
}

/** Applies the per-char lossy map to a whole piece. */
function lossyPiece(script: number, piece: string): string {
  let out = '';
  for (let i = 0; i < piece.length; i++) {
    let cp = piece.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < piece.length) {
      cp = piece.codePointAt(i) as number;
      i++;
    }
    out += lossyOf(script, cp);
  }
  return out;
}

const PERSIAN: ReadonlyMap<string, string> = new Map([
  ['ي', 'ی'], ['ی', 'ی'], ['ى', 'ی'], ['ۀ', 'ی'], ['ك', 'ک'], ['ک', 'ک'],
  ['۰', '0'], ['۱', '1'], ['۲', '2'], ['۳', '3'], ['۴', '4'], ['۵', '5'], ['۶', '6'], ['۷', '7'], ['۸', '8'], ['۹', '9'],
  ['،', ','], ['؟', '?'], ['\ufdfc', 'RIAL'], ['\u200c', ''],
]);
const PERSIAN_RE = /[يیىۀكک۰-۹،؟\ufdfc\u200c]/u;

function persianPiece(piece: string): string {
  let out = '';
  for (const ch of piece) out += PERSIAN.get(ch) ?? ch;
  return out;
}

/** Swedish recomposition of base + ring/diaeresis, across piece boundaries (the mark joins the base's piece). */
function recomposeSwedish(pieces: string[]): void {
  let lastPiece = -1;
  for (let p = 0; p < pieces.length; p++) {
    let piece = pieces[p];
    if (piece.includes('\u030a') || piece.includes('\u0308')) {
      // Within the piece.
      piece = piece.replace(/([aA]\u030a|[aAoO]\u0308)/gu, (m) => m.normalize('NFC'));
      // A mark opening this piece and a base ending the previous non-empty one.
      const mark = piece.charCodeAt(0);
      if ((mark === 0x30a || mark === 0x308) && lastPiece >= 0) {
        const prev = pieces[lastPiece];
        const base = prev.charAt(prev.length - 1);
        const ok = mark === 0x30a ? base === 'a' || base === 'A' : 'aAoO'.includes(base) && base !== '';
        if (ok) {
          pieces[lastPiece] = prev.slice(0, -1) + (base + piece.charAt(0)).normalize('NFC');
          piece = piece.slice(1);
        }
      }
      pieces[p] = piece;
    }
    if (pieces[p].length > 0) lastPiece = p;
  }
}

/** Result of {@link normalizePieces}: `pre` (for classification), `norm`, and the per-original-char pieces. */
export interface NormalizedToken {
  pre: string;
  norm: string;
  /** Normalized text of each original code point (same order); '' for characters that vanished. */
  pieces: string[];
  /** UTF-16 length of each original code point (1 or 2). */
  units: number[];
}

/**
 * Normalizes one non-trivial token (any non-ASCII content) of a run with the given script and language.
 * ASCII tokens take the cheaper {@link normalizeAsciiToken}.
 */
export function normalizePieces(original: string, script: ScriptId, lang: Lang): NormalizedToken {
  const pieces: string[] = [];
  const units: number[] = [];
  for (let i = 0; i < original.length; i++) {
    let cp = original.charCodeAt(i);
    let u = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < original.length) {
      const lo = original.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = original.codePointAt(i) as number;
        u = 2;
        i++;
      }
    }
    pieces.push(cp < 0x80 ? String.fromCharCode(cp) : nfkdOf(cp));
    units.push(u);
  }
  if (lang === 'swe' && script === Script.Latin) recomposeSwedish(pieces);
  for (let p = 0; p < pieces.length; p++) pieces[p] = stripControls(pieces[p]);
  const pre = pieces.join('');

  if (script === Script.Arabic && lang === 'pes' && PERSIAN_RE.test(pre)) {
    for (let p = 0; p < pieces.length; p++) pieces[p] = persianPiece(pieces[p]);
  }
  applyLossy(pieces, script, lang);
  return { pre, norm: pieces.join(''), pieces, units };
}

function applyLossy(pieces: string[], script: ScriptId, lang: Lang): void {
  if (script === Script.Cj) {
    // Chinese K-variant folding is not reproduced (see docs/text-analysis.md).
    if (lang === null || lang === 'jpn') katakanaToHiraganaPieces(pieces);
    return;
  }
  if (script === Script.Greek) {
    // Lowercase, then final sigma, then marks: the order decides whether `ς` followed by a mark is folded.
    let last = -1;
    for (let p = 0; p < pieces.length; p++) {
      pieces[p] = lowerPiece(pieces[p]);
      if (pieces[p].length > 0) last = p;
    }
    if (last >= 0 && pieces[last].endsWith('ς')) pieces[last] = pieces[last].slice(0, -1) + 'σ';
    for (let p = 0; p < pieces.length; p++) pieces[p] = lossyPiece(script, pieces[p]);
    return;
  }
  for (let p = 0; p < pieces.length; p++) if (pieces[p].length > 0) pieces[p] = lossyPiece(script, pieces[p]);
}

/** Per-char lowercasing (Rust `char::to_lowercase`: `Σ`→`σ` wherever it stands, unlike `String#toLowerCase`). */
function lowerPiece(piece: string): string {
  let out = '';
  for (const ch of piece) out += ch.toLowerCase();
  return out;
}

const preCache = new Map<number, string>();
/** NFKD of one code point with control characters removed: its contribution to `pre`. */
function preOf(cp: number): string {
  let r = preCache.get(cp);
  if (r === undefined) {
    r = stripControls(nfkdOf(cp));
    preCache.set(cp, r);
  }
  return r;
}
const normCaches: Map<number, string>[] = Array.from({ length: SCRIPT_COUNT }, () => new Map());

/**
 * Same result as {@link normalizePieces} (`pre`, `norm`) without the per-character bookkeeping, for runs
 * where no rule looks beyond one character: not Greek (final sigma), not Japanese (long vowel mark), not
 * Swedish (recomposition), not Persian. Returns undefined when it does not apply.
 */
export function normalizeSimple(original: string, script: ScriptId, lang: Lang): { pre: string; norm: string } | undefined {
  const kana = script === Script.Cj && (lang === null || lang === 'jpn');
  if (script === Script.Greek || kana || lang === 'swe' || (script === Script.Arabic && lang === 'pes')) {
    return undefined;
  }
  const cache = normCaches[script];
  let pre = '';
  let norm = '';
  for (let i = 0; i < original.length; i++) {
    let cp = original.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < original.length) {
      const lo = original.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = original.codePointAt(i) as number;
        i++;
      }
    }
    const p = preOf(cp);
    pre += p;
    let n = cache.get(cp);
    if (n === undefined) {
      n = p.length === 0 ? '' : lossyPiece(script, p);
      cache.set(cp, n);
    }
    norm += n;
  }
  return { pre, norm };
}

/** Normalizes an ASCII token: controls removed (`pre`), then lowercased when its run lowercases. */
export function normalizeAsciiToken(original: string, script: ScriptId): { pre: string; norm: string } {
  const pre = stripControls(original);
  const norm = LOWERCASED.has(script) ? pre.toLowerCase() : pre;
  return { pre, norm };
}

/**
 * Prefix map for highlighting: `map[k]` = UTF-16 units of the original covered by the first `k` UTF-16 units
 * of `norm` (a normalized prefix covers every original character that contributed to it, like charabia's
 * `original_lengths`). `map.length === norm.length + 1`.
 */
export function buildCharMap(t: NormalizedToken): number[] {
  const map = new Array<number>(t.norm.length + 1);
  map[0] = 0;
  let k = 1;
  let covered = 0;
  for (let p = 0; p < t.pieces.length; p++) {
    covered += t.units[p];
    for (let j = 0; j < t.pieces[p].length; j++) map[k++] = covered;
  }
  return map;
}

/**
 * Normalizes a stop word the way Meilisearch stores it: the non-lossy half only (NFKD, Swedish
 * recomposition, control characters removed, Persian folding), case kept.
 */
export function normalizeStopWord(word: string): string {
  const pieces: string[] = [];
  for (const ch of word) pieces.push(nfkdOf(ch.codePointAt(0) as number));
  recomposeSwedish(pieces);
  let s = stripControls(pieces.join(''));
  if (PERSIAN_RE.test(s)) s = persianPiece(s);
  return s;
}
