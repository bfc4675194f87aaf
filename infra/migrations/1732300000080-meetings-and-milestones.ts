import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models for meetings (møter) and decision milestones (docs/adr/0026):
 * `participation_meetings` lists a project's meetings; `reporting_meetings`,
 * `reporting_meeting_involvements` and `reporting_milestones` give the
 * reality indicators and the annual report the evidence given once per
 * meeting, which involvement belongs to which meeting, and the milestones.
 * New projections start from position 0, so the log is replayed into them.
 */
export class MeetingsAndMilestones1732300000080 implements MigrationInterface {
  name = 'MeetingsAndMilestones1732300000080';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participation_meetings (
        meeting_id text PRIMARY KEY,
        project_id text NOT NULL,
        form text NOT NULL,
        held_on date NOT NULL,
        status text NOT NULL,
        invitation_sent_at timestamptz,
        documents_shared_at timestamptz,
        minutes_ref text,
        feedback_given_at timestamptz,
        gathering_decisions jsonb
      )`);
    await q.query(
      `CREATE INDEX participation_meetings_project_idx ON participation_meetings (project_id, held_on, meeting_id)`,
    );
    await q.query(`
      CREATE TABLE reporting_meetings (
        meeting_id text PRIMARY KEY,
        project_id text NOT NULL,
        form text NOT NULL,
        held_on date NOT NULL,
        cancelled boolean NOT NULL DEFAULT false,
        evidence jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX reporting_meetings_project_idx ON reporting_meetings (project_id)`);
    await q.query(`CREATE INDEX reporting_meetings_held_on_idx ON reporting_meetings (held_on)`);
    await q.query(`
      CREATE TABLE reporting_meeting_involvements (
        involvement_id text PRIMARY KEY,
        meeting_id text NOT NULL
      )`);
    await q.query(
      `CREATE INDEX reporting_meeting_involvements_meeting_idx ON reporting_meeting_involvements (meeting_id)`,
    );
    await q.query(`
      CREATE TABLE reporting_milestones (
        milestone_id text PRIMARY KEY,
        project_id text NOT NULL,
        kind text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX reporting_milestones_project_idx ON reporting_milestones (project_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reporting_milestones`);
    await q.query(`DROP TABLE reporting_meeting_involvements`);
    await q.query(`DROP TABLE reporting_meetings`);
    await q.query(`DROP TABLE participation_meetings`);
  }
}
