import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
/** The bench's own limit, below the test's: on expiry its whole process tree is killed, PostgreSQL included. */
const BENCH_LIMIT_MS = 420_000;

/**
 * Every process below `pid`, found by parent id. The embedded PostgreSQL runs
 * in a process group of its own (libs/platform/src/database/postgres-process.ts),
 * so killing the bench's group alone would leave it and its backends behind.
 */
function descendantsOf(pid: number): number[] {
  const table = execFileSync('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, ppid] of table)
      if (ppid === parent && !found.includes(child)) {
        found.push(child);
        visit(child);
      }
  };
  visit(pid);
  return found;
}

function killTree(pid: number): void {
  for (const victim of [pid, ...descendantsOf(pid)])
    try {
      process.kill(victim, 'SIGKILL');
    } catch {
      // already gone
    }
}

function runQuickBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join('tools', 'run-compiled.js'), 'dist/bench/scale.bench.js', '--quick'],
      { cwd: root, env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const limit = setTimeout(() => {
      stderr += `\n[test] the bench ran past ${BENCH_LIMIT_MS} ms: its process tree was killed\n`;
      if (child.pid !== undefined) killTree(child.pid);
    }, BENCH_LIMIT_MS);
    child.once('close', (code) => {
      clearTimeout(limit);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Issue 13, item 6: `npm run bench:scale -- --quick` runs end to end against
 * the compiled app: two small regions, each seeded through the command bus in
 * a fresh embedded PostgreSQL, timed through HTTP and rebuilt. It prints its
 * table, the growth per operation and each target as met or NOT met. Smoke
 * only: no figure is asserted.
 */
describe('npm run bench:scale -- --quick', () => {
  it(
    'seeds two small regions, times the six operations and prints the table, growth and targets',
    async () => {
      const { code, stdout, stderr } = await runQuickBench();
      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toContain(
        '| involvements | events | payout lines | draft | CSV export | ledger (median) | annual report | verify | rebuild (all projections) | API peak RSS | seeded in | load average |',
      );
      const lines = stdout.split('\n');
      const rows = lines.filter((line) => /^\| \d/.test(line) && line.includes('events/s'));
      expect(rows.map((row) => row.split(' | ')[0])).toEqual(['| 120', '| 240']);
      for (const row of rows)
        expect(row).toMatch(
          /^\| [\d,]+ \| [\d,]+ \| [1-9][\d,]* \| (\d+(\.\d+)? m?s \| ){4}\d+(\.\d+)? m?s \([\d,]+ events\/s\) \| \d+(\.\d+)? m?s \([\d,]+ events\/s\) \| /,
        );
      const cpuRows = lines.filter((line) => /^\| \d/.test(line) && !line.includes('events/s'));
      expect(cpuRows.map((row) => row.split(' | ')[0])).toEqual(['| 120', '| 240']);
      for (const row of cpuRows)
        expect(row).toMatch(
          /^\| [\d,]+ \| ((\d+(\.\d+)? m?s CPU|n\/a) \| ){5}(\d+(\.\d+)? m?s CPU|n\/a) \|$/,
        );
      expect(stdout).toContain('growth 120 → 240 (×2.0 work; target ≤ ×2.25 time each):');
      for (const operation of ['draft', 'CSV export', 'ledger (median)', 'annual report', 'verify'])
        expect(stdout).toMatch(
          new RegExp(
            `\\n  ${operation.replace(/[()]/g, '\\$&')}: ×\\d+\\.\\d+ time(, ×\\d+\\.\\d+ CPU)? — (met|NOT met)`,
          ),
        );
      expect(stdout).toMatch(/targets at 240 involvements .*load average [\d.]+ [\d.]+ [\d.]+:/);
      expect(stdout).toMatch(/rebuild \(all projections\) ≥ 20,000 events\/s: .* — (met|NOT met)/);
      expect(stdout).toMatch(
        /120 involvements \(\d+ corrected, \d+ voided; payment round [\d,]+ lines, \d+ failed\)/,
      );
    },
    BENCH_LIMIT_MS + 30_000,
  );
});
