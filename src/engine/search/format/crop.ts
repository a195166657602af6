/**
 * Cropping (spec §7), as Meilisearch computes it: choose the interval of matches that fits in the crop
 * length and scores best (distinct query terms matched, then closeness with gaps capped at 7, then
 * matches in query order), then grow it word by word on both sides, preferring to cross soft rather than
 * hard separators, until it holds `cropLength` words.
 */
import type { Token } from '../../text/types.ts';
import type { Match, MatchedText } from './matcher.ts';

function intervalScore(matches: readonly Match[], from: number, to: number): [number, number, number] {
  const ids = new Set<number>();
  let order = 0;
  let distance = 0;
  for (let i = from; i <= to; i++) {
    const m = matches[i];
    const phraseGaps = m.lastWord - m.firstWord;
    if (i < to) {
      const next = matches[i + 1];
      if (next.ids[0] > m.ids[0]) order++;
      // A phrase's words are in order and adjacent: +1 order and -1 distance per inner gap.
      order += phraseGaps;
      distance -= phraseGaps;
      distance -= Math.min(next.firstWord - m.lastWord, 7);
    } else {
      order += phraseGaps;
      distance -= phraseGaps;
    }
    for (let id = m.ids[0]; id <= m.ids[1]; id++) ids.add(id);
  }
  return [ids.size, distance, order];
}

function better(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

/** First and last match of the best interval fitting in `cropSize` words. */
export function bestMatchInterval(matches: readonly Match[], cropSize: number): [Match, Match] {
  let best: { from: number; to: number; score: [number, number, number] } | null = null;
  const save = (from: number, to: number) => {
    const score = intervalScore(matches, from, to);
    if (!best || better(score, best.score)) best = { from, to, score };
  };
  let first = 0;
  let firstWord = matches[0].firstWord;
  for (let index = 0; index < matches.length; index++) {
    const lastWord = matches[index].lastWord;
    if (lastWord - firstWord >= cropSize) {
      if (index !== 0) save(first, index - 1);
      for (;;) {
        first++;
        if (first === matches.length) {
          first--;
          break;
        }
        firstWord = matches[first].firstWord;
        if (firstWord > lastWord || lastWord - firstWord < cropSize) break;
      }
    }
  }
  const last = matches.length - 1;
  if (first !== last || matches[first].lastWord - matches[first].firstWord + 1 < cropSize) save(first, last);
  const b = best as { from: number; to: number } | null;
  return b ? [matches[b.from], matches[b.to]] : [matches[0], matches[0]];
}

const isWord = (t: Token) => t.kind !== 'separator';

/** UTF-16 `[start, end)` of the crop window of `cropSize` words. */
export function cropBounds(m: MatchedText, cropSize: number): [number, number] {
  const { tokens, matches, text } = m;
  let remaining: number;
  let forward: boolean;
  let beforeStart: number;
  let afterStart: number;
  if (matches.length) {
    const [firstMatch, lastMatch] = bestMatchInterval(matches, cropSize);
    const size = lastMatch.lastWord - firstMatch.firstWord + 1;
    const fits = cropSize >= size;
    forward = size === 0 || fits;
    remaining = fits ? cropSize - size : size - cropSize;
    afterStart = size === 0 ? 0 : Math.min(lastMatch.lastToken + 1, tokens.length);
    beforeStart = forward ? firstMatch.firstToken : 0;
  } else {
    remaining = cropSize;
    forward = true;
    beforeStart = 0;
    afterStart = 0;
  }
  // `before` walks left from the window; `after` walks right (or, for a too-long match, back left).
  let before = beforeStart - 1;
  let after = forward ? afterStart : Math.min(afterStart, tokens.length - 1);
  const afterPeek = (): Token | undefined => (forward ? tokens[after] : after >= 0 ? tokens[after] : undefined);
  const afterNext = () => (forward ? after++ : after--);
  while (remaining > 0) {
    const b = before >= 0 ? tokens[before] : undefined;
    const a = afterPeek();
    if (b && a) {
      if (!isWord(b) && !isWord(a)) {
        if (b.separatorKind === a.separatorKind) {
          before--;
          // avoids ending on a separator before the crop marker
          if (remaining > 1) afterNext();
        } else if (b.separatorKind === 'hard') afterNext();
        else before--;
      } else if (isWord(b) && !isWord(a)) {
        before--;
        remaining--;
      } else if (!isWord(b) && isWord(a)) {
        afterNext();
        remaining--;
      } else {
        before--;
        remaining--;
        if (remaining > 0) {
          afterNext();
          remaining--;
        }
      }
    } else if (b) {
      before--;
      if (isWord(b)) remaining--;
    } else if (a) {
      afterNext();
      if (isWord(a)) remaining--;
    } else break;
  }
  const start = before >= 0 ? tokens[before].end : 0;
  const endToken = afterPeek();
  const end = endToken ? endToken.start : text.length;
  return [start, end];
}
