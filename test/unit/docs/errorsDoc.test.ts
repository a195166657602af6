/**
 * docs/errors.md is generated from the error table (src/errors/errorCodes.ts) by scripts/errorCodesDoc.mjs: this
 * fails when a code is added, removed, moved or changes its type or HTTP status without `npm run docs` (or
 * `node scripts/errorCodesDoc.mjs`) being run, and when a code has no meaning written in the script.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/errors/errorCodes.ts';
import { DOC_PATH, MEANINGS, TABLE_PATH, renderErrorsDoc, tableSections } from '../../../scripts/errorCodesDoc.mjs';

const root = resolve(import.meta.dirname, '../../..');
const source = readFileSync(resolve(root, TABLE_PATH), 'utf8');

describe('docs/errors.md', () => {
  it('lists every code of the table, in its sections, with a meaning', () => {
    expect(tableSections(source).flatMap((s) => s.codes)).toEqual(Object.keys(ERROR_CODES));
    expect(Object.keys(MEANINGS).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const meaning of Object.values(MEANINGS)) expect(meaning).toMatch(/^[A-Z`].*\.$/);
  });

  it('is up to date with the table (run `npm run docs` after changing src/errors/errorCodes.ts)', () => {
    const doc = readFileSync(resolve(root, DOC_PATH), 'utf8');
    expect(doc).toBe(renderErrorsDoc(source, ERROR_CODES));
  });

  it('gives each code its HTTP status and type', () => {
    const doc = readFileSync(resolve(root, DOC_PATH), 'utf8');
    for (const [code, [type, status]] of Object.entries(ERROR_CODES)) {
      expect(doc).toContain(`| \`${code}\` | ${status} | ${type} |`);
    }
  });
});
