import { canonicalJson } from '@app/shared-kernel';
import { eventHash, eventHashOfCanonicalData } from './event-hash';
import type { EventMetadata } from './event-store.port';

const metadata: EventMetadata = {
  actor: 'lead-1',
  correlationId: 'c-1',
  causationId: null,
  recordedAt: '2026-11-29T10:00:00.000Z',
  schemaVersion: 2,
};

/** Data shapes the hash must survive: key order, unicode keys and text, escapes, numbers, nesting, undefined. */
const samples: Array<Record<string, unknown>> = [
  {},
  { b: 1, a: 2, A: 3, _: 4, '10': 5, '9': 6 },
  { æøå: 'Sápmi', '\u20ac': '€', 'e\u0301': 'é', '😀': 'emoji', '\uff41': 'fullwidth' },
  { text: 'line\nbreak "quoted" back\\slash \t tab \u001f control' },
  { n: [0, -0, 1e21, 1e-7, 0.1 + 0.2, -123.456, Number.MAX_SAFE_INTEGER, 2.67] },
  { nested: { z: [{ y: null, x: true }, [], [[false]]], a: { c: { b: 'deep' } } } },
  { dropped: undefined, kept: 'yes' },
];

describe('eventHashOfCanonicalData', () => {
  it.each(samples.map((data, i) => [i, data] as const))(
    'equals eventHash over the whole envelope (sample %i)',
    (_i, data) => {
      const fields = { streamId: 'involvement-ø "1"', version: 7, type: 'InvolvementLogged', metadata };
      expect(eventHashOfCanonicalData({ ...fields, canonicalData: canonicalJson(data) })).toBe(
        eventHash({ ...fields, data }),
      );
    },
  );

  it('changes when any hashed field changes', () => {
    const base = { streamId: 's', version: 1, type: 'T', metadata, canonicalData: canonicalJson({ a: 1 }) };
    const hashes = new Set([
      eventHashOfCanonicalData(base),
      eventHashOfCanonicalData({ ...base, streamId: 't' }),
      eventHashOfCanonicalData({ ...base, version: 2 }),
      eventHashOfCanonicalData({ ...base, type: 'U' }),
      eventHashOfCanonicalData({ ...base, metadata: { ...metadata, actor: 'other' } }),
      eventHashOfCanonicalData({ ...base, canonicalData: canonicalJson({ a: 2 }) }),
    ]);
    expect(hashes.size).toBe(6);
  });
});
