#!/usr/bin/env node
// Runs a compiled entry point from dist/ (npm run token, demo, audit:verify,
// projections:rebuild), building first only when a source file is newer than
// the last build: a current dist/ starts at once instead of after a 5-10 s
// `tsc`. The build's own output goes to stderr, so stdout carries only what
// the command prints: `TOKEN=$(npm run -s token -- …)` captures the token alone.
// Usage: node tools/run-compiled.js dist/<path>.js [args…]
//        node tools/run-compiled.js --build-if-stale   (npm start's prestart)
'use strict';
const { spawn, spawnSync } = require('node:child_process');
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
const { join, resolve } = require('node:path');

const ROOT = join(__dirname, '..');
/** Written after each build this launcher runs; its time is "dist was built from sources older than this". */
const STAMP = join(ROOT, 'dist', '.build-stamp');
/**
 * Held while a build runs: two launchers that find dist/ stale at the same
 * time (`npm start` and `npm run token` in two terminals, or two test files)
 * build once, one after the other, and the second finds the build current.
 * Without it the second `tsc` rewrites files the first one's app is loading.
 */
const LOCK = join(ROOT, 'dist', '.build-lock');
const LOCK_STALE_MS = 10 * 60_000;
const SOURCE_DIRS = ['apps', 'libs', 'tools', 'bench', 'infra'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time of anything the build reads (spec files are not built). */
function newestSource(root = ROOT) {
  let newest = 0;
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.spec.ts'))
        newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) visit(join(root, dir));
  for (const file of SOURCE_FILES)
    if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

/** True when dist/ was built (by this launcher) after the last change to any source. */
function isBuildCurrent(root = ROOT) {
  const stamp = join(root, 'dist', '.build-stamp');
  return existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(root);
}

function build() {
  const startedAt = new Date();
  process.stderr.write('building (sources changed since the last build)…\n');
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    rmSync(LOCK, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
  // The stamp carries the time the build started: a source saved during the build counts as newer.
  writeFileSync(STAMP, `${startedAt.toISOString()}\n`);
  utimesSync(STAMP, startedAt, startedAt);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** True when the process that wrote the lock is gone (a build killed half-way) or the lock is very old. */
function lockIsStale() {
  try {
    const pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) return true;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // No pid file yet (written just after the directory): young locks are live.
    if (error && error.code === 'ENOENT') return Date.now() - safeMtime(LOCK) > 5_000;
    return true;
  }
}

function safeMtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

/** Builds when stale, one launcher at a time; returns once dist/ is current. */
function buildIfStale() {
  if (isBuildCurrent()) return;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  let waited = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (lockIsStale()) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (!waited) process.stderr.write('waiting for another build of dist/ to finish…\n');
      waited = true;
      sleep(200);
    }
  }
  try {
    writeFileSync(join(LOCK, 'pid'), String(process.pid));
    if (!isBuildCurrent()) build();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function main() {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    process.stderr.write('usage: node tools/run-compiled.js dist/<path>.js [args…] | --build-if-stale\n');
    process.exit(2);
  }
  buildIfStale();
  if (entry === '--build-if-stale') return;
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, 'register-paths.js'), resolve(ROOT, entry), ...args],
    {
      stdio: 'inherit',
    },
  );
  // A terminal's Ctrl-C reaches the child itself; this launcher only waits for it to finish.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

module.exports = { isBuildCurrent, newestSource };

if (require.main === module) main();
