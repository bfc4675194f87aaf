import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model: InvolvementSummary (libs/participation/src/read-models/involvement-summaries). */
export class ParticipationInvolvements1732300000006 implements MigrationInterface {
  name = 'ParticipationInvolvements1732300000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participation_involvements (
        involvement_id text PRIMARY KEY,
        project_id text NOT NULL,
        participant_id text NOT NULL,
        form text NOT NULL,
        occurred_on text NOT NULL,
        attendance text NOT NULL,
        meeting_hours numeric NOT NULL,
        status text NOT NULL,
        counts_as_participation boolean NOT NULL,
        payable boolean NOT NULL,
        evidence_kinds text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL,
        logged_by text NOT NULL,
        logged_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX participation_involvements_project_idx ON participation_involvements (project_id, occurred_on, involvement_id)`,
    );
    await q.query(
      `CREATE INDEX participation_involvements_participant_idx ON participation_involvements (participant_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE participation_involvements`);
  }
}
