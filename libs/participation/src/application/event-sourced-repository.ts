import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  EVENT_STORE,
  WrongExpectedVersion,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type StoredEvent,
} from '@app/event-store';
import { nameBasedUuid, PreconditionFailed } from '@app/shared-kernel';
import { PersonalTextSeal } from './personal-text-seal';

export interface Decider<S, E> {
  evolve(state: S, event: E): S;
  initialState(): S;
}

/** Who asks, and how to recognise a retry: every command carries this. */
export interface CommandMeta {
  actor: string;
  /** The caller's roles, for "a project lead acts only on their own projects". */
  roles: readonly string[];
  correlationId: string;
  /** From the Idempotency-Key header: the same key always yields the same event ids. */
  idempotencyKey?: string;
  /** From If-Match: the version the caller last saw. */
  ifMatch?: number;
}

export interface Loaded<S> {
  state: S;
  version: number;
  eventIds: string[];
  /** Who did what and when, event by event. */
  history: Array<{ position: number; version: number; type: string; actor: string; recordedAt: string }>;
}

type DomainEvent = { type: string; data: object };

/** Loads aggregates by folding their stream and appends what their deciders decide. */
@Injectable()
export class EventSourcedRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly personalText: PersonalTextSeal,
  ) {}

  /** Folds the stream, with free text about a person opened (or erased, once they are forgotten). */
  async load<S, E>(streamId: string, decider: Decider<S, E>, asOf?: Date): Promise<Loaded<S>> {
    return fold(await this.opened(await this.store.readStream(streamId, { asOf })), decider);
  }

  /**
   * Several aggregates read together (one statement on PostgreSQL): fold each
   * with `get`. Each stream is as fresh as a `load` of it at the same moment.
   */
  async loadStreams(streamIds: readonly string[]): Promise<LoadedStreams> {
    const read = await this.store.readStreams(streamIds);
    const opened = new Map<string, StoredEvent[]>();
    for (const [id, events] of read) opened.set(id, await this.opened(events));
    return { get: (streamId, decider) => fold(opened.get(streamId) ?? [], decider) };
  }

  private async opened(stored: StoredEvent[]): Promise<StoredEvent[]> {
    const events = [];
    for (const event of stored) events.push(await this.personalText.open(event));
    return events;
  }

  /**
   * Runs a command that starts a stream whose id is new (random, or derived
   * from the Idempotency-Key), without reading the stream first: it is empty
   * unless a retry's first attempt wrote it. Decides on the initial state and
   * appends with `no-stream`. Whatever stands in the way — If-Match, a
   * refusal, a decision of no events, a stored retry (the store answers
   * `duplicate`) or an existing stream — takes the path of `execute`, which
   * loads and answers as it always has; nothing was appended before that.
   */
  async start<S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<S, E>,
    decide: (state: S, version: number) => E[],
    meta: CommandMeta,
  ): Promise<{ version: number; events: E[] }> {
    const full = () => this.execute(streamId, decider, decide, meta);
    if (meta.ifMatch !== undefined) return full();
    let events: E[];
    try {
      events = decide(decider.initialState(), 0);
    } catch {
      return full();
    }
    if (events.length === 0) return full();
    try {
      const result = await this.append(streamId, events, 'no-stream', meta);
      return result.duplicate ? full() : { version: result.nextExpectedVersion, events };
    } catch (error) {
      if (error instanceof WrongExpectedVersion) return full();
      throw error;
    }
  }

  /**
   * Runs one command: load, check If-Match (412), decide, append with the
   * loaded version as the expected one (a concurrent change → 409). With an
   * Idempotency-Key the event ids are derived from it, so a retry whose first
   * attempt was stored reports that attempt's version and appends nothing.
   */
  async execute<S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<S, E>,
    decide: (state: S, version: number) => E[],
    meta: CommandMeta,
  ): Promise<{ version: number; events: E[] }> {
    const loaded = await this.load(streamId, decider);
    if (meta.idempotencyKey) {
      const first = eventIdsFor(streamId, 1, meta)[0];
      const index = loaded.eventIds.indexOf(first);
      if (index >= 0) return { version: loaded.version, events: [] };
    }
    if (meta.ifMatch !== undefined && meta.ifMatch !== loaded.version)
      throw new PreconditionFailed(meta.ifMatch, loaded.version);
    const events = decide(loaded.state, loaded.version);
    if (events.length === 0) return { version: loaded.version, events };
    const result = await this.append(
      streamId,
      events,
      loaded.version === 0 ? 'no-stream' : loaded.version,
      meta,
    );
    return { version: result.nextExpectedVersion, events };
  }

  /** Seals and appends; with an Idempotency-Key the event ids are derived from it. */
  private async append(
    streamId: string,
    events: DomainEvent[],
    expectedVersion: ExpectedVersion,
    meta: CommandMeta,
  ): Promise<AppendResult> {
    const eventIds = eventIdsFor(streamId, events.length, meta);
    const sealed = [];
    for (const event of events) sealed.push(await this.personalText.seal(event));
    return this.store.append(
      streamId,
      sealed.map((e, i) => ({ eventId: eventIds[i], ...e })),
      expectedVersion,
      { actor: meta.actor, correlationId: meta.correlationId, causationId: meta.idempotencyKey ?? null },
    );
  }
}

function eventIdsFor(streamId: string, count: number, meta: CommandMeta): string[] {
  return Array.from({ length: count }, (_, i) =>
    meta.idempotencyKey
      ? nameBasedUuid(`${meta.actor}|${meta.idempotencyKey}|${streamId}|${i}`)
      : randomUUID(),
  );
}

/** Streams read by `loadStreams`; a stream not asked for folds as empty. */
export interface LoadedStreams {
  get<S, E>(streamId: string, decider: Decider<S, E>): Loaded<S>;
}

function fold<S, E>(events: StoredEvent[], decider: Decider<S, E>): Loaded<S> {
  const state = events.reduce(
    (s, e) => decider.evolve(s, { type: e.type, data: e.data } as E),
    decider.initialState(),
  );
  return {
    state,
    version: events.at(-1)?.version ?? 0,
    eventIds: events.map((e) => e.eventId),
    history: events.map((e) => ({
      position: e.position,
      version: e.version,
      type: e.type,
      actor: e.metadata.actor,
      recordedAt: e.metadata.recordedAt,
    })),
  };
}
