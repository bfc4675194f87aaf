import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One person, one participant (docs/adr/0011): the keyed blind index of each
 * live participant's national id, outside the event log. A forgotten
 * person's row is deleted, so nothing of their id stays behind.
 */
export class ParticipantNationalIds1732300000017 implements MigrationInterface {
  name = 'ParticipantNationalIds1732300000017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participant_national_ids (
        blind_index text PRIMARY KEY,
        participant_id text NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX participant_national_ids_participant_idx ON participant_national_ids (participant_id)`,
    );
    // Set once the participants registered before this table existed are indexed (NationalIdBackfill).
    await q.query(`
      CREATE TABLE participant_national_ids_backfill (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        finished_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE participant_national_ids_backfill`);
    await q.query(`DROP TABLE participant_national_ids`);
  }
}
