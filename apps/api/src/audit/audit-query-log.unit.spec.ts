import { loggableQuery } from './audit-query-log';

describe('loggableQuery', () => {
  const KNOWN = ['actor', 'limit'];

  it('keeps the known parameters as they came', () => {
    expect(loggableQuery({ actor: 'kari', limit: '10' }, KNOWN)).toEqual({ actor: 'kari', limit: '10' });
  });

  it('cuts a long known value and never keeps a structured one', () => {
    const logged = loggableQuery({ actor: 'a'.repeat(1000), limit: ['1', '2'] }, KNOWN);
    expect(logged.actor).toBe(`${'a'.repeat(256)}…`);
    expect(logged.limit).toBe('(not a single value)');
  });

  it('keeps of unknown parameters only a count and at most ten identifier-like names', () => {
    const query: Record<string, unknown> = { limit: '1', evil: 'x'.repeat(200), '15076500565': '1' };
    for (let i = 0; i < 20; i += 1) query[`p${i}`] = 'v';
    const logged = loggableQuery(query, KNOWN);
    expect(logged).toEqual({
      limit: '1',
      ignoredParameters: {
        count: 22,
        names: ['evil', 'p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'],
      },
    });
  });
});
