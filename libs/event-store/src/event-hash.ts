import { contentHash } from '@app/shared-kernel';
import type { EventMetadata } from './event-store.port';

/** The notary format (API.md): SHA-256 over the JCS form of exactly these five fields. */
export function eventHash(event: {
  streamId: string;
  version: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}): string {
  return contentHash({
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });
}
