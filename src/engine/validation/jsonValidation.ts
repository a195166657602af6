/**
 * Validation of JSON-like inputs with Meilisearch's (deserr) error messages:
 * "Invalid value type at `.limit`: expected a positive integer, but found a string: `\"a\"`",
 * "Unknown field `x`: expected one of `a`, `b`", "Unknown value `x` at `.y`: expected one of …".
 */
import { EngineError } from '../../errors/engineError.ts';
import type { ErrorCode } from '../../errors/errorCodes.ts';

export type JsonKind = 'null' | 'a boolean' | 'a positive integer' | 'a negative integer' | 'a number' | 'a string' | 'an array' | 'an object';

export function jsonKind(v: unknown): JsonKind {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v >= 0 ? 'a positive integer' : 'a negative integer';
    return 'a number';
  }
  if (typeof v === 'string') return 'a string';
  if (Array.isArray(v)) return 'an array';
  return 'an object';
}

/** `a string: \`"x"\`` or `null`. */
export function describeFound(v: unknown): string {
  const kind = jsonKind(v);
  if (kind === 'null') return 'null';
  return `${kind}: \`${JSON.stringify(v)}\``;
}

/** Location suffix: " at `.a.b`" or "" at the root. */
function at(path: string): string {
  return path ? ` at \`${path}\`` : '';
}

export function typeError(code: ErrorCode, path: string, expected: string, value: unknown): EngineError {
  return new EngineError(code, `Invalid value type${at(path)}: expected ${expected}, but found ${describeFound(value)}`);
}

export function valueError(code: ErrorCode, path: string, message: string): EngineError {
  return new EngineError(code, `Invalid value${at(path)}: ${message}`);
}

export function unknownValue(code: ErrorCode, path: string, value: string, expected: readonly string[]): EngineError {
  return new EngineError(code, `Unknown value \`${value}\`${at(path)}: expected one of ${expected.map((e) => `\`${e}\``).join(', ')}`);
}

/** deserr suggests a field when the unknown one is a near miss (case, `_`, one or two edits). */
export function suggestion(field: string, expected: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[_-]/g, '');
  const exact = expected.find((e) => norm(e) === norm(field));
  if (exact) return exact;
  let best: string | undefined;
  let bestD = 3;
  for (const e of expected) {
    const d = levenshtein(field, e);
    if (d < bestD) {
      bestD = d;
      best = e;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

export function unknownField(code: ErrorCode, field: string, expected: readonly string[], insidePath = ''): EngineError {
  const hint = suggestion(field, expected);
  const inside = insidePath ? ` inside \`${insidePath}\`` : '';
  return new EngineError(
    code,
    `Unknown field \`${field}\`${inside}: ${hint ? `did you mean \`${hint}\`? ` : ''}expected one of ${expected.map((e) => `\`${e}\``).join(', ')}`,
  );
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Rejects keys not in `allowed` (first unknown key in input order). */
export function checkKnownFields(code: ErrorCode, obj: Record<string, unknown>, allowed: readonly string[], insidePath = ''): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) throw unknownField(code, k, allowed, insidePath);
  }
}

export function expectString(code: ErrorCode, path: string, v: unknown): string {
  if (typeof v !== 'string') throw typeError(code, path, 'a string', v);
  return v;
}

export function expectBoolean(code: ErrorCode, path: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw typeError(code, path, 'a boolean', v);
  return v;
}

/** Non-negative safe integer. */
export function expectPositiveInteger(code: ErrorCode, path: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw typeError(code, path, 'a positive integer', v);
  return v;
}

export function expectStringArray(code: ErrorCode, path: string, v: unknown): string[] {
  if (!Array.isArray(v)) throw typeError(code, path, 'an array', v);
  v.forEach((s, i) => expectString(code, `${path}[${i}]`, s));
  return v as string[];
}

export function expectObject(code: ErrorCode, path: string, v: unknown): Record<string, unknown> {
  if (!isPlainObject(v)) throw typeError(code, path, 'an object', v);
  return v;
}
