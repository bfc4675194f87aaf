import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ParticipationFacts' evidence now carries `recordedAt` (when the log recorded
 * it), so back-dated feedback no longer counts as timely (docs/adr/0021). The
 * rows are emptied and the projection's checkpoint set to 0: the projection
 * runner replays the log into them at its next start, as
 * `npm run projections:rebuild -- reporting-participation-facts` would.
 */
export class ReportingEvidenceRecordedAt1732300000035 implements MigrationInterface {
  name = 'ReportingEvidenceRecordedAt1732300000035';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reporting_involvements`);
    await q.query(`DELETE FROM reporting_projects`);
    await q.query(
      `UPDATE projection_checkpoints SET position = 0, updated_at = now() WHERE name = 'reporting-participation-facts'`,
    );
  }

  /** The older projection reads facts with `recordedAt` as it did without: nothing to undo. */
  async down(): Promise<void> {}
}
