// Deterministic synthetic corpus (synth-100k) and query set, identical in Node and in browsers.
// Documents: title 5–12 words, body 50–200 words drawn from a ~25k-word vocabulary with a Zipf distribution,
// `category` one of 20, numeric `price`, `tags` 1–5 of 50. Queries: single words, 2–3 words, prefixes,
// one-typo words (50 each), plus a filtered + faceted workload.

/** mulberry32: small, fast, seedable PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['', 'b', 'br', 'c', 'ch', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'pr', 'qu', 'r', 's', 'sh', 'sk', 'st', 't', 'th', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io', 'y'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'ng'];

/** ~25k unique pseudo-words of 2–4 syllables, in rank order (rank 0 = most frequent). */
export function vocabulary(size = 25_000, seed = 7) {
  const rnd = prng(seed);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const seen = new Set();
  const words = [];
  while (words.length < size) {
    const syllables = 1 + Math.floor(rnd() * 3) + (words.length > 200 ? 1 : 0);
    let w = '';
    for (let s = 0; s < syllables; s++) w += pick(ONSETS) + pick(VOWELS) + (s === syllables - 1 ? pick(CODAS) : '');
    if (w.length < 2 || seen.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  return words;
}

/** Zipf (s = 1) over ranks 0..n-1: returns `sample(rnd)`; the CDF is built once. */
export function zipf(n) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (i + 1);
    cdf[i] = sum;
  }
  return (rnd) => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

let cached = null;
function shared() {
  if (!cached) {
    const vocab = vocabulary();
    cached = { vocab, sample: zipf(vocab.length) };
  }
  return cached;
}

/** Documents `from`..`to`-1 of the corpus; each document depends only on its id. */
export function documents(from, to) {
  const { vocab, sample } = shared();
  const out = [];
  for (let id = from; id < to; id++) {
    const rnd = prng(1_000_003 * (id + 1));
    const words = (n) => {
      let s = vocab[sample(rnd)];
      for (let i = 1; i < n; i++) s += ' ' + vocab[sample(rnd)];
      return s;
    };
    const tagCount = 1 + Math.floor(rnd() * 5);
    const tags = new Set();
    while (tags.size < tagCount) tags.add(`tag${Math.floor(rnd() * 50)}`);
    out.push({
      id,
      title: words(5 + Math.floor(rnd() * 8)),
      body: words(50 + Math.floor(rnd() * 151)),
      category: `category${Math.floor(rnd() * 20)}`,
      price: Math.round(rnd() * 100_000) / 100,
      tags: [...tags],
    });
  }
  return out;
}

/** The corpus in chunks. */
export function* documentChunks(total, chunkSize) {
  for (let from = 0; from < total; from += chunkSize) yield documents(from, Math.min(total, from + chunkSize));
}

function typo(word, rnd) {
  const i = 1 + Math.floor(rnd() * (word.length - 1)); // keep the first letter (Meilisearch's first-letter rule)
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return word.slice(0, i) + letters[Math.floor(rnd() * 26)] + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + letters[Math.floor(rnd() * 26)] + word.slice(i);
    default:
      return i < word.length - 1 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + 'x';
  }
}

/**
 * 200 deterministic queries (50 per kind). Query words come from the vocabulary's ranks 10–5,000: users type
 * distinctive words more than the few most frequent ones, and never a typo of a 4-letter word.
 */
export function queries(total = 100_000, seed = 42) {
  const { vocab } = shared();
  const rnd = prng(seed);
  const word = (minLen = 1) => {
    for (;;) {
      const w = vocab[10 + Math.floor(rnd() * 4990)];
      if (w.length >= minLen) return w;
    }
  };
  const out = [];
  for (let i = 0; i < 50; i++) out.push({ kind: 'single', q: word() });
  for (let i = 0; i < 50; i++) {
    // Two or three consecutive words of some document's title: what users type to find it.
    const id = Math.floor(rnd() * total);
    const title = documents(id, id + 1)[0].title.split(' ');
    const n = 2 + Math.floor(rnd() * 2);
    const start = Math.floor(rnd() * Math.max(1, title.length - n));
    out.push({ kind: 'multi', q: title.slice(start, start + n).join(' ') });
  }
  for (let i = 0; i < 50; i++) {
    const w = word(5);
    out.push({ kind: 'prefix', q: w.slice(0, 3 + Math.floor(rnd() * 2)) });
  }
  for (let i = 0; i < 50; i++) out.push({ kind: 'typo', q: typo(word(6), rnd) });
  return out;
}

/** The filtered + faceted workload: a word query with `category = X AND price A TO B`, facets category and tags. */
export function filteredQueries(count = 50, seed = 99) {
  const { vocab } = shared();
  const rnd = prng(seed);
  return Array.from({ length: count }, () => {
    const lo = Math.floor(rnd() * 800);
    const q = vocab[10 + Math.floor(rnd() * 990)];
    const category = `category${Math.floor(rnd() * 20)}`;
    return {
      kind: 'filtered',
      q,
      filter: `category = ${category} AND price ${lo} TO ${lo + 200}`,
      // The same filter, structured, for engines without a filter language (the peers of the benchmark).
      eq: ['category', category],
      range: ['price', lo, lo + 200],
      facets: ['category', 'tags'],
    };
  });
}
