import { describe, expect, it } from 'vitest';
import { OccurrenceLog } from '../../../src/engine/indexer/occurrenceLog.ts';

/** word → [doc, occ][] as the log groups them. */
function grouped(log: OccurrenceLog): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  const order = log.words.map((_, i) => i);
  log.forEachWord(order, (w, docs, counts, occ) => {
    const list: [number, number][] = [];
    let k = 0;
    docs.forEach((d, i) => {
      for (let c = 0; c < counts[i]; c++) list.push([d, occ[k++]]);
    });
    out.set(log.words[w], list);
  });
  return out;
}

describe('OccurrenceLog', () => {
  it('interns a word once whether it comes as a string or as a range of text (ASCII lowercased)', () => {
    const log = new OccurrenceLog();
    const text = 'The QUICK fox, the quick';
    log.addRange(text, 0, 3, 1, 10); // The
    log.addRange(text, 4, 9, 1, 11); // QUICK
    log.add('fox', 1, 12);
    log.addRange(text, 15, 18, 2, 20); // the
    log.add('quick', 2, 21);
    log.addRange(text, 10, 13, 3, 30); // fox
    expect(log.words).toEqual(['the', 'quick', 'fox']);
    expect(grouped(log)).toEqual(
      new Map([
        ['the', [[1, 10], [2, 20]]],
        ['quick', [[1, 11], [2, 21]]],
        ['fox', [[1, 12], [3, 30]]],
      ]),
    );
  });

  it('matches a Map-based reference over many words (rehashing, growth, colliding prefixes)', () => {
    const log = new OccurrenceLog();
    const ref = new Map<string, [number, number][]>();
    let seed = 3;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const vocab = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}${'x'.repeat(i % 7)}`);
    for (let doc = 0; doc < 2_000; doc++) {
      for (let k = 0; k < 60; k++) {
        const word = vocab[rnd(vocab.length)];
        const occ = k;
        if (rnd(2) === 0) log.add(word, doc, occ);
        else {
          const text = `  ${word.toUpperCase()}  `;
          log.addRange(text, 2, 2 + word.length, doc, occ);
        }
        let list = ref.get(word);
        if (!list) ref.set(word, (list = []));
        list.push([doc, occ]);
      }
    }
    expect(new Set(log.words).size).toBe(log.words.length);
    expect(grouped(log)).toEqual(new Map([...ref].sort(([a], [b]) => log.words.indexOf(a) - log.words.indexOf(b))));
  });
});
