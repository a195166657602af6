/**
 * The workload of the crash test (reliability-crash.spec.ts), kept apart from the browser so it can be reasoned
 * about: a seeded plan of rounds (document tasks, dumps, snapshots, where and how to kill), and the model that
 * says what the database must hold given which tasks succeeded.
 *
 * Every task that changes documents carries a unique `customMetadata` tag. After a kill the test does not need to
 * know which registrations got their answer back: the database's own task list (tags, statuses, uid order) is
 * replayed against the plan of each tag, so a task registered just before the kill is accounted for too.
 */

import { rng } from '../seededRandom.ts';

/** What one tagged task does to the `docs` index. */
export type DocOp =
  | { kind: 'add'; tag: string; from: number; to: number }
  | { kind: 'update'; tag: string; ids: number[]; v: number }
  | { kind: 'deleteTag'; tag: string; target: string }
  | { kind: 'deleteIds'; tag: string; ids: number[] };

/** A task of a round, in registration order. */
export type RoundOp = DocOp | { kind: 'settings'; sortable: string[] } | { kind: 'dump' } | { kind: 'snapshot' };

export type RoundKind = 'indexing' | 'dump' | 'snapshot';
export type KillMode = 'terminate' | 'closePage';

export interface Round {
  index: number;
  kind: RoundKind;
  ops: RoundOp[];
  mode: KillMode;
  /** Kill this many ms after the first registration, without waiting for processing (kills mid-registration). */
  early: number | null;
  /** Position in [0, 1) of the kill within the expected duration of the target task, once it is processing. */
  at: number;
  /** The op (index in `ops`) whose processing is the kill's target. */
  target: number;
}

/** Documents of an `add`: small, with the fields the model checks (`tag`, `v`) and words to search. */
export function docsOf(op: { tag: string; from: number; to: number }): Record<string, unknown>[] {
  const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
  return Array.from({ length: op.to - op.from }, (_, k) => {
    const id = op.from + k;
    return { id, tag: op.tag, v: 0, n: id % 7, title: `doc ${id}`, body: `${words[id % 8]} ${words[(id >> 3) % 8]} text ${id % 101}` };
  });
}

/** The documents the model expects: id → `v`. */
export type Expected = Map<number, number>;

/** Applies one succeeded op to the expected documents (what the engine must have done). */
export function applyOp(docs: Expected, op: DocOp, tags: Map<number, string>): void {
  switch (op.kind) {
    case 'add':
      for (let id = op.from; id < op.to; id++) {
        docs.set(id, 0);
        tags.set(id, op.tag);
      }
      return;
    case 'update':
      // A partial update of a missing document creates it (Meilisearch's PUT), without a tag.
      for (const id of op.ids) docs.set(id, op.v);
      return;
    case 'deleteIds':
      for (const id of op.ids) {
        docs.delete(id);
        tags.delete(id);
      }
      return;
    case 'deleteTag':
      for (const [id] of docs) {
        if (tags.get(id) !== op.target) continue;
        docs.delete(id);
        tags.delete(id);
      }
      return;
  }
}

/** A task as the test reads it back from the engine. */
export interface SeenTask {
  uid: number;
  status: string;
  type: string;
  customMetadata?: string | null;
  duration?: string | null;
}

/** The expected documents after the succeeded tagged tasks of `tasks`, applied in uid order (the engine's order). */
export function expectedAfter(tasks: readonly SeenTask[], plan: ReadonlyMap<string, DocOp>): Expected {
  return replay(tasks, plan).docs;
}

/** The ids of the expected documents that have a title: added, and not deleted since (an update keeps it). */
export function expectedTitled(tasks: readonly SeenTask[], plan: ReadonlyMap<string, DocOp>): number[] {
  return [...replay(tasks, plan).tags.keys()].sort((a, b) => a - b);
}

