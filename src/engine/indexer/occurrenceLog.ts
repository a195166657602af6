/**
 * Every word occurrence of a segment being built, as parallel growable typed arrays (word id, doc, packed
 * field/position), grouped per word by a counting sort at the end. One log instead of three arrays per word keeps
 * the indexer's allocation (and GC) flat: it was a third of indexing time.
 *
 * Words are interned in an open-addressing table of their own: a word met as a range of a document's text
 * (`addRange`) is hashed and compared in place, so the common case — a word seen before — allocates nothing
 * (a string per occurrence and a `Map` lookup that hashes it cost more than the rest of the indexer).
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** ASCII A–Z → a–z, every other code unit unchanged. */
function lower(c: number): number {
  return c - 65 < 26 && c >= 65 ? c + 32 : c;
}

function hashString(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ lower(word.charCodeAt(i)), FNV_PRIME);
  return h >>> 0;
}

export class OccurrenceLog {
  private wordOf = new Uint32Array(1 << 16);
  private docOf = new Uint32Array(1 << 16);
  private occOf = new Uint32Array(1 << 16);
  length = 0;
  readonly words: string[] = [];
  /** hash of each word id */
  private hashes = new Uint32Array(1 << 12);
  /** slot → word id + 1 (0 = empty); a power of two, at most half full */
  private table = new Int32Array(1 << 13);

  /** Logs an occurrence of `word` (already normalized). */
  add(word: string, doc: number, occ: number): void {
    const h = hashString(word);
    const mask = this.table.length - 1;
    let slot = h & mask;
    let id = -1;
    for (;;) {
      const e = this.table[slot];
      if (e === 0) break;
      if (this.hashes[e - 1] === h && this.words[e - 1] === word) {
        id = e - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (id < 0) id = this.insert(word, h, slot);
    this.push(id, doc, occ);
  }

  /** Logs an occurrence of the word `text[start, end)` with ASCII letters lowercased. */
  addRange(text: string, start: number, end: number, doc: number, occ: number): void {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ lower(text.charCodeAt(i)), FNV_PRIME);
    h >>>= 0;
    const len = end - start;
    const mask = this.table.length - 1;
    let slot = h & mask;
    let id = -1;
    for (;;) {
      const e = this.table[slot];
      if (e === 0) break;
      if (this.hashes[e - 1] === h) {
        const w = this.words[e - 1];
        if (w.length === len) {
          let k = 0;
          while (k < len && w.charCodeAt(k) === lower(text.charCodeAt(start + k))) k++;
          if (k === len) {
            id = e - 1;
            break;
          }
        }
      }
      slot = (slot + 1) & mask;
    }
    if (id < 0) id = this.insert(text.slice(start, end).toLowerCase(), h, slot);
    this.push(id, doc, occ);
  }

  /** Adds a new word in the empty `slot` of its probe sequence; returns its id. */
  private insert(word: string, h: number, slot: number): number {
    const id = this.words.length;
    this.words.push(word);
    if (id === this.hashes.length) {
      const g = new Uint32Array(id * 2);
      g.set(this.hashes);
      this.hashes = g;
    }
    this.hashes[id] = h;
    this.table[slot] = id + 1;
    if ((id + 1) * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }

  private push(id: number, doc: number, occ: number): void {
    const n = this.length;
    if (n === this.wordOf.length) this.grow();
    this.wordOf[n] = id;
    this.docOf[n] = doc;
    this.occOf[n] = occ;
    this.length = n + 1;
  }

  private grow(): void {
    const cap = this.wordOf.length * 2;
    const g = (a: Uint32Array) => {
      const b = new Uint32Array(cap);
      b.set(a);
      return b;
    };
    this.wordOf = g(this.wordOf);
    this.docOf = g(this.docOf);
    this.occOf = g(this.occOf);
  }

  /**
   * Calls `visit(wordId, docs, counts, occ)` for each word id in `order`, with its documents ascending (the log is
   * in document order and the grouping is stable), occurrence counts per document, and occurrences.
   * The arrays passed are scratch views, valid only during the call.
   */
  forEachWord(order: readonly number[], visit: (wordId: number, docs: Uint32Array, counts: Uint32Array, occ: Uint32Array) => void): void {
    const nWords = this.words.length;
    const n = this.length;
    const start = new Uint32Array(nWords + 1);
    const wordOf = this.wordOf;
    for (let i = 0; i < n; i++) start[wordOf[i] + 1]++;
    for (let w = 0; w < nWords; w++) start[w + 1] += start[w];
    // Scatter docs and occurrences into per-word runs in one sequential pass over the log: each word's run is then
    // read contiguously (a permutation read back through the log missed the cache on every occurrence).
    const pos = start.slice(0, nWords);
    const runDoc = new Uint32Array(n);
    const runOcc = new Uint32Array(n);
    const docOf = this.docOf;
    const occOf = this.occOf;
    for (let i = 0; i < n; i++) {
      const p = pos[wordOf[i]]++;
      runDoc[p] = docOf[i];
      runOcc[p] = occOf[i];
    }
    let maxRun = 0;
    for (let w = 0; w < nWords; w++) maxRun = Math.max(maxRun, start[w + 1] - start[w]);
    const docs = new Uint32Array(maxRun);
    const counts = new Uint32Array(maxRun);
    for (const w of order) {
      let nd = 0;
      const s = start[w];
      const e = start[w + 1];
      for (let j = s; j < e; j++) {
        const d = runDoc[j];
        if (nd === 0 || docs[nd - 1] !== d) {
          docs[nd] = d;
          counts[nd] = 0;
          nd++;
        }
        counts[nd - 1]++;
      }
      visit(w, docs.subarray(0, nd), counts.subarray(0, nd), runOcc.subarray(s, e));
    }
  }
}
