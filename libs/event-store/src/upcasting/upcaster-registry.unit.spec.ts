import type { StoredEvent } from '../event-store.port';
import { UpcasterRegistry } from './upcaster-registry';

const stored = (type: string, schemaVersion: number, data: Record<string, unknown>): StoredEvent => ({
  position: 1,
  streamId: 's',
  version: 1,
  eventId: '00000000-0000-4000-8000-000000000000',
  type,
  data,
  metadata: {
    actor: 'a',
    correlationId: 'c',
    causationId: null,
    recordedAt: '2025-01-01T00:00:00.000Z',
    schemaVersion,
  },
  hash: 'h',
});

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry()
    .register('NameGiven', 1, (d) => ({ fullName: d.name }))
    .register('NameGiven', 2, (d) => ({ ...d, preferredName: null }));

  it('lifts an event through every version up to the current one', () => {
    const event = registry.upcast(stored('NameGiven', 1, { name: 'Åse' }));
    expect(event.data).toEqual({ fullName: 'Åse', preferredName: null });
    expect(event.metadata.schemaVersion).toBe(3);
  });

  it('leaves current and unknown types untouched', () => {
    const current = stored('NameGiven', 3, { fullName: 'Åse', preferredName: 'Å' });
    expect(registry.upcast(current)).toBe(current);
    const other = stored('Other', 1, {});
    expect(registry.upcast(other)).toBe(other);
  });

  it('refuses two upcasters for the same version', () => {
    expect(() => registry.register('NameGiven', 1, (d) => d)).toThrow(/already registered/);
  });
});
