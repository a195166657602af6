/**
 * Bounded walks over the sorted word dictionary (`IndexState.dictionary()`, UTF-16 code unit order), used as an
 * implicit trie: words sharing a prefix are contiguous, so a subtree is an index range found by binary search.
 *
 * - `prefixRange`: the words starting with a prefix (prefix derivations, the prefix database rule).
 * - `walkWithinDistance`: the words within a Damerau-Levenshtein distance (adjacent transposition = 1 edit) of
 *   a query word, or whose some prefix is (Meilisearch's prefix DFA), in dictionary order — the order in which
 *   Meilisearch's FST stream yields them, so the 150/50/1,000 caps keep the same words. The walk reuses DP rows
 *   along shared prefixes and jumps over every subtree whose best row already exceeds the budget, so it visits
 *   a few hundred trie nodes, never the whole dictionary.
 *
 * Dictionary order is UTF-16 order where Meilisearch's is UTF-8 byte order: they differ only for words with
 * characters above U+FFFF next to U+E000–U+FFFF, which matters only when a cap is reached among such words.
 */

/** First index in [lo, hi) whose word is ≥ `s`. */
export function lowerBound(dict: readonly string[], s: string, lo = 0, hi = dict.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dict[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in [from, hi) whose word does not start with `prefix`, given dict[from] starts with it. */
export function endOfPrefix(dict: readonly string[], prefix: string, from: number, hi = dict.length): number {
  let lo = from;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dict[mid].startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [lo, hi): the words starting with `prefix`. */
export function prefixRange(dict: readonly string[], prefix: string): [number, number] {
  const lo = lowerBound(dict, prefix);
  if (lo >= dict.length || !dict[lo].startsWith(prefix)) return [lo, lo];
  return [lo, endOfPrefix(dict, prefix, lo)];
}

export function dictionaryHas(dict: readonly string[], word: string): boolean {
  const i = lowerBound(dict, word);
  return i < dict.length && dict[i] === word;
}

/** Code points of a string. */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; ) {
    const c = s.codePointAt(i)!;
    out.push(c);
    i += c > 0xffff ? 2 : 1;
  }
  return out;
}

/**
 * Calls `visit(index, distance)` for each word of dict[lo, hi) within `maxDistance` of `query` (in code points),
 * in dictionary order; with `prefix`, the distance of a word is the smallest distance of its prefixes. Stops
 * when `visit` returns false. Returns false if stopped.
 */
export function walkWithinDistance(
  dict: readonly string[],
  lo: number,
  hi: number,
  query: readonly number[],
  maxDistance: number,
  prefix: boolean,
  visit: (index: number, distance: number) => boolean,
): boolean {
  const m = query.length;
  const k = maxDistance;
  // rows[d]: DP row after d characters of the current path; chars[d]: the d-th character (1-based).
  const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
  const chars: number[] = [0];
  // units[d]: UTF-16 length of the path's first d characters; best[d]: min over depths ≤ d of rows[·][m].
  const units: number[] = [0];
  const best: number[] = [m];
  let path = '';
  let depth = 0;
  let i = lo;
  while (i < hi) {
    const w = dict[i];
    // Longest common prefix with the current path, in whole characters.
    let lcp = 0;
    const max = Math.min(path.length, w.length);
    while (lcp < max && path.charCodeAt(lcp) === w.charCodeAt(lcp)) lcp++;
    while (units[depth] > lcp) depth--;
    path = w;
    let pruned = -1;
    let u = units[depth];
    while (u < w.length) {
      const c = w.codePointAt(u)!;
      u += c > 0xffff ? 2 : 1;
      depth++;
      const row = (rows[depth] ??= new Int32Array(m + 1));
      const prev = rows[depth - 1];
      chars[depth] = c;
      units[depth] = u;
      row[0] = depth;
      let rowMin = row[0];
      for (let j = 1; j <= m; j++) {
        const q = query[j - 1];
        let v = prev[j - 1] + (q === c ? 0 : 1);
        const del = prev[j] + 1;
        if (del < v) v = del;
        const ins = row[j - 1] + 1;
        if (ins < v) v = ins;
        if (depth >= 2 && j >= 2 && q === chars[depth - 1] && query[j - 2] === c) {
          const t = rows[depth - 2][j - 2] + 1;
          if (t < v) v = t;
        }
        row[j] = v;
        if (v < rowMin) rowMin = v;
      }
      best[depth] = Math.min(best[depth - 1], row[m]);
      if (prefix && best[depth] <= k && best[depth] <= rowMin) {
        // Every word below this node has distance best[depth]: emit the whole subtree without more DP.
        const end = endOfPrefix(dict, w.slice(0, u), i, hi);
        for (let x = i; x < end; x++) if (!visit(x, best[depth])) return false;
        pruned = end;
        break;
      }
      if (rowMin > k && (!prefix || best[depth] > k)) {
        pruned = endOfPrefix(dict, w.slice(0, u), i, hi);
        break;
      }
    }
    if (pruned >= 0) {
      i = pruned;
      continue;
    }
    const d = prefix ? best[depth] : rows[depth][m];
    if (d <= k && !visit(i, d)) return false;
    i++;
  }
  return true;
}
