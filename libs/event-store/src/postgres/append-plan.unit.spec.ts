import { randomUUID } from 'node:crypto';
import { EventIdConflict, WrongExpectedVersion } from '../errors';
import { eventHash } from '../event-hash';
import type { ExpectedVersion } from '../event-store.port';
import { resolveConflicts } from './append-conflicts';
import { appendedResult, planAppends, type AppendRequest } from './append-plan';

const recordedAt = '2025-06-02T09:00:00.000Z';
const context = { actor: 'lead-1', correlationId: 'c-1' };
const append = (streamId: string, expectedVersion: ExpectedVersion, n = 1): AppendRequest => ({
  streamId,
  expectedVersion,
  context,
  events: Array.from({ length: n }, (_, i) => ({ eventId: randomUUID(), type: 'Happened', data: { i } })),
});
const noConflicts = { storedIds: [], movedStreams: [] };

describe('planning a batch of appends outside the lock', () => {
  it('numbers versions from the expected version and hashes each row for exactly that version', () => {
    const plan = planAppends([append('a', 3, 2), append('b', 'no-stream')], recordedAt);
    expect(plan.batch.rows.map((r) => [r.ordinal, r.stream_id, r.version])).toEqual([
      [1, 'a', 4],
      [2, 'a', 5],
      [3, 'b', 1],
    ]);
    const [row] = plan.batch.rows;
    expect(row.hash).toBe(
      eventHash({ streamId: 'a', version: 4, type: row.type, data: row.data, metadata: row.metadata }),
    );
    expect(row.metadata).toEqual({ ...context, causationId: null, recordedAt, schemaVersion: 1 });
    expect(plan.batch.checks).toEqual([
      { streamId: 'a', version: 3 },
      { streamId: 'b', version: 0 },
    ]);
  });

  it('defers a second append to a stream, or a repeated event id, to the next batch', () => {
    const first = append('a', 1);
    const sameStream = append('a', 2);
    const sameId = { ...append('c', 'no-stream'), events: first.events };
    const plan = planAppends([first, sameStream, sameId, append('b', 0)], recordedAt);
    expect(plan.placed.map((p) => p.request)).toEqual([first, expect.objectContaining({ streamId: 'b' })]);
    expect(plan.deferred).toEqual([sameStream, sameId]);
  });

  it("assumes 'any' is at the last version reported, and never lets 'stream-exists' pass unseen", () => {
    const plan = planAppends(
      [append('a', 'any'), { ...append('b', 'any'), knownVersion: 7 }, append('c', 'stream-exists')],
      recordedAt,
    );
    expect(plan.batch.checks.map((c) => c.version)).toEqual([0, 7, -1]);
  });

  it('reports each placed append at its own positions once the batch is written', () => {
    const plan = planAppends([append('a', 0, 2), append('b', 0, 3)], recordedAt);
    expect(plan.placed.map((p) => appendedResult(p, 101))).toEqual([
      { streamId: 'a', nextExpectedVersion: 2, firstPosition: 101, lastPosition: 102, duplicate: false },
      { streamId: 'b', nextExpectedVersion: 3, firstPosition: 103, lastPosition: 105, duplicate: false },
    ]);
  });
});

describe('deciding each append when the database wrote nothing', () => {
  it('answers a retry of stored events with the first result', () => {
    const request = append('a', 0, 2);
    const storedIds = request.events.map((e, i) => ({
      eventId: e.eventId.toUpperCase(),
      streamId: 'a',
      version: i + 1,
      position: 40 + i,
    }));
    expect(resolveConflicts(request, { storedIds, movedStreams: [] })).toEqual({
      kind: 'done',
      result: { streamId: 'a', nextExpectedVersion: 2, firstPosition: 40, lastPosition: 41, duplicate: true },
    });
  });

  it('refuses an event id stored in another stream, or only part of an append stored', () => {
    const request = append('a', 0, 2);
    const elsewhere = [{ eventId: request.events[0].eventId, streamId: 'b', version: 1, position: 9 }];
    const partly = [{ eventId: request.events[1].eventId, streamId: 'a', version: 2, position: 9 }];
    for (const storedIds of [elsewhere, partly]) {
      const outcome = resolveConflicts(request, { storedIds, movedStreams: [] });
      expect(outcome).toEqual({ kind: 'failed', error: expect.any(EventIdConflict) });
    }
  });

  it('fails a wrong expected version with the version the stream is at', () => {
    const outcome = resolveConflicts(append('a', 2), {
      storedIds: [],
      movedStreams: [{ streamId: 'a', version: 5 }],
    });
    expect(outcome).toEqual({ kind: 'failed', error: expect.any(WrongExpectedVersion) });
    expect(outcome.kind === 'failed' && outcome.error).toMatchObject({
      streamId: 'a',
      expected: 2,
      actual: 5,
    });
    const missing = resolveConflicts(append('a', 'stream-exists'), {
      storedIds: [],
      movedStreams: [{ streamId: 'a', version: 0 }],
    });
    expect(missing).toEqual({ kind: 'failed', error: expect.any(WrongExpectedVersion) });
  });

  it("plans 'any' and an existing 'stream-exists' again at the reported version", () => {
    const movedStreams = [{ streamId: 'a', version: 5 }];
    expect(resolveConflicts(append('a', 'any'), { storedIds: [], movedStreams })).toEqual({
      kind: 'again',
      knownVersion: 5,
    });
    expect(resolveConflicts(append('a', 'stream-exists'), { storedIds: [], movedStreams })).toEqual({
      kind: 'again',
      knownVersion: 5,
    });
  });

  it('sends a bystander of a refused batch again, unchanged', () => {
    const bystander = { ...append('b', 'any'), knownVersion: 3 };
    expect(resolveConflicts(bystander, noConflicts)).toEqual({ kind: 'again', knownVersion: 3 });
  });
});
