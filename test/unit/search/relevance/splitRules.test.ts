/**
 * Word position, attribute rank and proximity against brute force on random documents: a document's bucket is
 * the sum, over the query terms (or adjacent pairs), of the cost of the cheapest match (closest position
 * bucket, lightest field, smallest distance), whatever other matches it has. Several batches make several
 * segments.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../../src/engine.ts';
import { bucketedPosition, costFromDistance } from '../../../../src/engine/search/ranking/termDocs.ts';
import { rng as prng } from '../../../seededRandom.ts';

const VOCAB = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];

function text(rnd: () => number, max: number): string[] {
  return Array.from({ length: 1 + Math.floor(rnd() * max) }, () => VOCAB[Math.floor(rnd() * VOCAB.length)]);
}

async function indexed(docs: Record<string, unknown>[], settings: Record<string, unknown>) {
  const engine = await createEngine({ storage: 'memory', name: `split-rules-${Math.random()}` });
  const index = engine.index('t');
  await index.updateSettings({ typoTolerance: { enabled: false }, ...settings }).waitTask();
  for (let i = 0; i < docs.length; i += 50) await index.addDocuments(docs.slice(i, i + 50), { primaryKey: 'id' }).waitTask();
  return { engine, index };
}

/** Hits in order with their expected costs: the costs must never decrease, and every matching doc is there. */
function expectOrderedBy(hitIds: number[], cost: Map<number, number>): void {
  expect(hitIds.length).toBe(cost.size);
  const costs = hitIds.map((id) => cost.get(id));
  for (let i = 1; i < costs.length; i++) expect(costs[i]! >= costs[i - 1]!, `hit ${i}: ${costs[i - 1]} then ${costs[i]}`).toBe(true);
}

describe('split rules take each term at its cheapest match', () => {
  it('word position: closest position bucket to the query position, per term', async () => {
    const rnd = prng(11);
    const docs = Array.from({ length: 300 }, (_, id) => ({ id, text: text(rnd, 70).join(' ') }));
    const { engine, index } = await indexed(docs, { rankingRules: ['words', 'wordPosition'] });
    try {
      for (const q of ['charlie', 'delta alpha', 'bravo golf echo']) {
        const terms = q.split(' ');
        const cost = new Map<number, number>();
        for (const d of docs) {
          const words = d.text.split(' ');
          let total = 0;
          for (const [qp, t] of terms.entries()) {
            let best = Infinity;
            words.forEach((w, p) => {
              if (w === t) best = Math.min(best, costFromDistance(Math.abs(bucketedPosition(p) - qp)));
            });
            total += best;
          }
          if (Number.isFinite(total)) cost.set(d.id, total);
        }
        const res = await index.search(q, { limit: 1000, matchingStrategy: 'all' });
        expectOrderedBy(res.hits.map((h) => h.id as number), cost);
      }
    } finally {
      await engine.close();
    }
  });

  it('attribute rank: lightest searchable field, per term', async () => {
    const rnd = prng(23);
    const fields = ['a', 'b', 'c', 'd'];
    const docs = Array.from({ length: 300 }, (_, id) => {
      const d: Record<string, unknown> = { id };
      for (const f of fields) if (rnd() < 0.7) d[f] = text(rnd, 6).join(' ');
      return d;
    });
    const searchable = ['c', 'a', 'd', 'b'];
    const { engine, index } = await indexed(docs, { searchableAttributes: searchable, rankingRules: ['words', 'attributeRank'] });
    try {
      for (const q of ['echo', 'hotel bravo', 'alpha foxtrot delta']) {
        const cost = new Map<number, number>();
        for (const d of docs) {
          let total = 0;
          for (const t of q.split(' ')) {
            const w = searchable.findIndex((f) => typeof d[f] === 'string' && (d[f] as string).split(' ').includes(t));
            total += w < 0 ? Infinity : w;
          }
          if (Number.isFinite(total)) cost.set(d.id as number, total);
        }
        const res = await index.search(q, { limit: 1000, matchingStrategy: 'all' });
        expectOrderedBy(res.hits.map((h) => h.id as number), cost);
      }
    } finally {
      await engine.close();
    }
  });

  it('proximity: each adjacent pair at its smallest distance, in one field, reversed pairs one farther', async () => {
    const rnd = prng(37);
    const docs = Array.from({ length: 300 }, (_, id) => ({ id, a: text(rnd, 12).join(' '), b: text(rnd, 12).join(' ') }));
    const { engine, index } = await indexed(docs, { rankingRules: ['words', 'proximity'] });
    try {
      for (const q of ['alpha bravo', 'charlie charlie', 'delta echo foxtrot', 'golf hotel alpha bravo']) {
        const terms = q.split(' ');
        const cost = new Map<number, number>();
        for (const d of docs) {
          const fields = [d.a.split(' '), d.b.split(' ')];
          if (!terms.every((t) => fields.some((f) => f.includes(t)))) continue;
          let total = 0;
          for (let i = 0; i + 1 < terms.length; i++) {
            let prox = 4;
            for (const f of fields) {
              f.forEach((w, p) => {
                if (w !== terms[i]) return;
                f.forEach((v, r) => {
                  if (v !== terms[i + 1] || r === p) return;
                  prox = Math.min(prox, r > p ? r - p : p - r + 1);
                });
              });
            }
            total += Math.min(prox, 4) - 1;
          }
          cost.set(d.id, total);
        }
        const res = await index.search(q, { limit: 1000, matchingStrategy: 'all' });
        expectOrderedBy(res.hits.map((h) => h.id as number), cost);
      }
    } finally {
      await engine.close();
    }
  });
});
