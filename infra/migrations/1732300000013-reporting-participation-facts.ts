import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model: ParticipationFacts (libs/reporting/src/read-models/participation-facts). */
export class ReportingParticipationFacts1732300000013 implements MigrationInterface {
  name = 'ReportingParticipationFacts1732300000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporting_projects (
        project_id text PRIMARY KEY,
        name text NOT NULL,
        organization_id text NOT NULL,
        level text NOT NULL
      )`);
    await q.query(`CREATE INDEX reporting_projects_organization_idx ON reporting_projects (organization_id)`);
    await q.query(`
      CREATE TABLE reporting_involvements (
        involvement_id text PRIMARY KEY,
        project_id text NOT NULL,
        participant_id text NOT NULL,
        form text NOT NULL,
        occurred_on text NOT NULL,
        attendance text NOT NULL,
        meeting_hours numeric NOT NULL,
        preparation_hours numeric NOT NULL,
        travel_hours numeric NOT NULL,
        status text NOT NULL,
        counts_as_participation boolean NOT NULL,
        evidence jsonb NOT NULL DEFAULT '[]'
      )`);
    await q.query(
      `CREATE INDEX reporting_involvements_project_idx ON reporting_involvements (project_id, occurred_on)`,
    );
    await q.query(`CREATE INDEX reporting_involvements_day_idx ON reporting_involvements (occurred_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reporting_involvements`);
    await q.query(`DROP TABLE reporting_projects`);
  }
}
