import { areaOf, summarise, type CpuProfile } from '../../bench/summarise-cpuprofile';

/** A checkout whose folder is itself called `bench`, as worktrees may be. */
const repo = 'file:///work/bench';
const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });

/**
 * root ─ express handle ─ pg query ─ writev
 *      └ (idle)
 * Samples at 1010, 1110, 1310, 1610, 2010 µs; each lasts until the next.
 */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 5] },
    { id: 2, callFrame: frame('handle', `${repo}/node_modules/express/lib/router/index.js`), children: [3] },
    { id: 3, callFrame: frame('query', `${repo}/node_modules/pg/lib/client.js`), children: [4] },
    { id: 4, callFrame: frame('writev', '') },
    { id: 5, callFrame: frame('(idle)', '') },
  ],
  startTime: 1000,
  endTime: 2010,
  samples: [4, 3, 5, 4, 3],
  timeDeltas: [10, 100, 200, 300, 400],
};

describe('npm run bench:profile', () => {
  it('counts only the samples inside the load window, self by the leaf, inclusive once per area', () => {
    const summary = summarise(profile, { start: 1000, end: 1400, requests: 3 });
    expect(summary).toMatchObject({ windowed: true, total: 600, busy: 300 });
    expect(Object.fromEntries(summary.self)).toEqual({
      'socket writes (native writev/writeBuffer)': 100,
      'pg driver': 200,
      idle: 300,
    });
    expect(Object.fromEntries(summary.inclusive)).toEqual({
      'socket writes (native writev/writeBuffer)': 100,
      'pg driver': 300,
      'Express/Nest pipeline': 300,
      idle: 300,
    });
  });

  it('counts the whole profile when the window does not lie inside it', () => {
    const summary = summarise(profile, { start: 0, end: 99_999 });
    expect(summary).toMatchObject({ windowed: false, total: 1000, busy: 700 });
    expect(summary.self.get('socket writes (native writev/writeBuffer)')).toBe(500);
  });

  it.each([
    [`${repo}/node_modules/pg-protocol/dist/parser.js`, 'pg driver'],
    [`${repo}/dist/bench/count-pg-queries.js`, 'bench instrumentation (count-pg-queries)'],
    [`${repo}/dist/libs/participation/src/application/personal-text-seal.js`, 'sealing and personal data'],
    [`${repo}/dist/libs/participation/src/application/person-locks.js`, 'repository, command handlers'],
    [
      `${repo}/node_modules/class-validator/cjs/validation/Validator.js`,
      'validation (class-validator/transformer)',
    ],
    [`${repo}/dist/apps/api/src/http/idempotency/idempotency.store.js`, 'idempotency'],
    ['node:net', 'Node core: http, net, streams'],
  ])('files %s under %s', (url, area) => {
    expect(areaOf(frame('f', url))).toBe(area);
  });
});
