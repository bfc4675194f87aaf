import { execFile } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * Issue 13, item 6: `npm run bench:scale -- --quick` runs end to end against
 * the compiled app (two small years, each in a fresh embedded PostgreSQL) and
 * prints its table and growth ratios. Smoke only: no figure is asserted.
 */
describe('npm run bench:scale -- --quick', () => {
  it('seeds two small years, times the four operations through HTTP and prints the table and growth', async () => {
    const { code, stdout, stderr } = await new Promise<{
      code: number | null;
      stdout: string;
      stderr: string;
    }>((resolve) => {
      const child = execFile(
        process.execPath,
        [join('tools', 'run-compiled.js'), 'dist/bench/scale.bench.js', '--quick'],
        { cwd: root, env: { PATH: process.env.PATH }, maxBuffer: 8 * 1024 * 1024 },
        (_error, out, err) => resolve({ code: child.exitCode, stdout: out, stderr: err }),
      );
    });
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(
      '| involvements | payout lines | draft | CSV export | annual report | verify | API peak RSS | seeded in | load average |',
    );
    const rows = stdout.split('\n').filter((line) => /^\| \d/.test(line));
    expect(rows.map((row) => row.split(' | ')[0])).toEqual(['| 80', '| 160']);
    for (const row of rows) expect(row).toMatch(/^\| [\d,]+ \| [1-9][\d,]* \| (\d+\.\d+ s \| ){4}/);
    expect(stdout).toMatch(
      /growth 80 → 160 \(×2\.0 work\), time per involvement larger ÷ smaller: draft \d+\.\d+/,
    );
  }, 300_000);
});
