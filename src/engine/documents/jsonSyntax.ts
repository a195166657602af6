/**
 * serde_json-style syntax error messages ("expected `,` or `}` at line 1 column 9") for JSON text that
 * `JSON.parse` rejected, so that `malformed_payload` messages read like Meilisearch's. Only run on failure.
 * Columns count UTF-8 bytes from the start of the line, as serde_json does.
 */

class SyntaxFailure {
  constructor(
    readonly code: string,
    readonly pos: number,
  ) {}
}

const WS = new Set([' ', '\t', '\n', '\r']);
const MAX_DEPTH = 128;

class Scanner {
  i = 0;
  constructor(readonly s: string) {}

  fail(code: string, pos = this.i): never {
    throw new SyntaxFailure(code, pos);
  }

  skipWs(): void {
    while (this.i < this.s.length && WS.has(this.s[this.i])) this.i++;
  }

  value(depth: number): void {
    this.skipWs();
    if (this.i >= this.s.length) this.fail('EOF while parsing a value');
    const c = this.s[this.i];
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) this.fail('recursion limit exceeded');
      if (c === '{') this.object(depth + 1);
      else this.list(depth + 1);
    } else if (c === '"') this.string();
    else if (c === '-' || (c >= '0' && c <= '9')) this.number();
    else if (c === 't' || c === 'f' || c === 'n') this.ident(c === 't' ? 'true' : c === 'f' ? 'false' : 'null');
    else this.fail('expected value');
  }

  ident(word: string): void {
    for (let k = 0; k < word.length; k++, this.i++) {
      if (this.i >= this.s.length) this.fail('EOF while parsing a value');
      if (this.s[this.i] !== word[k]) this.fail('expected ident');
    }
  }

  number(): void {
    const s = this.s;
    if (s[this.i] === '-') this.i++;
    if (this.i >= s.length) this.fail('EOF while parsing a value');
    if (s[this.i] === '0') {
      this.i++;
      if (s[this.i] >= '0' && s[this.i] <= '9') this.fail('invalid number');
    } else if (s[this.i] >= '1' && s[this.i] <= '9') {
      while (s[this.i] >= '0' && s[this.i] <= '9') this.i++;
    } else this.fail('invalid number');
    if (s[this.i] === '.') {
      this.i++;
      if (!(s[this.i] >= '0' && s[this.i] <= '9')) this.fail(this.i >= s.length ? 'EOF while parsing a value' : 'invalid number');
      while (s[this.i] >= '0' && s[this.i] <= '9') this.i++;
    }
    if (s[this.i] === 'e' || s[this.i] === 'E') {
      this.i++;
      if (s[this.i] === '+' || s[this.i] === '-') this.i++;
      if (!(s[this.i] >= '0' && s[this.i] <= '9')) this.fail(this.i >= s.length ? 'EOF while parsing a value' : 'invalid number');
      while (s[this.i] >= '0' && s[this.i] <= '9') this.i++;
    }
  }

  string(): void {
    const s = this.s;
    this.i++; // opening quote
    for (;;) {
      if (this.i >= s.length) this.fail('EOF while parsing a string');
      const c = s[this.i];
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\\') {
        this.i++;
        if (this.i >= s.length) this.fail('EOF while parsing a string');
        const e = s[this.i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (this.i + k >= s.length) this.fail('EOF while parsing a string', s.length);
            if (!/[0-9a-fA-F]/.test(s[this.i + k])) this.fail('invalid escape', this.i + k);
          }
          this.i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) this.fail('invalid escape');
        this.i++;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) this.fail('control character (\\u0000-\\u001F) found while parsing a string');
      this.i++;
    }
  }

  list(depth: number): void {
    this.i++; // [
    this.skipWs();
    if (this.i >= this.s.length) this.fail('EOF while parsing a list');
    if (this.s[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value(depth);
      this.skipWs();
      if (this.i >= this.s.length) this.fail('EOF while parsing a list');
      const c = this.s[this.i];
      if (c === ']') {
        this.i++;
        return;
      }
      if (c !== ',') this.fail('expected `,` or `]`');
      this.i++;
      this.skipWs();
      if (this.s[this.i] === ']') this.fail('trailing comma');
    }
  }

  object(depth: number): void {
    this.i++; // {
    this.skipWs();
    if (this.i >= this.s.length) this.fail('EOF while parsing an object');
    if (this.s[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.skipWs();
      if (this.i >= this.s.length) this.fail('EOF while parsing an object');
      if (this.s[this.i] !== '"') this.fail(this.s[this.i] === '}' ? 'trailing comma' : 'key must be a string');
      this.string();
      this.skipWs();
      if (this.i >= this.s.length) this.fail('EOF while parsing an object');
      if (this.s[this.i] !== ':') this.fail('expected `:`');
      this.i++;
      this.value(depth);
      this.skipWs();
      if (this.i >= this.s.length) this.fail('EOF while parsing an object');
      const c = this.s[this.i];
      if (c === '}') {
        this.i++;
        return;
      }
      if (c !== ',') this.fail('expected `,` or `}`');
      this.i++;
    }
  }
}

/** serde's position: 1-based line, column = UTF-8 bytes on that line up to and including `pos` (0 at EOF of an empty line). */
function position(s: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(pos, s.length);
  for (let k = 0; k < end; k++) {
    if (s[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  const upto = pos < s.length ? pos + 1 : s.length;
  const column = new TextEncoder().encode(s.slice(lineStart, upto)).length;
  return { line, column };
}

/**
 * The serde_json message for invalid JSON `text`, e.g. "EOF while parsing a value at line 1 column 0".
 * `stream: true` reads a sequence of whitespace-separated values (NDJSON) instead of a single one.
 */
export function jsonSyntaxError(text: string, options: { stream?: boolean } = {}): string {
  const sc = new Scanner(text);
  try {
    if (options.stream) {
      for (;;) {
        sc.skipWs();
        if (sc.i >= text.length) break;
        sc.value(0);
      }
    } else {
      sc.value(0);
      sc.skipWs();
      if (sc.i < text.length) sc.fail('trailing characters');
    }
  } catch (e) {
    if (e instanceof SyntaxFailure) {
      const { line, column } = position(text, e.pos);
      return `${e.code} at line ${line} column ${column}`;
    }
    throw e;
  }
  // JSON.parse failed where the scanner did not (e.g. a lone surrogate): report something sensible.
  return 'invalid JSON';
}

/** Start/end offsets of each top-level value of a JSON stream, or `null` when it does not scan. */
export function splitJsonStream(text: string): [number, number][] | null {
  const sc = new Scanner(text);
  const out: [number, number][] = [];
  try {
    for (;;) {
      sc.skipWs();
      if (sc.i >= text.length) return out;
      const start = sc.i;
      sc.value(0);
      out.push([start, sc.i]);
    }
  } catch (e) {
    if (e instanceof SyntaxFailure) return null;
    throw e;
  }
}
