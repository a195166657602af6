/**
 * Character classes and cursor helpers of the filter grammar. Positions are UTF-16 offsets; every
 * character test works on whole code points, like Meilisearch's parser (which works on `char`s).
 */

const WHITE_SPACE = /^\p{White_Space}$/u;
const ALPHANUMERIC = /^[\p{Alphabetic}\p{N}]$/u;

/** Code point at `i` (`-1` past the end). */
export function codePointAt(text: string, i: number): number {
  return i < text.length ? (text.codePointAt(i) as number) : -1;
}

/** UTF-16 width of the code point `cp`. */
export function widthOf(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** Rust's `char::is_whitespace` (the Unicode `White_Space` property). */
export function isUnicodeSpace(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  return WHITE_SPACE.test(String.fromCodePoint(cp));
}

/** The four characters nom's `multispace` accepts: space, tab, CR, LF. */
export function isAsciiSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0d || cp === 0x0a;
}

/** A character of an unquoted word: alphanumeric (Unicode `Alphabetic` or `N*`), `_`, `-` or `.`. */
export function isWordChar(cp: number): boolean {
  if (cp < 0x80) {
    return (
      (cp >= 0x30 && cp <= 0x39) ||
      (cp >= 0x41 && cp <= 0x5a) ||
      (cp >= 0x61 && cp <= 0x7a) ||
      cp === 0x5f ||
      cp === 0x2d ||
      cp === 0x2e
    );
  }
  return ALPHANUMERIC.test(String.fromCodePoint(cp));
}

/** Characters that end the text quoted in "Was expecting a value but instead got `…`". */
export function isSyntaxChar(cp: number): boolean {
  return (
    cp === 0x28 || cp === 0x29 || cp === 0x3d || cp === 0x3c || cp === 0x3e || cp === 0x21 || isUnicodeSpace(cp)
  );
}

/** Offset after the run of code points from `i` that satisfy `pred`. */
export function skipWhile(text: string, i: number, pred: (cp: number) => boolean): number {
  let j = i;
  while (j < text.length) {
    const cp = text.codePointAt(j) as number;
    if (!pred(cp)) break;
    j += widthOf(cp);
  }
  return j;
}

/** Offset after ASCII white space (nom's `multispace0`). */
export function skipAsciiSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && isAsciiSpace(text.charCodeAt(j))) j++;
  return j;
}

/** Offset after the word starting at `i` (`i` itself when there is none). */
export function wordEnd(text: string, i: number): number {
  return skipWhile(text, i, isWordChar);
}

/** The word starting at `i` (possibly empty). */
export function wordAt(text: string, i: number): string {
  return text.slice(i, wordEnd(text, i));
}

/** Whether a string is empty once Rust's `str::trim` (Unicode white space) is applied. */
export function isBlank(text: string): boolean {
  return skipWhile(text, 0, isUnicodeSpace) === text.length;
}

/** Number of code points in `text[start, end)`. */
export function codePointCount(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // a high surrogate followed by a low one is a single code point
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Meilisearch's 1-based column of an offset: code points since the last line feed, plus one. */
export function columnOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return codePointCount(text, lineStart, offset) + 1;
}
