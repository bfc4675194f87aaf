import fc from 'fast-check';
import { eventHash, type EventMetadata } from '@app/event-store';
import { MerkleLog } from '../notary';
import { RehashWorker } from './rehash-worker.client';

/** JSON values as the store hands them back (parsed from jsonb), with keys that need JCS ordering. */
const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const storedEvent = fc.record({
  streamId: fc.string({ minLength: 1, maxLength: 40 }),
  version: fc.integer({ min: 1, max: 1_000_000 }),
  type: fc.constantFrom('InvolvementLogged', 'PayoutBatchDrafted', 'ÆøåHappened'),
  data: fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 6 }),
  metadata: fc.record({ actor: fc.string(), correlationId: fc.string(), causationId: fc.constant(null) }),
});

/** The worker thread computes exactly the notary format the append path stores (event-store's eventHash). */
describe('RehashWorker', () => {
  const worker = RehashWorker.start();
  afterAll(() => worker.close());

  it('recomputes eventHash for any stored event and names the ones whose stored hash differs', async () => {
    const events = fc.sample(fc.array(storedEvent, { minLength: 1, maxLength: 60 }), 5).flat();
    const stored = events.map((e, i) => ({
      ...e,
      hash: i % 7 === 3 ? '0'.repeat(64) : eventHash({ ...e, metadata: e.metadata as EventMetadata }),
    }));
    const { hashes, changed } = await worker.rehash(stored);
    const expected = events.map((e) => eventHash({ ...e, metadata: e.metadata as EventMetadata }));
    expect(Buffer.from(hashes).toString('hex')).toBe(expected.join(''));
    expect(changed).toEqual(stored.flatMap((_, i) => (i % 7 === 3 ? [i] : [])));
  });

  it('computes the RFC 9162 root of any prefix, as the notary’s MerkleLog does', async () => {
    const hashes = fc.sample(fc.uint8Array({ minLength: 32, maxLength: 32 }), 300);
    const packed = Buffer.concat(hashes);
    const log = MerkleLog.fromEventHashes(hashes.map((h) => Buffer.from(h).toString('hex')));
    for (const size of [0, 1, 2, 3, 64, 65, 127, 299, 300])
      expect(await worker.root(packed, size)).toBe(log.root(size).toString('base64'));
  });
});
