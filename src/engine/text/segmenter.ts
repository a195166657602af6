/**
 * Script runs, run language, and word segmentation of the text between separators.
 *
 * Like charabia, a text is first cut into runs where the script changes (characters of no script — digits,
 * punctuation, spaces, combining marks, emoji — join the current run), then each run is split on
 * separators, then each piece between separators is handed to the run's segmenter.
 *
 * charabia segments with dictionaries (jieba for Chinese, lindera UniDic for Japanese, lindera ko-dic for
 * Korean, FST word lists for Thai and Khmer, a compound list for German). A browser has none of those, so
 * scripts written without spaces use `Intl.Segmenter` (ICU's dictionaries) instead: boundaries are close
 * but not identical. Known differences: jieba's search-mode re-splitting of long Chinese words into
 * bigrams is not reproduced; Korean words are not split into morphemes (`한국어를` stays one word where
 * lindera gives `한국어`,`를`); German compounds are not split even with `locales: ["deu"]`.
 * Beyond charabia, Lao and Myanmar (which charabia leaves unsegmented) are segmented too.
 */
import type { Lang } from './normalizer.ts';
import { isArmenianLetter, isKana, isLao, Script, scriptOf, type ScriptId } from './scripts.ts';

/** Segment Myanmar and Lao runs although charabia 0.9.9 does not (their words are otherwise unfindable). */
export const SEGMENT_LAO_AND_MYANMAR = true;

const TWO_TO_THREE: Readonly<Record<string, string>> = {
  ja: 'jpn', zh: 'zho', ko: 'kor', th: 'tha', km: 'khm', ar: 'ara', fa: 'pes', ur: 'urd', sv: 'swe', de: 'deu',
  he: 'heb', el: 'ell', ru: 'rus', en: 'eng', fr: 'fra', es: 'spa', it: 'ita', pt: 'por', tr: 'tur', vi: 'vie',
  my: 'mya', hy: 'hye', ka: 'kat', uk: 'ukr', nl: 'nld', pl: 'pol',
};

/** ISO 639-1 or 639-3 (any case) → ISO 639-3; unknown codes are kept as given (lowercased). */
export function canonicalLang(code: string): string {
  const c = code.toLowerCase();
  return TWO_TO_THREE[c] ?? c;
}

const isChinese = (l: string): boolean => l === 'zho' || l === 'cmn';
const ARABIC_LANGS = new Set(['ara', 'pes', 'urd']);

/** A run of one script: `[start, end)` in UTF-16 units. */
export interface ScriptRun {
  start: number;
  end: number;
  script: ScriptId;
  lang: Lang;
}

/**
 * Finds the end of the run starting at `start` and its script. Unscripted characters never start a run of
 * their own; a run made only of them is `Other` (or Armenian, which charabia's detector recognizes).
 */
export function nextRun(text: string, start: number, locales: readonly string[] | undefined): ScriptRun {
  const n = text.length;
  let script: ScriptId = Script.Other;
  let armenian = false;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // ASCII fast lane: letters are Latin, the rest unscripted.
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) {
        if (script !== Script.Latin) {
          if (script !== Script.Other) break;
          script = Script.Latin;
        }
      }
      i++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const s = scriptOf(cp);
    if (s !== Script.Other && s !== script) {
      if (script !== Script.Other) break;
      script = s;
    } else if (s === Script.Other && !armenian && isArmenianLetter(cp)) {
      armenian = true;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  if (script === Script.Other && armenian) script = Script.Armenian;
  return { start, end: i, script, lang: runLanguage(text, start, i, script, locales) };
}

/**
 * The language charabia would attach to a run. It only detects one when it matters (Latin, Han/kana,
 * Arabic); we replace its statistical detector (whatlang) by simple rules: the one given locale wins;
 * Han with kana is Japanese, Han alone Chinese; Arabic with Urdu/Persian-only letters is Urdu/Persian.
 */
