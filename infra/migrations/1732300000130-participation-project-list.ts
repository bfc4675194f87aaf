import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model: projects and their leads, for a lead's list of their own projects (GET /v1/projects). */
export class ParticipationProjectList1732300000130 implements MigrationInterface {
  name = 'ParticipationProjectList1732300000130';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participation_projects (
        project_id text PRIMARY KEY,
        name text NOT NULL,
        organization_id text NOT NULL,
        region text NOT NULL,
        level text NOT NULL,
        registered_position bigint NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX participation_projects_position_idx ON participation_projects (registered_position)`,
    );
    await q.query(`
      CREATE TABLE participation_project_leads (
        project_id text NOT NULL,
        sub text NOT NULL,
        PRIMARY KEY (project_id, sub)
      )`);
    await q.query(`CREATE INDEX participation_project_leads_sub_idx ON participation_project_leads (sub)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE participation_project_leads`);
    await q.query(`DROP TABLE participation_projects`);
  }
}
