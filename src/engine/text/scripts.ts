/**
 * Writing-system classification of code points, as charabia (0.9.9) sees it.
 *
 * Text is cut into runs of one script before anything else; the run's script decides which segmenter
 * and which lossy normalizers apply. The ranges are charabia's (whatlang-derived) block ranges, not the
 * Unicode Script property: e.g. U+0080–U+00FF counts as Latin (so `°`, `×`, NBSP join Latin runs),
 * Greek Extended and combining marks count as "other", and the whole U+FF00–U+FFEF block (full-width
 * ASCII, half-width katakana) counts as Hangul.
 */

export const Script = {
  Other: 0,
  Latin: 1,
  Cyrillic: 2,
  Arabic: 3,
  Devanagari: 4,
  Hebrew: 5,
  Ethiopic: 6,
  Georgian: 7,
  Bengali: 8,
  Hangul: 9,
  /** Han ideographs, hiragana and katakana together (charabia's `Cj`). */
  Cj: 10,
  Greek: 11,
  Kannada: 12,
  Tamil: 13,
  Thai: 14,
  Gujarati: 15,
  Gurmukhi: 16,
  Telugu: 17,
  Malayalam: 18,
  Oriya: 19,
  Myanmar: 20,
  Sinhala: 21,
  Khmer: 22,
  /** Never produced per character (charabia has no Armenian range); only for runs of otherwise unscripted Armenian letters. */
  Armenian: 23,
} as const;

export type ScriptId = (typeof Script)[keyof typeof Script];

/** Number of script ids, for per-script tables. */
export const SCRIPT_COUNT = 24;

const inRange = (cp: number, lo: number, hi: number): boolean => cp >= lo && cp <= hi;

/** Script of one code point; ASCII letters are Latin, other ASCII is `Other`. Order of checks matters (charabia's). */
export function scriptOf(cp: number): ScriptId {
  if (cp < 0x80) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) ? Script.Latin : Script.Other;
  }
  if (
    cp <= 0x24f ||
    inRange(cp, 0x250, 0x2af) ||
    inRange(cp, 0x1d00, 0x1dbf) ||
    inRange(cp, 0x1e00, 0x1eff) ||
    inRange(cp, 0x2100, 0x214f) ||
    inRange(cp, 0x2c60, 0x2c7f) ||
    inRange(cp, 0xa720, 0xa7ff) ||
    inRange(cp, 0xab30, 0xab6f)
  ) {
    return Script.Latin;
  }
  if (
    inRange(cp, 0x400, 0x484) ||
    inRange(cp, 0x487, 0x52f) ||
    inRange(cp, 0x2de0, 0x2dff) ||
    inRange(cp, 0xa640, 0xa69d) ||
    cp === 0x1d2b ||
    cp === 0x1d78 ||
    cp === 0xa69f
  ) {
    return Script.Cyrillic;
  }
  if (
    inRange(cp, 0x600, 0x6ff) ||
    inRange(cp, 0x750, 0x7ff) ||
    inRange(cp, 0x8a0, 0x8ff) ||
    inRange(cp, 0xfb50, 0xfdff) ||
    inRange(cp, 0xfe70, 0xfeff) ||
    inRange(cp, 0x10e60, 0x10e7f) ||
    inRange(cp, 0x1ee00, 0x1eeff)
  ) {
    return Script.Arabic;
  }
  if (inRange(cp, 0x900, 0x97f) || inRange(cp, 0xa8e0, 0xa8ff) || inRange(cp, 0x1cd0, 0x1cff)) return Script.Devanagari;
  if (inRange(cp, 0x590, 0x5ff)) return Script.Hebrew;
  if (inRange(cp, 0x1200, 0x139f) || inRange(cp, 0x2d80, 0x2ddf) || inRange(cp, 0xab00, 0xab2f)) return Script.Ethiopic;
  if (inRange(cp, 0x10a0, 0x10ff)) return Script.Georgian;
  if (inRange(cp, 0x980, 0x9ff)) return Script.Bengali;
  if (
    inRange(cp, 0xac00, 0xd7af) ||
    inRange(cp, 0x1100, 0x11ff) ||
    inRange(cp, 0x3130, 0x318f) ||
    inRange(cp, 0x3200, 0x32ff) ||
    inRange(cp, 0xa960, 0xa97f) ||
    inRange(cp, 0xd7b0, 0xd7ff) ||
    inRange(cp, 0xff00, 0xffef)
  ) {
    return Script.Hangul;
  }
  if (isKanaOrHan(cp)) return Script.Cj;
  if (inRange(cp, 0x370, 0x3ff)) return Script.Greek;
  if (inRange(cp, 0xc80, 0xcff)) return Script.Kannada;
  if (inRange(cp, 0xb80, 0xbff)) return Script.Tamil;
  if (inRange(cp, 0xe00, 0xe7f)) return Script.Thai;
  if (inRange(cp, 0xa80, 0xaff)) return Script.Gujarati;
  if (inRange(cp, 0xa00, 0xa7f)) return Script.Gurmukhi;
  if (inRange(cp, 0xc00, 0xc7f)) return Script.Telugu;
  if (inRange(cp, 0xd00, 0xd7f)) return Script.Malayalam;
  if (inRange(cp, 0xb00, 0xb7f)) return Script.Oriya;
  if (inRange(cp, 0x1000, 0x109f)) return Script.Myanmar;
  if (inRange(cp, 0xd80, 0xdff)) return Script.Sinhala;
  if (inRange(cp, 0x1780, 0x17ff) || inRange(cp, 0x19e0, 0x19ff)) return Script.Khmer;
  return Script.Other;
}

/** Hiragana or katakana block (what makes a Han run Japanese rather than Chinese). */
export function isKana(cp: number): boolean {
  return cp >= 0x3040 && cp <= 0x30ff;
}

function isKanaOrHan(cp: number): boolean {
  return (
    isKana(cp) ||
    inRange(cp, 0x2e80, 0x2e99) ||
    inRange(cp, 0x2e9b, 0x2ef3) ||
    inRange(cp, 0x2f00, 0x2fd5) ||
    cp === 0x3005 ||
    cp === 0x3007 ||
    inRange(cp, 0x3021, 0x3029) ||
    inRange(cp, 0x3038, 0x303b) ||
    inRange(cp, 0x3400, 0x4db5) ||
    inRange(cp, 0x4e00, 0x9fcc) ||
    inRange(cp, 0xf900, 0xfa6d) ||
    inRange(cp, 0xfa70, 0xfad9)
  );
}

/** Armenian letters: charabia's per-char table has none, but its run detector (whatlang) names such runs Armenian. */
export function isArmenianLetter(cp: number): boolean {
  return inRange(cp, 0x531, 0x587) || inRange(cp, 0xfb13, 0xfb17);
}

/** Lao block: "other" for charabia; we still segment it (see `segmenter.ts`). */
export function isLao(cp: number): boolean {
  return cp >= 0xe80 && cp <= 0xeff;
}