function runLanguage(text: string, start: number, end: number, script: ScriptId, locales: readonly string[] | undefined): Lang {
  const langs = locales && locales.length > 0 ? locales.map(canonicalLang) : undefined;
  if (script === Script.Latin) return langs && langs.length === 1 ? langs[0] : null;
  if (script === Script.Cj) {
    if (langs && langs.length === 1) return langs[0];
    const ja = !langs || langs.includes('jpn');
    const zh = !langs || langs.some(isChinese);
    if (ja && !zh) return 'jpn';
    if (zh && !ja) return 'zho';
    if (!ja && !zh) return null;
    for (let i = start; i < end; i++) if (isKana(text.charCodeAt(i))) return 'jpn';
    return 'zho';
  }
  if (script === Script.Arabic) {
    if (langs && langs.length === 1) return langs[0];
    const candidates = langs ? langs.filter((l) => ARABIC_LANGS.has(l)) : ['ara', 'pes', 'urd'];
    if (candidates.length === 1) return candidates[0];
    if (candidates.length === 0) return null;
    const slice = text.slice(start, end);
    if (candidates.includes('urd') && /[ٹڈڑںھہے]/u.test(slice)) return 'urd';
    if (candidates.includes('pes') && /[پچژگکی۰-۹]/u.test(slice)) return 'pes';
    return candidates.includes('ara') ? 'ara' : candidates[0];
  }
  return null;
}

const segmenters = new Map<string, Intl.Segmenter>();
function wordSegmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

/** `Intl.Segmenter` locale for a run, or null when the run's words are already delimited by separators. */
export function segmenterLocale(run: ScriptRun): string | null {
  switch (run.script) {
    case Script.Cj:
      if (run.lang === 'jpn') return 'ja';
      if (run.lang !== null && isChinese(run.lang)) return 'zh';
      return null; // another language was forced on Han text: charabia falls back to no segmentation
    case Script.Hangul:
      return 'ko';
    case Script.Thai:
      return 'th';
    case Script.Khmer:
      return 'km';
    case Script.Myanmar:
      return SEGMENT_LAO_AND_MYANMAR ? 'my' : null;
    default:
      return null;
  }
}

/** charabia keeps pieces made of numbers and ASCII punctuation whole, whatever the script. */
const MAYBE_NUMBER = /^[\p{N}!-/:-@[-`{-~]+$/u;

const ARABIC_ARTICLE = /^[اأإآٱ]ل/u;

/**
 * Splits the text between two separators (`[start, end)`, inside `run`) into word pieces and calls
 * `piece(start, end)` for each, in order, covering the whole range.
 */
export function segmentPiece(
  text: string,
  start: number,
  end: number,
  run: ScriptRun,
  piece: (start: number, end: number) => void,
): void {
  const locale = segmenterLocale(run) ?? laoLocale(text, start, end, run);
  if (locale === null) {
    if (run.script === Script.Arabic && (run.lang === 'ara' || run.lang === 'pes')) {
      splitArabicArticle(text, start, end, piece);
      return;
    }
    piece(start, end);
    return;
  }
  const sub = text.slice(start, end);
  if (MAYBE_NUMBER.test(sub)) {
    piece(start, end);
    return;
  }
  for (const seg of wordSegmenter(locale).segment(sub)) {
    piece(start + seg.index, start + seg.index + seg.segment.length);
  }
}

function laoLocale(text: string, start: number, end: number, run: ScriptRun): string | null {
  if (!SEGMENT_LAO_AND_MYANMAR || run.script !== Script.Other) return null;
  for (let i = start; i < end; i++) if (isLao(text.charCodeAt(i))) return 'lo';
  return null;
}

/** charabia's Arabic segmenter: a word longer than 4 UTF-8 bytes starting with the article `ال` is cut after it. */
function splitArabicArticle(text: string, start: number, end: number, piece: (s: number, e: number) => void): void {
  if (end - start >= 2 && ARABIC_ARTICLE.test(text.slice(start, start + 2)) && utf8Length(text, start, end) > 4) {
    piece(start, start + 2);
    if (end > start + 2) piece(start + 2, end);
    return;
  }
  piece(start, end);
}

/** UTF-8 byte length of `text[start, end)`. */
export function utf8Length(text: string, start = 0, end = text.length): number {
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
