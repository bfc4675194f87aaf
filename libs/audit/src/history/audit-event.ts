/** One event as an auditor reads it (docs/api.md, GET /v1/audit/events): exactly as stored and hashed. */
export interface AuditEvent {
  position: number;
  streamId: string;
  version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: {
    actor: string;
    recordedAt: string;
    correlationId: string;
    causationId: string | null;
    [more: string]: unknown;
  };
  /** Lowercase hex SHA-256 of the JCS form of {streamId, version, type, data, metadata}. */
  hash: string;
}

export interface AuditPage<T> {
  items: T[];
  /** Pass as `after` for the next page; null on the last one. */
  next: string | null;
}
