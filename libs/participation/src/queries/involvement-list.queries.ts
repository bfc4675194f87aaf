import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '@app/shared-kernel';
import { InvolvementSummary } from '../read-models/involvement-summaries/involvement-summary.entity';

export interface Page<T> {
  items: T[];
  next: string | null;
}

/** Cursor = base64url of the last row's (occurredOn, involvementId): stable under inserts. */
const encode = (row: InvolvementSummary) =>
  Buffer.from(JSON.stringify([row.occurredOn, row.involvementId])).toString('base64url');

function decode(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return value as [string, string];
  } catch {
    // fall through
  }
  throw new ValidationFailed([{ field: 'after', message: 'is not a cursor this API returned' }]);
}

export function parseLimit(value: string | undefined): number {
  if (value === undefined || value === '') return 100;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new ValidationFailed([{ field: 'limit', message: 'must be a whole number from 1 to 1000' }]);
  return limit;
}

@Injectable()
export class InvolvementListQueries {
  constructor(private readonly db: DataSource) {}

  /** A project's involvements, newest day first. */
  forProject(projectId: string, limit: number, after?: string): Promise<Page<InvolvementSummary>> {
    return this.page('i.projectId = :id', projectId, limit, after);
  }

  /** The involvements logged about one participant, in every project, newest day first. */
  forParticipant(participantId: string, limit: number, after?: string): Promise<Page<InvolvementSummary>> {
    return this.page('i.participantId = :id', participantId, limit, after);
  }

  private async page(
    where: string,
    id: string,
    limit: number,
    after?: string,
  ): Promise<Page<InvolvementSummary>> {
    const query = this.db
      .getRepository(InvolvementSummary)
      .createQueryBuilder('i')
      .where(where, { id })
      .orderBy('i.occurredOn', 'DESC')
      .addOrderBy('i.involvementId', 'DESC')
      .take(limit + 1);
    if (after) {
      const [occurredOn, involvementId] = decode(after);
      query.andWhere('(i.occurredOn, i.involvementId) < (:occurredOn, :involvementId)', {
        occurredOn,
        involvementId,
      });
    }
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    return { items, next: rows.length > limit ? encode(items[items.length - 1]) : null };
  }
}
