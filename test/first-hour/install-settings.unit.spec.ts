import { mkdtempSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

describe('install-time telemetry (@scarf/scarf, via the Swagger UI package)', () => {
  it('is off for this project by its own package.json, which scarf reads before anything else', async () => {
    const saved = process.env.INIT_CWD;
    process.env.INIT_CWD = ROOT;
    try {
      let info: { rootPackage?: { scarfSettings?: { enabled?: boolean } } } | undefined;
      await jest.isolateModulesAsync(async () => {
        // scarf's own postinstall code: what it finds is what decides whether it reports
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const scarf = require('@scarf/scarf/report.js') as { getDependencyInfo(): Promise<typeof info> };
        info = await scarf.getDependencyInfo();
      });
      expect(info?.rootPackage?.scarfSettings?.enabled).toBe(false);
    } finally {
      process.env.INIT_CWD = saved;
    }
  });
});

describe('tools/run-compiled.js: build only when a source is newer than the last build', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isBuildCurrent } = require('../../tools/run-compiled.js') as {
    isBuildCurrent(root: string): boolean;
  };
  const root = mkdtempSync(join(tmpdir(), 'bm-run-compiled-'));
  const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds when there is no build yet, skips while dist is current, builds again after an edit', () => {
    mkdirSync(join(root, 'libs', 'x', 'src'), { recursive: true });
    const source = join(root, 'libs', 'x', 'src', 'thing.ts');
    writeFileSync(source, 'export const x = 1;\n');
    at(source, 1_000);
    expect(isBuildCurrent(root)).toBe(false);

    mkdirSync(join(root, 'dist'));
    const stamp = join(root, 'dist', '.build-stamp');
    writeFileSync(stamp, '');
    at(stamp, 2_000);
    expect(isBuildCurrent(root)).toBe(true);

    const spec = join(root, 'libs', 'x', 'src', 'thing.unit.spec.ts');
    writeFileSync(spec, '');
    at(spec, 3_000);
    expect(isBuildCurrent(root)).toBe(true); // tests are not built

    at(source, 3_000);
    expect(isBuildCurrent(root)).toBe(false);
  });

  it('is what npm run token, demo, audit:verify and projections:rebuild start through', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    for (const name of ['token', 'demo', 'audit:verify', 'projections:rebuild'])
      expect(scripts[name]).toMatch(/^node tools\/run-compiled\.js dist\//);
    expect(scripts.token).not.toMatch(/npm run build/);
  });
});
