/**
 * docs/client-options.md has one table row per field of `ClientOptions` (src/client/createClient.ts, with the
 * `ClientBackupOptions` it extends), and no row for a field that does not exist: add the row when adding an option.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

/** Field names of the interfaces `names` declared in `file`. */
function interfaceFields(file: string, names: string[]): string[] {
  const source = ts.createSourceFile(file, readFileSync(resolve(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && names.includes(node.name.text)) {
      for (const m of node.members) if (m.name && ts.isIdentifier(m.name)) out.push(m.name.text);
    }
  });
  return out;
}

describe('docs/client-options.md', () => {
  it('has a row for every createClient option, and none for options that do not exist', () => {
    const fields = [...interfaceFields('src/client/createClient.ts', ['ClientOptions']), ...interfaceFields('src/client/clientBackups.ts', ['ClientBackupOptions'])];
    expect(fields.length).toBeGreaterThan(10);
    const doc = readFileSync(resolve(root, 'docs/client-options.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
    expect([...rows].sort()).toEqual([...fields].sort());
  });
});
