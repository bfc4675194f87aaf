import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return specFiles(path);
    return entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * A green run reads green: a suite skipped for want of a server says so in one
 * plain line on stderr. console.* inside a test makes Jest print a "console.error"
 * header and a code frame, which reads like a failure.
 */
describe('skip notices in the test output', () => {
  const skipping = ['apps', 'libs', 'test']
    .flatMap((dir) => specFiles(join(ROOT, dir)))
    .filter((file) => file !== __filename && readFileSync(file, 'utf8').includes('SKIPPED'));

  it('come from the suites that need EventStoreDB or Kafka', () => {
    expect(skipping.map((file) => relative(ROOT, file)).sort()).toEqual([
      'libs/event-store/src/eventstoredb/eventstoredb-event-store.contract.int.spec.ts',
      'test/messaging/integration-bus.contract.int.spec.ts',
    ]);
  });

  it.each(['eventstoredb-event-store.contract', 'integration-bus.contract'])(
    '%s announces its skip with one plain stderr line, not console.*',
    (name) => {
      const source = readFileSync(skipping.find((file) => file.includes(name)) ?? '', 'utf8');
      expect(source).toMatch(
        /process\.stderr\.write\(\s*'[^']*is SKIPPED \(set [A-Z_]+=[^']*to run it\)\\n',?\s*\)/,
      );
      expect(source).not.toMatch(/console\.(error|warn|log)\(/);
    },
  );
});
