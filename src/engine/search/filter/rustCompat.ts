/**
 * Small re-implementations of Rust behaviours that show through Meilisearch's filter messages and
 * semantics: the value escape sequences, `str::parse::<f64>`, `f64`'s `Display`, `as usize` and
 * `str::escape_debug`.
 */

/** Outcome of {@link unescapeValue}. */
export type UnescapeResult =
  | { readonly ok: true; readonly value: string }
  /** `incomplete`: the text ends inside an escape; `number`: bad digits; `char`: unknown escape or invalid code point. */
  | { readonly ok: false; readonly error: 'incomplete' | 'number' | 'char' };

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  b: '\u0008',
  f: '\u000c',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\u000b',
  "'": "'",
  '"': '"',
  '\\': '\\',
  '/': '/',
};

/** Rust's `uN::from_str_radix`: optional `+`, then at least one digit of `radix`; `null` on error or overflow. */
function parseRadix(digits: string, radix: 8 | 16, max: number): number | null {
  let s = digits;
  if (s.startsWith('+')) s = s.slice(1);
  if (s.length === 0) return null;
  const valid = radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!valid.test(s)) return null;
  const n = parseInt(s, radix);
  return n > max ? null : n;
}

/**
 * Resolves the escape sequences Meilisearch accepts in values (after the quote escapes):
 * `\b \f \n \r \t \v \' \" \\ \/`, `\uXXXX`, `\u{X…}`, `\xXX` and octal `\0`–`\377`.
 */
export function unescapeValue(input: string): UnescapeResult {
  if (!input.includes('\\')) return { ok: true, value: input };
  const chars = Array.from(input);
  let out = '';
  let i = 0;
  const next = (): string | undefined => chars[i++];
  while (i < chars.length) {
    const c = next() as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = next();
    if (e === undefined) return { ok: false, error: 'incomplete' };
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
    } else if (e === 'u') {
      const first = next();
      if (first === undefined) return { ok: false, error: 'incomplete' };
      let hex = '';
      if (first === '{') {
        for (let d = next(); d !== undefined && d !== '}'; d = next()) hex += d;
      } else {
        hex = first;
        for (let k = 0; k < 3; k++) {
          const d = next();
          if (d === undefined) return { ok: false, error: 'incomplete' };
          hex += d;
        }
      }
      const cp = parseRadix(hex, 16, 0xffffffff);
      if (cp === null) return { ok: false, error: 'number' };
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { ok: false, error: 'char' };
      out += String.fromCodePoint(cp);
    } else if (e === 'x') {
      let hex = '';
      for (let k = 0; k < 2; k++) {
        const d = next();
        if (d === undefined) return { ok: false, error: 'incomplete' };
        hex += d;
      }
      const byte = parseRadix(hex, 16, 0xff);
      if (byte === null) return { ok: false, error: 'number' };
      out += String.fromCharCode(byte);
    } else if (e >= '0' && e <= '7') {
      let octal = e;
      const extra = e <= '3' ? 2 : 1;
      for (let k = 0; k < extra && i < chars.length && /^[0-7]$/.test(chars[i] as string); k++) octal += next();
      out += String.fromCharCode(parseInt(octal, 8));
    } else {
      return { ok: false, error: 'char' };
    }
  }
  return { ok: true, value: out };
}

const RUST_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * `s.parse::<f64>()` kept only when finite — Meilisearch's test for "this value is a number".
 * Rust's grammar: optional sign, digits with an optional fraction (`1`, `1.`, `.5`), optional exponent;
 * no white space, no hex, no `_`; `inf`/`NaN` parse but are not finite.
 */
export function parseFiniteF64(s: string): number | null {
  if (!RUST_FLOAT.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Whether `s` is a float literal Rust would parse (finite or not). */
export function isRustFloatLiteral(s: string): boolean {
  return RUST_FLOAT.test(s);
}

/** Rust's `Display` for `f64`: shortest round-trip digits, never an exponent (`1e21` → `1000000000000000000000`). */
export function formatF64(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Object.is(x, -0)) return '-0';
  const s = String(x);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const negative = s.startsWith('-');
  const mantissa = s.slice(negative ? 1 : 0, e);
  const exponent = Number(s.slice(e + 1));
  const digits = mantissa.replace('.', '');
  const pointAt = 1 + exponent; // position of the decimal point within `digits`
  let plain: string;
  if (pointAt <= 0) plain = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) plain = digits + '0'.repeat(pointAt - digits.length);
  else plain = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return negative ? `-${plain}` : plain;
}

/** Rust's `x as usize` (saturating, truncating, 64-bit), as decimal text. */
export function formatAsUsize(x: number): string {
  if (!(x > 0)) return '0';
  if (x >= 2 ** 64) return '18446744073709551615';
  return BigInt(Math.trunc(x)).toString();
}

/** Same conversion as a number (exact below 2^53, which is all callers compare against). */
export function asUsize(x: number): number {
  if (!(x > 0)) return 0;
  return Math.min(Math.trunc(x), 2 ** 64);
}

const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;
const GRAPHEME_EXTEND = /^\p{Grapheme_Extend}$/u;
const DEBUG_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\t': '\\t',
  '\r': '\\r',
  '\n': '\\n',
  '\\': '\\\\',
  '"': '\\"',
  "'": "\\'",
};

/**
 * Rust's `str::escape_debug`, used for the text quoted in filter error messages: `\t \r \n \0 \\ \" \'`,
 * `\u{…}` for non-printable characters (and for a combining mark that starts the string).
 */
export function escapeDebug(s: string): string {
  let out = '';
  let first = true;
  for (const ch of s) {
    const simple = DEBUG_ESCAPES[ch];
    if (simple !== undefined) out += simple;
    else if ((ch !== ' ' && NOT_PRINTABLE.test(ch)) || (first && GRAPHEME_EXTEND.test(ch))) {
      out += `\\u{${(ch.codePointAt(0) as number).toString(16)}}`;
    } else out += ch;
    first = false;
  }
  return out;
}
