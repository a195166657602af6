#!/usr/bin/env node
// `npm run check:package`: what `npm publish` would upload (`npm pack --dry-run --json`), checked after a build.
// - nothing but the library: no tests, fixtures, benchmarks, demo or sources; no source map without its sources;
// - the required files: README, LICENSE (matching package.json's `license`), CHANGELOG, every `exports` target,
//   `main` and `types`;
// - every relative import, dynamic import and `new URL('./…', import.meta.url)` of a packed module resolves to a
//   packed file, and the worker's modules import nothing by name (a worker has no import map);
// - the page entry starts the worker with the `new Worker(new URL(…), { type: 'module' })` pattern bundlers emit.
// Prints one line per failure, then `check:package: N passed, N failed`; exits 1 on any failure.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'vite';

/**
 * The modules and files a module refers to: static and dynamic imports, re-exports, and `new URL('…',
 * import.meta.url)` (workers, assets) — read from its syntax tree, so that comments and strings do not count.
 */
function moduleReferences(ast) {
  const out = [];
  const isLiteral = (n) => n?.type === 'Literal' && typeof n.value === 'string';
  const isImportMetaUrl = (n) => n?.type === 'MemberExpression' && n.object?.type === 'MetaProperty' && n.property?.name === 'url';
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (/^(Import|ExportNamed|ExportAll)Declaration$|^ImportExpression$/.test(node.type) && isLiteral(node.source)) out.push(node.source.value);
    if (node.type === 'NewExpression' && node.callee?.name === 'URL' && isLiteral(node.arguments[0]) && isImportMetaUrl(node.arguments[1])) out.push(node.arguments[0].value);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
  return out;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let passed = 0;
const failures = [];
const check = (ok, what) => (ok ? passed++ : failures.push(what));

if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('dist/ is not built: run `npm run build -- lib` first.');
  process.exit(1);
}
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
const files = new Set(packed.files.map((f) => f.path));

// Nothing but the library.
const FORBIDDEN = [/^test\//, /^tests?\//, /(^|\/)fixtures?\//, /^bench\//, /^demo\//, /^demo-dist\//, /^src\//, /^scripts\//, /^public\//, /^\.ci\//, /\.test\.[cm]?[jt]s$/, /\.spec\.[cm]?[jt]s$/, /(^|\/)\.tmp\//];
for (const f of files) check(!FORBIDDEN.some((re) => re.test(f)), `${f}: not part of the library`);
for (const f of files) {
  if (!f.endsWith('.map')) continue;
  const map = JSON.parse(readFileSync(join(root, f), 'utf8'));
  const complete = Array.isArray(map.sourcesContent) && map.sourcesContent.length === map.sources.length && map.sourcesContent.every((c) => typeof c === 'string');
  check(complete, `${f}: a source map without its sources (no sourcesContent, and the sources are not packed)`);
  check(files.has(f.slice(0, -'.map'.length)), `${f}: a source map of a file the package does not have`);
}

// Required files.
const targets = new Set([pkg.main, pkg.types]);
const collect = (v) => (typeof v === 'string' ? targets.add(v) : v && typeof v === 'object' && Object.values(v).forEach(collect));
collect(pkg.exports);
for (const t of targets) check(t === './package.json' || files.has(normalize(t)), `export target ${t} is not in the package`);
for (const f of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/worker/worker.js', 'dist/worker/segmentBuildWorker.js']) check(files.has(f), `${f} is missing`);
const text = (f) => (existsSync(join(root, f)) ? readFileSync(join(root, f), 'utf8') : '');
check(files.has('LICENSE') && pkg.license === 'MIT' && /MIT License/.test(text('LICENSE')), 'LICENSE does not match package.json `license`');
for (const field of ['repository', 'homepage', 'bugs']) check(Boolean(pkg[field]), `package.json has no \`${field}\``);
check(text('CHANGELOG.md').includes(`## ${pkg.version}`), `CHANGELOG.md has no section for ${pkg.version}`);

// Every module's relative references resolve inside the package; the worker's modules are self-contained.
const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));
for (const f of files) {
  if (!f.endsWith('.js') || !f.startsWith('dist/')) continue;
  for (const spec of moduleReferences(parseAst(readFileSync(join(root, f), 'utf8')))) {
    if (spec.startsWith('.')) check(files.has(normalize(join(dirname(f), spec))), `${f}: ${spec} is not in the package`);
    else if (f.startsWith('dist/worker/')) check(false, `${f}: imports \`${spec}\` by name (a worker has no import map)`);
    else check(dependencies.has(spec.split('/')[0]) || spec.startsWith('node:'), `${f}: imports \`${spec}\`, not a dependency`);
  }
}
const index = readFileSync(join(root, 'dist/index.js'), 'utf8');
check(index.includes('new Worker(new URL("./worker/worker.js", import.meta.url), { type: "module", name: "pocketsearch" })'), 'dist/index.js does not start dist/worker/worker.js with the bundler-recognized pattern');
check(!/\?worker|revokeObjectURL\(import\.meta\.url\)/.test(index), 'dist/index.js inlines a worker');

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`${packed.filename}: ${packed.entryCount} files, ${kB(packed.size)} packed, ${kB(packed.unpackedSize)} unpacked`);
for (const f of failures) console.error(`FAIL ${f}`);
console.log(`check:package: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
