import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
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

/**
 * Run in a process of its own: starts a worker, has it answer once, and never
 * closes it. The process must still end by itself, as jest's workers must
 * after a test file that forgot close().
 */
function runWithoutClose(): Promise<{ code: number | null; output: string; ended: boolean }> {
  const script = `
    require(${JSON.stringify(resolve(__dirname, '../../../../tools/register-ts.js'))});
    const { RehashWorker } = require(${JSON.stringify(resolve(__dirname, 'rehash-worker.client.ts'))});
    RehashWorker.start().root(new Uint8Array(0), 0).then((root) => console.log('answered', root));
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => {
    // Generous: loading TypeScript in the thread takes seconds on a busy machine; a leak never ends.
    const limit = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('exit', (code, signal) => {
      clearTimeout(limit);
      done({ code, output, ended: signal === null });
    });
  });
}

describe('RehashWorker left open', () => {
  it('does not keep its process alive once idle', async () => {
    const { code, output, ended } = await runWithoutClose();
    expect(output).toContain('answered');
    expect({ ended, code }).toEqual({ ended: true, code: 0 });
  });
});
