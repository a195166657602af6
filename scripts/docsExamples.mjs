#!/usr/bin/env node
// Counts the public functions and methods of the API reference that have no `@example`, from the JSON that
// typedoc writes next to the HTML (docs/api/api.json). `npm run docs` runs it after typedoc; it only reports.
// Counted: exported functions and the methods of exported classes and interfaces, except the members of types a
// user provides rather than calls (`…Options`, `…Like`, `BackupHooks`, `BackupStorage` and its implementation) and
// the page client's forwarded methods (`PocketClient`, `ClientIndex`), which are documented on `Engine` and `Index`.
//
//   node scripts/docsExamples.mjs          the count, per module
//   node scripts/docsExamples.mjs --list   and every name without an example
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReflectionKind } from 'typedoc';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const project = JSON.parse(readFileSync(resolve(root, 'docs/api/api.json'), 'utf8'));

const hasExample = (r) => [r, ...(r.signatures ?? []), ...(r.type?.declaration?.signatures ?? [])].some((x) => x?.comment?.blockTags?.some((t) => t.tag === '@example'));
const isCallableProperty = (r) => r.kind === ReflectionKind.Property && r.type?.type === 'reflection' && (r.type.declaration?.signatures?.length ?? 0) > 0;

const PROVIDED = /(Options|Like)$|^(BackupHooks|BackupStorage|MemoryBackupStorage)$/;
const FORWARDED = { PocketClient: 'Engine', ClientIndex: 'Index' };

/** Member names of each exported class or interface, to tell the page client's forwarded methods. */
const membersOf = new Map();
for (const mod of project.children ?? []) for (const c of mod.children ?? []) membersOf.set(c.name, new Set((c.children ?? []).map((m) => m.name)));

/** @type {Map<string, { total: number, missing: string[] }>} */
const perModule = new Map();
function visit(r, module, path) {
  const name = path ? `${path}.${r.name}` : r.name;
  const callable = r.kind === ReflectionKind.Function || r.kind === ReflectionKind.Method || isCallableProperty(r);
  const forwarded = FORWARDED[path] && membersOf.get(FORWARDED[path])?.has(r.name);
  if (callable && !forwarded && !PROVIDED.test(path) && !r.inheritedFrom && !r.flags?.isExternal) {
    const m = perModule.get(module) ?? { total: 0, missing: [] };
    m.total++;
    if (!hasExample(r)) m.missing.push(name);
    perModule.set(module, m);
  }
  const container = r.kind === ReflectionKind.Class || r.kind === ReflectionKind.Interface || r.kind === ReflectionKind.Namespace;
  if (container) for (const c of r.children ?? []) visit(c, module, name);
}
for (const mod of project.children ?? []) for (const c of mod.children ?? []) visit(c, mod.name, '');

let total = 0;
let missing = 0;
for (const [module, m] of perModule) {
  total += m.total;
  missing += m.missing.length;
  console.log(`${module}: ${m.total - m.missing.length} of ${m.total} functions and methods have an @example`);
  if (process.argv.includes('--list') && m.missing.length) console.log(`  without: ${m.missing.join(', ')}`);
}
console.log(`all: ${total - missing} of ${total} have an @example, ${missing} without`);
