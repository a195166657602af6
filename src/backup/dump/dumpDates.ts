/**
 * RFC 3339 dates with nanosecond precision, as Meilisearch writes them in dumps
 * (`2022-10-04T15:51:35.939396731Z`). JavaScript `Date` keeps milliseconds only, so dates read from
 * a dump are kept as strings and only parsed to compare them or to subtract a duration.
 */

/** A point in time: whole seconds since the Unix epoch plus nanoseconds (0..999,999,999). */
export interface Instant {
  seconds: number;
  nanos: number;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9})\d*)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 date; `null` if it is not one. */
export function parseInstant(s: string): Instant | null {
  const m = RFC3339.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, se, frac, off] = m;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +se);
  if (Number.isNaN(ms)) return null;
  let seconds = ms / 1000;
  if (off !== 'Z' && off !== 'z') {
    const sign = off[0] === '-' ? -1 : 1;
    seconds -= sign * (+off.slice(1, 3) * 3600 + +off.slice(4, 6) * 60);
  }
  const nanos = frac ? +frac.padEnd(9, '0') : 0;
  return { seconds, nanos };
}

/** True if `s` is an RFC 3339 date. */
export function isRfc3339(s: unknown): s is string {
  return typeof s === 'string' && parseInstant(s) !== null;
}

/** Formats an instant as UTC RFC 3339, sub-second digits as needed (`…:35.9393967Z`, `…:00Z`), like Meilisearch. */
export function formatInstant(t: Instant): string {
  const base = new Date(t.seconds * 1000).toISOString().slice(0, 19);
  if (t.nanos === 0) return `${base}Z`;
  const frac = String(t.nanos).padStart(9, '0').replace(/0+$/, '');
  return `${base}.${frac}Z`;
}

/** `t` minus a duration in seconds (may be fractional), rounded to the nanosecond. */
export function subtractSeconds(t: Instant, secs: number): Instant {
  const totalNanos = Math.round(secs * 1e9);
  let seconds = t.seconds - Math.floor(totalNanos / 1e9);
  let nanos = t.nanos - (totalNanos % 1e9);
  if (nanos < 0) {
    nanos += 1e9;
    seconds -= 1;
  }
  return { seconds, nanos };
}

/** Compares two instants: negative if `a` is earlier, 0 if equal, positive if later. */
export function compareInstants(a: Instant, b: Instant): number {
  return a.seconds !== b.seconds ? a.seconds - b.seconds : a.nanos - b.nanos;
}

/** Compares two RFC 3339 strings by the time they denote (unparsable strings sort first). */
export function compareDates(a: string, b: string): number {
  const pa = parseInstant(a);
  const pb = parseInstant(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  return compareInstants(pa, pb);
}

/**
 * The uid Meilisearch gives a dump: its start time in UTC as `YYYYMMDD-HHMMSSmmm`.
 *
 * @example
 * ```ts
 * formatDumpUid(new Date('2025-07-31T09:21:30.478Z')) // '20250731-092130478'
 * ```
 */
export function formatDumpUid(date: Date): string {
  const iso = date.toISOString(); // 2025-07-31T09:21:30.478Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}${iso.slice(20, 23)}`;
}
