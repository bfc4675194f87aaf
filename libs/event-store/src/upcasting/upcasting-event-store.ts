import type {
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import type { UpcasterRegistry } from './upcaster-registry';

/** The application's view of any adapter: every event read arrives in its current shape. */
export class UpcastingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  append: EventStore['append'] = (...args) => this.inner.append(...args);
  headPosition = (): Promise<number> => this.inner.headPosition();
  close = (): Promise<void> => this.inner.close();

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return (await this.inner.readStream(streamId, options)).map((e) => this.upcasters.upcast(e));
  }

  async readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    const read = await this.inner.readStreams(streamIds);
    return new Map([...read].map(([id, events]) => [id, events.map((e) => this.upcasters.upcast(e))]));
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    return (await this.inner.readAll(options)).map((e) => this.upcasters.upcast(e));
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe({
      ...options,
      onEvents: (events) => options.onEvents(events.map((e) => this.upcasters.upcast(e))),
    });
  }
}
