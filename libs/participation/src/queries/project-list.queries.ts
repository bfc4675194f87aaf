import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '@app/shared-kernel';

export interface ProjectListItem {
  id: string;
  name: string;
  organizationId: string;
  region: string;
  level: string;
}

/**
 * Projects in the order they were registered, paged by that position: all of
 * them, or those one lead leads (`leadSub`). From the project-list read model.
 */
@Injectable()
export class ProjectListQueries {
  constructor(private readonly db: DataSource) {}

  async list(
    filter: { leadSub?: string },
    limit: number,
    after?: string,
  ): Promise<{ items: ProjectListItem[]; next: string | null }> {
    const from = parseCursor(after);
    const rows: Array<ProjectListItem & { position: string }> = await this.db.query(
      `SELECT p.project_id AS id, p.name, p.organization_id AS "organizationId", p.region, p.level,
              p.registered_position AS position
         FROM participation_projects p
        WHERE p.registered_position > $1
          AND ($2::text IS NULL OR EXISTS (
                SELECT 1 FROM participation_project_leads l WHERE l.project_id = p.project_id AND l.sub = $2))
        ORDER BY p.registered_position
        LIMIT $3`,
      [from, filter.leadSub ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map(({ position: _position, ...item }) => item),
      next: rows.length > limit ? String(page[page.length - 1].position) : null,
    };
  }
}

function parseCursor(after: string | undefined): number {
  if (after === undefined || after === '') return 0;
  if (!/^\d{1,15}$/.test(after))
    throw new ValidationFailed([
      { field: 'after', message: 'must be the `next` cursor of the previous page' },
    ]);
  return Number(after);
}
