#!/usr/bin/env node
// Builds the web client (apps/web) into dist/web with esbuild: one script and
// one stylesheet with content hashes in their names, and index.html that loads
// them (no inline script, nothing from a CDN). `npm start` runs it with
// --if-stale after the API's build: a current dist/web is kept as it is.
// Usage: node tools/build-web.js [--if-stale] [--out <dir>]
'use strict';
const {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} = require('node:fs');
const { basename, join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const SOURCE = join(ROOT, 'apps', 'web');
const DEFAULT_OUT = join(ROOT, 'dist', 'web');
const INPUTS = [SOURCE, join(ROOT, 'package.json'), join(ROOT, 'package-lock.json'), __filename];

function newestInput() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of INPUTS) if (existsSync(input)) visit(input);
  return newest;
}

function isCurrent(out) {
  const stamp = join(out, '.build-stamp');
  return existsSync(stamp) && existsSync(join(out, 'index.html')) && statSync(stamp).mtimeMs >= newestInput();
}

/**
 * The icon package re-exports its ~1,000 icons from one index, and esbuild
 * keeps every one of them (1.2 MB) although Designsystemet uses five. This
 * plugin resolves the package to a module that re-exports only the icons the
 * bundled code imports by name, each from its own file.
 */
function usedIconsOnly() {
  const ICONS = '@navikt/aksel-icons';
  return {
    name: 'used-icons-only',
    setup(build) {
      build.onResolve({ filter: /^@navikt\/aksel-icons$/ }, () => ({ path: ICONS, namespace: 'used-icons' }));
      build.onLoad({ filter: /.*/, namespace: 'used-icons' }, () => {
        const dir = join(ROOT, 'node_modules', '@navikt', 'aksel-icons', 'dist', 'react', 'esm');
        const names = new Set();
        const visit = (path) => {
          for (const entry of readdirSync(path, { withFileTypes: true })) {
            const full = join(path, entry.name);
            if (entry.isDirectory()) visit(full);
            else if (/\.(js|tsx?)$/.test(entry.name))
              for (const match of readFileSync(full, 'utf8').matchAll(
                /import\s*\{([^}]*)\}\s*from\s*["']@navikt\/aksel-icons["']/g,
              ))
                for (const name of match[1].split(','))
                  if (name.trim()) names.add(name.trim().split(/\s+as\s+/)[0]);
          }
        };
        visit(join(ROOT, 'node_modules', '@digdir', 'designsystemet-react', 'dist', 'esm'));
        visit(join(SOURCE, 'src'));
        const contents = [...names]
          .map(
            (name) =>
              `export { default as ${name} } from ${JSON.stringify(join(dir, `${name.replace(/Icon$/, '')}.js`))};`,
          )
          .join('\n');
        return { contents, loader: 'js', resolveDir: dir };
      });
    },
  };
}

const page = ({ script, style }) => `<!doctype html>
<html lang="nb">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Brukermedvirkning</title>
    <link rel="stylesheet" href="/${style}">
    <script defer src="/${script}"></script>
  </head>
  <body>
    <div id="app">
      <noscript>Brukermedvirkning trenger JavaScript slått på i nettleseren.</noscript>
    </div>
  </body>
</html>
`;

/** Builds into `out` (replaced whole); returns the files written with their sizes and the time taken. */
async function buildWebClient({ out = DEFAULT_OUT, quiet = false } = {}) {
  const esbuild = require('esbuild');
  const startedAt = new Date();
  const began = process.hrtime.bigint();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { app: join(SOURCE, 'src', 'main.tsx') },
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'iife',
    target: ['es2020'],
    platform: 'browser',
    jsx: 'automatic',
    tsconfig: join(SOURCE, 'tsconfig.json'),
    outdir: join(out, 'assets'),
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.woff2': 'file', '.woff': 'file', '.svg': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    metafile: true,
    plugins: [usedIconsOnly()],
    logLevel: quiet ? 'silent' : 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs).map(([file, meta]) => ({
    file: relative(out, join(ROOT, file)),
    bytes: meta.bytes,
  }));
  const script = outputs.find((o) => o.file.endsWith('.js'));
  const style = outputs.find((o) => o.file.endsWith('.css'));
  if (!script || !style) throw new Error('the web build wrote no script or no stylesheet');
  writeFileSync(join(out, 'index.html'), page({ script: script.file, style: style.file }));
  const stamp = join(out, '.build-stamp');
  writeFileSync(stamp, `${startedAt.toISOString()}\n`);
  utimesSync(stamp, startedAt, startedAt);
  const ms = Number(process.hrtime.bigint() - began) / 1e6;
  return { out, outputs, ms, metafile: result.metafile };
}

async function main() {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : DEFAULT_OUT;
  if (args.includes('--if-stale') && isCurrent(out)) return;
  process.stderr.write('building the web client…\n');
  const built = await buildWebClient({ out });
  for (const o of built.outputs)
    process.stderr.write(`  ${basename(o.file)}  ${(o.bytes / 1024).toFixed(1)} KiB\n`);
  process.stderr.write(`  built in ${Math.round(built.ms)} ms\n`);
}

module.exports = { buildWebClient, isCurrent, DEFAULT_OUT };

if (require.main === module)
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
