import { canonicalJson, contentHash, sha256Hex } from '@app/shared-kernel';
import type { EventMetadata } from './event-store.port';

export interface HashedFields {
  streamId: string;
  version: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

/** The notary format (docs/api.md): SHA-256 over the JCS form of exactly these five fields. */
export function eventHash(event: HashedFields): string {
  return contentHash({
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });
}

/**
 * The same hash when the data is already in JCS form (the append path has it
 * from validation): the envelope is assembled around it, its keys in JCS order.
 */
export function eventHashOfCanonicalData(
  event: Omit<HashedFields, 'data'> & { canonicalData: string },
): string {
  return sha256Hex(
    `{"data":${event.canonicalData},"metadata":${canonicalJson(event.metadata)},` +
      `"streamId":${JSON.stringify(event.streamId)},"type":${JSON.stringify(event.type)},` +
      `"version":${canonicalJson(event.version)}}`,
  );
}
