import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditEvent, AuditPage } from './audit-event';
import type { HistoryFilter } from './history-filter';

interface AuditEventRow {
  position: string;
  stream_id: string;
  version: number;
  type: string;
  data: AuditEvent['data'];
  metadata: AuditEvent['metadata'];
  hash: string;
}

const COLUMNS = 'e.position, e.stream_id, e.version, e.type, e.data, e.metadata, e.hash';

/** Reads of the audit index (the audit-index projection's tables). */
@Injectable()
export class AuditHistoryQueries {
  constructor(private readonly db: DataSource) {}

  async events(filter: HistoryFilter): Promise<AuditPage<AuditEvent>> {
    const where = ['e.position > $1'];
    const params: unknown[] = [filter.after];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.stream !== undefined) add('e.stream_id = ?', filter.stream);
    if (filter.type !== undefined) add('e.type = ?', filter.type);
    if (filter.actor !== undefined) add('e.actor = ?', filter.actor);
    if (filter.from !== undefined) add('e.recorded_at >= ?', filter.from.toISOString());
    if (filter.to !== undefined) add('e.recorded_at <= ?', filter.to.toISOString());
    params.push(filter.limit);
    const rows: AuditEventRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM audit_events e WHERE ${where.join(' AND ')} ORDER BY e.position LIMIT $${params.length}`,
      params,
    );
    return page(rows, filter.limit);
  }

  async stream(streamId: string, after: number, limit: number): Promise<AuditPage<AuditEvent>> {
    const rows: AuditEventRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM audit_events e WHERE e.stream_id = $1 AND e.position > $2 ORDER BY e.position LIMIT $3`,
      [streamId, after, limit],
    );
    return page(rows, limit);
  }

  async participantHistory(
    participantId: string,
    after: number,
    limit: number,
  ): Promise<AuditPage<AuditEvent>> {
    const rows: AuditEventRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM audit_event_participants p JOIN audit_events e ON e.position = p.position
       WHERE p.participant_id = $1 AND p.position > $2 ORDER BY p.position LIMIT $3`,
      [participantId, after, limit],
    );
    return page(rows, limit);
  }

  async streamExists(streamId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM audit_events WHERE stream_id = $1 LIMIT 1', [
      streamId,
    ]);
    return rows.length > 0;
  }
}

function page(rows: AuditEventRow[], limit: number): AuditPage<AuditEvent> {
  const items = rows.map((row): AuditEvent => ({
    position: Number(row.position),
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    hash: row.hash,
  }));
  const last = items[items.length - 1];
  return { items, next: items.length === limit && last ? String(last.position) : null };
}
