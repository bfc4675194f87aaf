import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
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
    const events = [];
    for (const stored of await this.store.readStream(streamId, { asOf }))
      events.push(await this.personalText.open(stored));
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
    const ids = (count: number) =>
      Array.from({ length: count }, (_, i) =>
        meta.idempotencyKey
          ? nameBasedUuid(`${meta.actor}|${meta.idempotencyKey}|${streamId}|${i}`)
          : randomUUID(),
      );
    if (meta.idempotencyKey) {
      const first = ids(1)[0];
      const index = loaded.eventIds.indexOf(first);
      if (index >= 0) return { version: loaded.version, events: [] };
    }
    if (meta.ifMatch !== undefined && meta.ifMatch !== loaded.version)
      throw new PreconditionFailed(meta.ifMatch, loaded.version);
    const events = decide(loaded.state, loaded.version);
    if (events.length === 0) return { version: loaded.version, events };
    const eventIds = ids(events.length);
    const sealed = [];
    for (const event of events) sealed.push(await this.personalText.seal(event));
    const result = await this.store.append(
      streamId,
      sealed.map((e, i) => ({ eventId: eventIds[i], ...e })),
      loaded.version === 0 ? 'no-stream' : loaded.version,
      { actor: meta.actor, correlationId: meta.correlationId, causationId: meta.idempotencyKey ?? null },
    );
    return { version: result.nextExpectedVersion, events };
  }
}
