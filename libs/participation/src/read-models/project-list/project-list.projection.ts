import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '@app/event-store';
import type { ProjectEvent } from '../../domain';

/** Projects and their leads: a lead's own projects (GET /v1/projects), in the order they were registered. */
export class ProjectListProjection implements Projection {
  readonly name = 'participation-project-list';
  readonly handles = ['ProjectRegistered', 'ProjectLeadAdded'];

  async apply(stored: StoredEvent, tx: EntityManager): Promise<void> {
    const event = { type: stored.type, data: stored.data } as ProjectEvent;
    switch (event.type) {
      case 'ProjectRegistered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO participation_projects (project_id, name, organization_id, region, level, registered_position)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (project_id) DO NOTHING`,
          [d.projectId, d.name, d.organizationId, d.region, d.level, stored.position],
        );
        return;
      }
      case 'ProjectLeadAdded':
        await tx.query(
          `INSERT INTO participation_project_leads (project_id, sub) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [event.data.projectId, event.data.sub],
        );
        return;
      case 'MilestoneRecorded':
        return; // not handled: milestones are not part of the list
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM participation_project_leads');
    await tx.query('DELETE FROM participation_projects');
  }
}
