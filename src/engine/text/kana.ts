/**
 * Katakana → hiragana, the way charabia's Japanese normalizer does it (wana_kana `to_hiragana` with romaji
 * passed through): every katakana shifts to its hiragana twin, and the long-vowel mark `ー` after a kana
 * becomes that kana's vowel (`スーパー` → `すうぱあ`; `o` rows lengthen with `う`). Kanji, hiragana,
 * romaji and everything else pass through.
 *
 * One code point in → one code point out, except `ー` after `ん`/`っ`, which disappears (those kana have
 * no vowel to repeat) — callers keep a per-code-point output so highlight maps stay right.
 */

const KATAKANA_FIRST = 0x30a1;
const LONG_MARK = 0x30fc; // ー
const MIDDLE_DOT = 0x30fb; // ・
const SHIFT = 0x3041 - 0x30a1;

const VOWEL_OF = new Map<number, string>();
const setVowel = (chars: string, vowel: string): void => {
  for (const ch of chars) VOWEL_OF.set(ch.codePointAt(0) as number, vowel);
};
setVowel('ぁあかがさざただなはばぱまゃやらゎわ', 'あ');
setVowel('ぃいきぎしじちぢにひびぴみりゐ', 'い');
setVowel('ぅうくぐすずつづぬふぶぷむゅゆるゔ', 'う');
setVowel('ぇえけげせぜてでねへべぺめれゑ', 'え');
setVowel('ぉおこごそぞとどのほぼぽもょよろを', 'う');
setVowel('んっ', '');

/** Voiced wa-row katakana have no hiragana code point: wana_kana drops the voicing. */
const SPECIAL: ReadonlyMap<number, string> = new Map([
  [0x30f7, 'わ'],
  [0x30f8, 'ゐ'],
  [0x30f9, 'ゑ'],
  [0x30fa, 'を'],
]);

/** Quick test: does the string contain anything the conversion would change? */
export function hasKatakana(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= KATAKANA_FIRST && c <= LONG_MARK) return true;
  }
  return false;
}

/**
 * Converts a token given as per-original-code-point pieces, in place. The "first character" rule of `ー`
 * (left alone at index 0) counts code points over the whole token, across pieces.
 */
export function katakanaToHiraganaPieces(pieces: string[]): void {
  let index = 0;
  let previous = 0; // hiragana code point of the last converted kana, 0 when none
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p];
    if (!hasKatakana(piece)) {
      // Any other character resets the long-vowel context (and it is never ・/ヵ/ヶ/ー here).
      if (piece.length > 0) previous = 0;
      index += countCodePoints(piece);
      continue;
    }
    let out = '';
    for (const ch of piece) {
      const c = ch.codePointAt(0) as number;
      if (c === MIDDLE_DOT || (c === LONG_MARK && index === 0) || c === 0x30f5 || c === 0x30f6) {
        out += ch; // passes through; keeps the previous kana
      } else if (c === LONG_MARK && previous !== 0) {
        out += VOWEL_OF.get(previous) ?? ch;
      } else if (c !== LONG_MARK && c >= KATAKANA_FIRST && c < LONG_MARK) {
        const special = SPECIAL.get(c);
        const hira = special ?? String.fromCharCode(c + SHIFT);
        out += hira;
        previous = hira.charCodeAt(0);
      } else {
        out += ch;
        previous = 0;
      }
      index++;
    }
    pieces[p] = out;
  }
}

/** Whole-string form of {@link katakanaToHiraganaPieces}. */
export function katakanaToHiragana(s: string): string {
  if (!hasKatakana(s)) return s;
  const pieces = [s];
  katakanaToHiraganaPieces(pieces);
  return pieces[0];
}

function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}
