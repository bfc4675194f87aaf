import { randomUUID } from 'node:crypto';
import { START } from '../event-store.port';
import { eventHash } from '../event-hash';
import { lastPosition, readAfter, type AllRecord, type BackwardPage, type ForwardPage } from './all-reader';
import { toEsdbMetadata } from './esdb-mapping';

const metadata = {
  actor: 'u',
  correlationId: 'c',
  causationId: null,
  recordedAt: '2025-01-01T00:00:00.000Z',
  schemaVersion: 1,
};
let offset = 1_000n;

/** An application event as this adapter writes it, at the next log offset. */
function app(type: string): AllRecord {
  offset += 137n;
  const data = { type };
  const hash = eventHash({ streamId: 'project-1', version: 1, type, data, metadata });
  return {
    streamId: 'project-1',
    id: randomUUID(),
    revision: 0n,
    type,
    isJson: true,
    data,
    metadata: toEsdbMetadata(metadata, hash),
    position: { commit: offset, prepare: offset },
  };
}
function system(): AllRecord {
  offset += 61n;
  return {
    ...app('X'),
    streamId: '$stats-node',
    type: '$statsCollected',
    position: { commit: offset, prepare: offset },
  };
}
function foreign(): AllRecord {
  offset += 89n;
  return {
    ...app('Other'),
    metadata: { source: 'another app' },
    position: { commit: offset, prepare: offset },
  };
}

/** `$all` as the server reads it: from a position inclusive, at most maxCount records, either way. */
function serverLog(records: AllRecord[]): { forward: ForwardPage; backward: BackwardPage; reads: number[] } {
  const reads: number[] = [];
  return {
    reads,
    forward: async function* (from, maxCount) {
      reads.push(from);
      yield* records.filter((r) => Number(r.position.commit) >= from).slice(0, maxCount);
    },
    backward: async function* (from, maxCount) {
      const upTo = from === 'end' ? Infinity : Number(from.commit);
      yield* records
        .filter((r) => Number(r.position.commit) <= upTo)
        .reverse()
        .slice(0, maxCount);
    },
  };
}

describe('reading $all after a position', () => {
  it('returns the application’s events in order, after (not at) the position, skipping system and foreign events', async () => {
    const [a, b, c] = [app('A'), app('B'), app('C')];
    const log = serverLog([system(), a, foreign(), system(), b, system(), c]);
    const all = await readAfter(log.forward, START, 10);
    expect(all.map((e) => e.type)).toEqual(['A', 'B', 'C']);
    expect(all.map((e) => e.position)).toEqual([a, b, c].map((r) => Number(r.position.commit)));
    const after = await readAfter(log.forward, Number(b.position.commit), 10);
    expect(after.map((e) => e.type)).toEqual(['C']);
    expect(await readAfter(log.forward, Number(c.position.commit), 10)).toEqual([]);
  });

  it('pages on past a stretch of system events until it has `limit` events or reaches the end', async () => {
    // Built in log order: positions ascend as in $all.
    const a = app('A');
    const stretch = Array.from({ length: 7 }, system);
    const [b, c] = [app('B'), app('C')];
    const log = serverLog([a, ...stretch, b, c]);
    const page = await readAfter(log.forward, START, 2);
    expect(page.map((e) => e.type)).toEqual(['A', 'B']);
    expect(log.reads.length).toBeGreaterThan(1);
    const rest = await readAfter(log.forward, page[1].position, 2);
    expect(rest.map((e) => e.type)).toEqual(['C']);
  });

  it('answers empty (caught up) on a log of system events only', async () => {
    const log = serverLog(Array.from({ length: 5 }, system));
    expect(await readAfter(log.forward, START, 2)).toEqual([]);
  });
});

describe('the head position', () => {
  it('is the last application event, however many system events follow it', async () => {
    const b = app('B');
    const log = serverLog([app('A'), b, ...Array.from({ length: 9 }, system), foreign()]);
    expect(await lastPosition(log.backward, 3)).toBe(Number(b.position.commit));
  });

  it('is START when the log holds no application event', async () => {
    expect(await lastPosition(serverLog([]).backward, 3)).toBe(START);
    expect(await lastPosition(serverLog(Array.from({ length: 7 }, system)).backward, 3)).toBe(START);
  });
});