function replay(tasks: readonly SeenTask[], plan: ReadonlyMap<string, DocOp>): { docs: Expected; tags: Map<number, string> } {
  const docs: Expected = new Map();
  const tags = new Map<number, string>();
  for (const t of [...tasks].sort((a, b) => a.uid - b.uid)) {
    if (t.status !== 'succeeded' || !t.customMetadata) continue;
    const op = plan.get(t.customMetadata);
    if (op) applyOp(docs, op, tags);
  }
  return { docs, tags };
}

/**
 * Plans rounds. The live document count stays between a few thousand and ~25,000 so that every round costs about
 * the same: additions of fresh id ranges, partial updates, deletions of a previous addition (by filter on its tag)
 * or of some ids, an occasional settings change that re-indexes, and a dump or a snapshot in a third of the rounds.
 */
export class CrashPlanner {
  private readonly random: () => number;
  private nextId = 0;
  private nextTag = 0;
  /** Tags of additions planned so far (deletion targets). */
  private readonly adds: DocOp[] = [];
  private liveEstimate = 0;
  readonly plan = new Map<string, DocOp>();

  constructor(seed: number) {
    this.random = rng(seed);
  }

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private tag(): string {
    return `t${this.nextTag++}`;
  }

  private docOp(): DocOp {
    const r = this.random();
    const canDelete = this.adds.length > 2;
    if (canDelete && (this.liveEstimate > 25_000 || r < 0.22)) {
      const target = this.adds.splice(this.int(0, this.adds.length - 2), 1)[0] as Extract<DocOp, { kind: 'add' }>;
      this.liveEstimate -= target.to - target.from;
      return this.remember({ kind: 'deleteTag', tag: this.tag(), target: target.tag });
    }
    if (canDelete && r < 0.32) {
      const ids = Array.from({ length: this.int(1, 200) }, () => this.int(0, Math.max(0, this.nextId - 1)));
      return this.remember({ kind: 'deleteIds', tag: this.tag(), ids });
    }
    if (canDelete && r < 0.45) {
      const ids = Array.from({ length: this.int(1, 500) }, () => this.int(0, Math.max(0, this.nextId - 1)));
      return this.remember({ kind: 'update', tag: this.tag(), ids, v: this.nextTag });
    }
    const n = this.int(300, 4000);
    const op: DocOp = { kind: 'add', tag: this.tag(), from: this.nextId, to: this.nextId + n };
    this.nextId += n;
    this.liveEstimate += n;
    this.adds.push(op);
    return this.remember(op);
  }

  private remember(op: DocOp): DocOp {
    this.plan.set(op.tag, op);
    return op;
  }

  /** The first round: the index settings the deletions by filter need, and a first batch of documents. */
  setup(): RoundOp[] {
    return [{ kind: 'settings', sortable: [] }, this.docOp(), this.docOp(), this.docOp()];
  }

  next(index: number): Round {
    const kind: RoundKind = this.pick<RoundKind>(['indexing', 'indexing', 'dump', 'snapshot']);
    const ops: RoundOp[] = [];
    const docOps = kind === 'indexing' ? this.int(1, 4) : this.int(0, 2);
    for (let i = 0; i < docOps; i++) ops.push(this.docOp());
    if (kind === 'indexing' && this.random() < 0.08) ops.splice(this.int(0, ops.length), 0, { kind: 'settings', sortable: this.random() < 0.5 ? ['n'] : [] });
    if (kind === 'dump') ops.push({ kind: 'dump' });
    if (kind === 'snapshot') ops.push({ kind: 'snapshot' });
    const target = kind === 'indexing' ? this.int(0, ops.length - 1) : ops.length - 1;
    return {
      index,
      kind,
      ops,
      mode: this.random() < 0.25 ? 'closePage' : 'terminate',
      early: this.random() < 0.1 ? this.int(0, 25) : null,
      at: this.random(),
      target,
    };
  }
}

/** ISO 8601 duration of a finished task (`PT0.123S`) in ms, or null. */
export function durationMs(d: string | null | undefined): number | null {
  const m = d ? /^PT(?:(\d+)M)?([\d.]+)S$/.exec(d) : null;
  return m ? Number(m[1] ?? 0) * 60_000 + Number(m[2]) * 1000 : null;
}
