import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model: appointments by project and participant (oppnevninger). */
export class ParticipationAppointments1732300000005 implements MigrationInterface {
  name = 'ParticipationAppointments1732300000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participation_appointments (
        appointment_id text PRIMARY KEY,
        project_id text NOT NULL,
        participant_id text NOT NULL,
        role text NOT NULL,
        nominated_by text NOT NULL,
        appointed_by text NOT NULL,
        from_date date NOT NULL,
        to_date date,
        ended_on date,
        exception_reason text,
        recorded_at timestamptz NOT NULL,
        ended_recorded_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX participation_appointments_project_idx ON participation_appointments (project_id, participant_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE participation_appointments`);
  }
}
