import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The involvements a participant disputes and nobody has resolved yet (no
 * correction by the lead, no confirmation by the participant since): their
 * amounts are held back from payout drafts (docs/adr/0028). Kept by the
 * projection `participation-disputed-involvements`, which fills it from the
 * log on its first run.
 */
export class DisputedInvolvements1732300000100 implements MigrationInterface {
  name = 'DisputedInvolvements1732300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE disputed_involvements (
        involvement_id text PRIMARY KEY,
        participant_id text NOT NULL,
        concerns text[] NOT NULL,
        disputed_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE disputed_involvements`);
  }
}
