import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from '@eventstore/db-client';
import { EventIdConflict, WrongExpectedVersion } from '../errors';
import { eventHash } from '../event-hash';
import type { EventMetadata } from '../event-store.port';
import { retryOutcome } from './append-retry';
import {
  currentVersion,
  isSystemEvent,
  toEsdbMetadata,
  toExpectedRevision,
  toPortError,
  toPortPosition,
  toReadPosition,
  toRevision,
  toStoredEvent,
  toVersion,
  type RecordedEsdbEvent,
} from './esdb-mapping';

const metadata: EventMetadata = {
  actor: 'lead-1',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  recordedAt: '2025-03-10T08:00:00.000Z',
  schemaVersion: 2,
};

function recorded(overrides: Partial<RecordedEsdbEvent> = {}): RecordedEsdbEvent {
  const data = { projectId: 'p-1', amountOre: 150000, note: 'Ærlig Åsen' };
  const hash = eventHash({ streamId: 'project-1', version: 3, type: 'ProjectStarted', data, metadata });
  return {
    streamId: 'project-1',
    id: randomUUID().toUpperCase(),
    revision: 2n,
    type: 'ProjectStarted',
    isJson: true,
    data,
    metadata: JSON.parse(JSON.stringify(toEsdbMetadata(metadata, hash))) as unknown,
    ...overrides,
  };
}

describe('EventStoreDB mapping: revisions and versions', () => {
  it('maps port versions (from 1) to ESDB revisions (from 0) and back', () => {
    expect(toRevision(1)).toBe(0n);
    expect(toRevision(42)).toBe(41n);
    expect(toVersion(0n)).toBe(1);
    expect(toVersion(41n)).toBe(42);
    expect(currentVersion('no_stream')).toBe(0);
    expect(currentVersion(4n)).toBe(5);
  });

  it('maps every expected version the port accepts', () => {
    expect(toExpectedRevision('any')).toBe('any');
    expect(toExpectedRevision('no-stream')).toBe('no_stream');
    expect(toExpectedRevision('stream-exists')).toBe('stream_exists');
    expect(toExpectedRevision(0)).toBe('no_stream');
    expect(toExpectedRevision(1)).toBe(0n);
    expect(toExpectedRevision(7)).toBe(6n);
  });
});

describe('EventStoreDB mapping: positions', () => {
  it('uses the commit position of an implicitly committed event as the port position', () => {
    expect(toPortPosition({ commit: 12_345n, prepare: 12_345n })).toBe(12_345);
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    expect(toPortPosition({ commit: max, prepare: max })).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses positions a number cannot hold exactly, or from an explicit transaction', () => {
    const beyond = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
    expect(() => toPortPosition({ commit: beyond, prepare: beyond })).toThrow(RangeError);
    expect(() => toPortPosition({ commit: 900n, prepare: 800n })).toThrow(/explicit transaction/);
  });

  it('keeps the order of positions and reads "after" from the same place', () => {
    const positions = [0n, 1n, 4_096n, 2n ** 40n, 2n ** 52n].map((p) =>
      toPortPosition({ commit: p, prepare: p }),
    );
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(toReadPosition(0)).toBe('start');
    expect(toReadPosition(4_096)).toEqual({ commit: 4_096n, prepare: 4_096n });
  });
});

describe('EventStoreDB mapping: errors', () => {
  it("turns ESDB's wrong expected version into the port's conflict with the actual version", () => {
    const esdb = new WrongExpectedVersionError(undefined, {
      streamName: 'project-1',
      expected: 1n,
      current: 2n,
    });
    const mapped = toPortError(esdb, 'project-1', 2);
    expect(mapped).toBeInstanceOf(WrongExpectedVersion);
    expect(mapped).toMatchObject({ streamId: 'project-1', expected: 2, actual: 3 });
    const missing = new WrongExpectedVersionError(undefined, {
      streamName: 'project-2',
      expected: 'stream_exists',
      current: 'no_stream',
    });
    expect(toPortError(missing, 'project-2', 'stream-exists')).toMatchObject({ actual: 0 });
  });

  it('passes other errors through unchanged', () => {
    const other = new Error('unavailable');
    expect(toPortError(other, 'project-1', 'any')).toBe(other);
  });

  it('decides retries like the PostgreSQL adapter: all here is a duplicate, some or elsewhere a conflict', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(retryOutcome('s-1', [a, b], [undefined, undefined])).toBeUndefined();
    expect(
      retryOutcome(
        's-1',
        [a, b],
        [
          { streamId: 's-1', version: 1, position: 100 },
          { streamId: 's-1', version: 2, position: 180 },
        ],
      ),
    ).toEqual({
      streamId: 's-1',
      nextExpectedVersion: 2,
      firstPosition: 100,
      lastPosition: 180,
      duplicate: true,
    });
    expect(() =>
      retryOutcome('s-1', [a, b], [{ streamId: 's-1', version: 1, position: 100 }, undefined]),
    ).toThrow(EventIdConflict);
    expect(() => retryOutcome('s-2', [a], [{ streamId: 's-1', version: 1, position: 100 }])).toThrow(
      EventIdConflict,
    );
  });
});

describe('EventStoreDB mapping: metadata and hash', () => {
  it('round-trips the port metadata and the content hash through the ESDB metadata', () => {
    const event = recorded();
    const stored = toStoredEvent(event, 4_096);
    expect(stored).toMatchObject({
      position: 4_096,
      streamId: 'project-1',
      version: 3,
      eventId: event.id.toLowerCase(),
      type: 'ProjectStarted',
      data: event.data,
    });
    expect(stored?.metadata).toEqual(metadata);
    expect(stored?.hash).toBe(eventHash(stored!));
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('adds ESDB correlation fields outside what the hash covers', () => {
    const esdb = toEsdbMetadata(metadata, 'h');
    expect(esdb).toMatchObject({ $correlationId: 'corr-1', $causationId: 'cmd-1', hash: 'h' });
    expect(toEsdbMetadata({ ...metadata, causationId: null }, 'h')).not.toHaveProperty('$causationId');
  });

  it('leaves out system events and events this adapter did not write', () => {
    expect(isSystemEvent('$stats-127.0.0.1:2113', 'StatsCollected')).toBe(true);
    expect(isSystemEvent('project-1', '$metadata')).toBe(true);
    expect(isSystemEvent('project-1', 'ProjectStarted')).toBe(false);
    expect(toStoredEvent(recorded({ streamId: '$settings' }), 1)).toBeUndefined();
    expect(toStoredEvent(recorded({ type: '$>' }), 1)).toBeUndefined();
    expect(toStoredEvent(recorded({ isJson: false }), 1)).toBeUndefined();
    expect(toStoredEvent(recorded({ metadata: { actor: 'x' } }), 1)).toBeUndefined();
    expect(toStoredEvent(recorded({ metadata: undefined }), 1)).toBeUndefined();
  });
});
