import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 24-hour rule's first round trip (docs/adr/0011, docs/adr/0019 lever 2):
 * take the person-day's session advisory lock, list the involvements that may
 * be on the day (recorded in `participation_person_days` or projected as
 * logged), and record the caller's involvement there — one statement instead
 * of four. Answers NULL, and records nothing, when another session holds the
 * lock. Each statement of a VOLATILE plpgsql function takes a fresh snapshot,
 * so the list sees everything the previous holder committed.
 */
export class ParticipationClaimPersonDay1732300000041 implements MigrationInterface {
  name = 'ParticipationClaimPersonDay1732300000041';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION participation_claim_person_day(
        lock_key bigint, for_participant text, on_day text, for_involvement text
      ) RETURNS text[] LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        listed text[];
      BEGIN
        IF NOT pg_try_advisory_lock(lock_key) THEN
          RETURN NULL;
        END IF;
        SELECT coalesce(array_agg(ids.involvement_id), '{}') INTO listed FROM (
          SELECT involvement_id FROM participation_person_days
          WHERE participant_id = for_participant AND occurred_on = on_day
          UNION
          SELECT involvement_id FROM participation_involvements
          WHERE participant_id = for_participant AND occurred_on = on_day AND status = 'logged'
        ) ids
        WHERE ids.involvement_id <> for_involvement;
        INSERT INTO participation_person_days (participant_id, occurred_on, involvement_id)
        VALUES (for_participant, on_day, for_involvement) ON CONFLICT DO NOTHING;
        RETURN listed;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION participation_claim_person_day(bigint, text, text, text)`);
  }
}
