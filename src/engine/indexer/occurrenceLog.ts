/**
 * Every word occurrence of a segment being built, as parallel growable typed arrays (word id, doc, packed
 * field/position), grouped per word by a counting sort at the end. One log instead of three arrays per word keeps
 * the indexer's allocation (and GC) flat: it was a third of indexing time.
 */
export class OccurrenceLog {
  private wordOf = new Uint32Array(1 << 16);
  private docOf = new Uint32Array(1 << 16);
  private occOf = new Uint32Array(1 << 16);
  length = 0;
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();

  add(word: string, doc: number, occ: number): void {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
    }
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
    const start = new Uint32Array(nWords + 1);
    for (let i = 0; i < this.length; i++) start[this.wordOf[i] + 1]++;
    for (let w = 0; w < nWords; w++) start[w + 1] += start[w];
    const pos = start.slice(0, nWords);
    const perm = new Uint32Array(this.length);
    for (let i = 0; i < this.length; i++) perm[pos[this.wordOf[i]]++] = i;
    let maxRun = 0;
    for (let w = 0; w < nWords; w++) maxRun = Math.max(maxRun, start[w + 1] - start[w]);
    const docs = new Uint32Array(maxRun);
    const counts = new Uint32Array(maxRun);
    const occ = new Uint32Array(maxRun);
    for (const w of order) {
      let nd = 0;
      let k = 0;
      for (let j = start[w]; j < start[w + 1]; j++) {
        const i = perm[j];
        const d = this.docOf[i];
        if (nd === 0 || docs[nd - 1] !== d) {
          docs[nd] = d;
          counts[nd] = 0;
          nd++;
        }
        counts[nd - 1]++;
        occ[k++] = this.occOf[i];
      }
      visit(w, docs.subarray(0, nd), counts.subarray(0, nd), occ.subarray(0, k));
    }
  }
}
