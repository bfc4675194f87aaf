import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appointments of revision 2 record the body appointed to, what kind of body
 * proposed, the appointing decision and the mandate (docs/adr/0027). Nullable:
 * appointments made before have none, and their events are never rewritten.
 */
export class ParticipationAppointmentRevision21732300000090 implements MigrationInterface {
  name = 'ParticipationAppointmentRevision21732300000090';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE participation_appointments
        ADD COLUMN form text,
        ADD COLUMN nominated_by_kind text,
        ADD COLUMN decision_ref text,
        ADD COLUMN mandate text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE participation_appointments
        DROP COLUMN form, DROP COLUMN nominated_by_kind, DROP COLUMN decision_ref, DROP COLUMN mandate`);
  }
}
