import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The priced-involvement read model learns a meeting's gathering decisions
 * (docs/adr/0023, 0026) and the participant's waiver (docs/adr/0028):
 * `priced_meetings` is a new input table of its projection. Its rows are
 * emptied and its checkpoint set to 0, so the projection runner replays the
 * log into it at its next start: the meetings registered so far are stored,
 * waivers folded, and every involvement priced again (with the guideline
 * versions this release ships, too).
 */
export class PricedMeetings1732300000051 implements MigrationInterface {
  name = 'PricedMeetings1732300000051';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE priced_meetings (
        meeting_id text PRIMARY KEY,
        gathering_decisions jsonb
      )`);
    await q.query(`DELETE FROM priced_involvement_lines`);
    await q.query(`DELETE FROM priced_involvements`);
    await q.query(`DELETE FROM priced_guideline_versions`);
    await q.query(`DELETE FROM priced_projects`);
    await q.query(
      `UPDATE projection_checkpoints SET position = 0, updated_at = now()
       WHERE name = 'honorarium-priced-involvements'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE priced_meetings`);
  }
}
