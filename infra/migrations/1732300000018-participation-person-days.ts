import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's day holds at most 24 hours (docs/adr/0011). Every involvement
 * ever placed on a person's day, written under the day's lock before the
 * append, so the check never waits for the read model. Rows are candidates
 * only: the check loads each involvement's stream. Filled from the log here.
 */
export class ParticipationPersonDays1732300000018 implements MigrationInterface {
  name = 'ParticipationPersonDays1732300000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participation_person_days (
        participant_id text NOT NULL,
        occurred_on text NOT NULL,
        involvement_id text NOT NULL,
        PRIMARY KEY (participant_id, occurred_on, involvement_id)
      )`);
    await q.query(`
      INSERT INTO participation_person_days (participant_id, occurred_on, involvement_id)
      SELECT logged.data->>'participantId', days.day, logged.data->>'involvementId'
      FROM events logged
      CROSS JOIN LATERAL (
        SELECT logged.data->>'occurredOn' AS day
        UNION
        SELECT corrected.data->'changes'->>'occurredOn' FROM events corrected
        WHERE corrected.stream_id = logged.stream_id AND corrected.type = 'InvolvementCorrected'
          AND corrected.data->'changes' ? 'occurredOn'
      ) days
      WHERE logged.type = 'InvolvementLogged'
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE participation_person_days`);
  }
}
