/**
 * Query parameters with Meilisearch's (deserr) messages: "Unknown parameter `x`: expected one of `a`, `b`",
 * "Invalid value in parameter `limit`: could not parse `a` as a positive integer", "… as a boolean, expected
 * either `true` or `false`".
 */
import { EngineError } from '../errors/engineError.ts';
import type { ErrorCode } from '../errors/errorCodes.ts';
import { suggestion } from '../engine/validation/jsonValidation.ts';

/** `Invalid value in parameter \`name\`: message` */
export function paramError(code: ErrorCode, name: string, message: string): EngineError {
  return new EngineError(code, `Invalid value in parameter \`${name}\`: ${message}`);
}

export function unknownParameter(name: string, accepted: readonly string[]): EngineError {
  const hint = suggestion(name, accepted);
  return new EngineError(
    'bad_request',
    `Unknown parameter \`${name}\`: ${hint ? `did you mean \`${hint}\`? ` : ''}expected one of ${accepted.map((a) => `\`${a}\``).join(', ')}`,
  );
}

/** Typed reads of a URL's query string. */
export class QueryParams {
  constructor(readonly search: URLSearchParams) {}

  /** Rejects parameters not in `accepted` (the first unknown one, in request order). */
  only(accepted: readonly string[]): this {
    for (const key of this.search.keys()) if (!accepted.includes(key)) throw unknownParameter(key, accepted);
    return this;
  }

  has(name: string): boolean {
    return this.search.has(name);
  }

  string(name: string): string | undefined {
    return this.search.get(name) ?? undefined;
  }

  /** A non-negative integer (Rust `usize`/`u32` parsing: digits only, optional leading `+`). */
  int(name: string, code: ErrorCode, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const v = this.search.get(name);
    if (v === null) return undefined;
    if (!/^\+?\d+$/.test(v) || Number(v) > max) throw paramError(code, name, `could not parse \`${v}\` as a positive integer`);
    return Number(v);
  }

  /** `true` / `false` (Rust `bool` parsing: exact, case-sensitive). */
  bool(name: string, code: ErrorCode): boolean | undefined {
    const v = this.search.get(name);
    if (v === null) return undefined;
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw paramError(code, name, `could not parse \`${v}\` as a boolean, expected either \`true\` or \`false\``);
  }

  /** A comma-separated list (serde_cs: split on `,`, items kept as written). */
  list(name: string): string[] | undefined {
    const v = this.search.get(name);
    if (v === null) return undefined;
    return v.split(',');
  }

  /** Every present parameter as a plain record of strings (for engine calls that parse strings themselves). */
  record(names: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const n of names) {
      const v = this.search.get(n);
      if (v !== null) out[n] = v;
    }
    return out;
  }
}
