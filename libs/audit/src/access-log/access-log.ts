import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@app/shared-kernel';

export interface AccessRecord {
  actor: string;
  roles: readonly string[];
  /** e.g. `read-personal-data`, `export-payout-batch`, `audit-query`. */
  action: string;
  /** What was read: a participant id, a batch id, a query. */
  subject: string;
  detail?: Record<string, unknown>;
}

/** Entries per INSERT of `recordMany` (six parameters each, far below PostgreSQL's 65,535). */
export const RECORD_CHUNK = 500;

/** An `access_log` row as PostgreSQL returns it. */
interface AccessLogRow {
  id: string;
  at: Date;
  actor: string;
  roles: string[];
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

/** Invariant 7: who read which personal data or audit view, and when. The table refuses edits. */
@Injectable()
export class AccessLog {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(entry: AccessRecord): Promise<void> {
    await this.db.query(
      'INSERT INTO access_log (at, actor, roles, action, subject, detail) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        this.clock.now().toISOString(),
        entry.actor,
        entry.roles,
        entry.action,
        entry.subject,
        JSON.stringify(entry.detail ?? {}),
      ],
    );
  }

  /**
   * Many entries, in their order, one multi-row INSERT per RECORD_CHUNK: what
   * one read of many people's data records (e.g. a payout batch export).
   */
  async recordMany(entries: readonly AccessRecord[]): Promise<void> {
    const at = this.clock.now().toISOString();
    for (let start = 0; start < entries.length; start += RECORD_CHUNK) {
      const chunk = entries.slice(start, start + RECORD_CHUNK);
      const params: unknown[] = [];
      const rows = chunk.map((entry) => {
        params.push(
          at,
          entry.actor,
          entry.roles,
          entry.action,
          entry.subject,
          JSON.stringify(entry.detail ?? {}),
        );
        const n = params.length;
        return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
      });
      await this.db.query(
        `INSERT INTO access_log (at, actor, roles, action, subject, detail) VALUES ${rows.join(', ')}`,
        params,
      );
    }
  }

  /** GET /v1/audit/access-log: oldest first, paged by id. */
  async page(options: { after: number; limit: number; actor?: string; subject?: string; action?: string }) {
    const where = ['id > $1'];
    const params: unknown[] = [options.after];
    for (const column of ['actor', 'subject', 'action'] as const) {
      const value = options[column];
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    params.push(options.limit);
    const rows: AccessLogRow[] = await this.db.query(
      `SELECT id, at, actor, roles, action, subject, detail FROM access_log WHERE ${where.join(' AND ')}
       ORDER BY id LIMIT $${params.length}`,
      params,
    );
    const items = rows.map((r) => ({ ...r, id: Number(r.id), at: r.at.toISOString() }));
    const last = items[items.length - 1];
    return { items, next: items.length === options.limit && last ? String(last.id) : null };
  }

  async forSubject(subject: string): Promise<Array<AccessRecord & { at: string }>> {
    const rows: Array<Omit<AccessLogRow, 'id'>> = await this.db.query(
      'SELECT at, actor, roles, action, subject, detail FROM access_log WHERE subject = $1 ORDER BY id',
      [subject],
    );
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }
}
