import { parentPort } from 'node:worker_threads';
import { contentHash } from '@app/shared-kernel';
import { HASH_BYTES } from '../notary/hash-encoding';
import { emptyTreeHash, leafHash, nodeHash, splitPoint } from '../notary/merkle-tree-hash';

/**
 * The CPU half of verification, on a worker thread so the API keeps
 * answering: rehash pages of stored events and compute Merkle roots. Only
 * the shared kernel and node:crypto are loaded here, not the Nest app.
 */

/** Exactly the five fields the notary format hashes (event-store's eventHash), plus the stored hash. */
export interface StoredFields {
  streamId: string;
  version: number;
  type: string;
  data: unknown;
  metadata: unknown;
  hash: string;
}

export type RehashRequest =
  /** `events`: JSON of StoredFields[]; a string crosses threads as one copy, objects are cloned field by field. */
  | { id: number; kind: 'rehash'; events: string }
  | { id: number; kind: 'root'; hashes: Uint8Array; count: number };

export type RehashReply =
  | { id: number; kind: 'rehash'; hashes: Uint8Array; changed: number[] }
  | { id: number; kind: 'root'; root: string }
  | { id: number; kind: 'error'; message: string };

function rehash(events: StoredFields[]): { hashes: Uint8Array; changed: number[] } {
  const hashes = new Uint8Array(events.length * HASH_BYTES);
  const changed: number[] = [];
  events.forEach(({ streamId, version, type, data, metadata, hash }, i) => {
    const recomputed = contentHash({ streamId, version, type, data, metadata });
    if (recomputed !== hash) changed.push(i);
    hashes.set(Buffer.from(recomputed, 'hex'), i * HASH_BYTES);
  });
  return { hashes, changed };
}

/** RFC 9162 MTH over the first `count` leaf inputs packed 32 bytes apart: O(count) hashes, O(log count) memory. */
function root(hashes: Uint8Array, count: number): string {
  const range = (start: number, size: number): Buffer => {
    if (size === 1) return leafHash(hashes.subarray(start * HASH_BYTES, (start + 1) * HASH_BYTES));
    const k = splitPoint(size);
    return nodeHash(range(start, k), range(start + k, size - k));
  };
  return (count === 0 ? emptyTreeHash() : range(0, count)).toString('base64');
}

function answer(request: RehashRequest): RehashReply {
  try {
    if (request.kind === 'rehash')
      return { id: request.id, kind: 'rehash', ...rehash(JSON.parse(request.events) as StoredFields[]) };
    return { id: request.id, kind: 'root', root: root(request.hashes, request.count) };
  } catch (error) {
    return { id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (request: RehashRequest) => {
  const reply = answer(request);
  parentPort?.postMessage(reply, reply.kind === 'rehash' ? [reply.hashes.buffer as ArrayBuffer] : []);
});
