import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PersonalTextSeal } from '../application/personal-text-seal';
import type { PersonalText } from '../domain';

export interface AppointmentView {
  id: string;
  participantId: string;
  role: string;
  nominatedBy: string;
  appointedBy: string;
  from: string;
  to: string | null;
  endedOn: string | null;
  /** Sealed in the log with the participant's key; `{ erased: true }` once they are forgotten. */
  exceptionReason: PersonalText | null;
  /** Revision 2 (docs/adr/0027); null when not given, and for appointments made before it. */
  form: string | null;
  nominatedByKind: string | null;
  decisionRef: string | null;
  mandate: string | null;
}

/** An appointment's terms only: who holds which role from when to when. */
export type AppointmentTerms = Pick<AppointmentView, 'participantId' | 'role' | 'from' | 'to' | 'endedOn'>;

type Row = {
  appointment_id: string;
  participant_id: string;
  role: string;
  nominated_by: string;
  appointed_by: string;
  from_date: string;
  to_date: string | null;
  ended_on: string | null;
  exception_reason: string | null;
  form: string | null;
  nominated_by_kind: string | null;
  decision_ref: string | null;
  mandate: string | null;
};

const DATE = (column: string) => `to_char(${column}, 'YYYY-MM-DD') AS ${column}`;

@Injectable()
export class AppointmentQueries {
  constructor(
    private readonly db: DataSource,
    private readonly personalText: PersonalTextSeal,
  ) {}

  /** The project's appointments as recorded at `asOf` (now when absent). */
  async forProject(projectId: string, asOf?: Date): Promise<AppointmentView[]> {
    const at = asOf?.toISOString() ?? null;
    const rows: Row[] = await this.db.query(
      `SELECT appointment_id, participant_id, role, nominated_by, appointed_by, exception_reason,
              form, nominated_by_kind, decision_ref, mandate,
              ${DATE('from_date')}, ${DATE('to_date')},
              CASE WHEN $2::timestamptz IS NULL OR ended_recorded_at <= $2 THEN to_char(ended_on, 'YYYY-MM-DD') END AS ended_on
       FROM participation_appointments
       WHERE project_id = $1 AND ($2::timestamptz IS NULL OR recorded_at <= $2)
       ORDER BY from_date, appointment_id`,
      [projectId, at],
    );
    const views: AppointmentView[] = [];
    for (const r of rows)
      views.push({
        id: r.appointment_id,
        participantId: r.participant_id,
        role: r.role,
        nominatedBy: r.nominated_by,
        appointedBy: r.appointed_by,
        from: r.from_date,
        to: r.to_date,
        endedOn: r.ended_on,
        exceptionReason: await this.personalText.openValue(r.participant_id, r.exception_reason),
        form: r.form,
        nominatedByKind: r.nominated_by_kind,
        decisionRef: r.decision_ref,
        mandate: r.mandate,
      });
    return views;
  }

  /**
   * The terms of every appointment to the projects, in one statement (who, role, from, to, ended on; no sealed
   * text): what the "not alone" rule counts, for many projects at once (the annual report, docs/adr/0031).
   */
  async termsOfProjects(projectIds: readonly string[]): Promise<Map<string, AppointmentTerms[]>> {
    const rows: Array<
      Pick<Row, 'participant_id' | 'role' | 'from_date' | 'to_date' | 'ended_on'> & { project_id: string }
    > =
      projectIds.length === 0
        ? []
        : await this.db.query(
            `SELECT project_id, participant_id, role, ${DATE('from_date')}, ${DATE('to_date')}, ${DATE('ended_on')}
             FROM participation_appointments WHERE project_id = ANY($1::text[])
             ORDER BY project_id, from_date, appointment_id`,
            [projectIds],
          );
    const terms = new Map<string, AppointmentTerms[]>(projectIds.map((id) => [id, []]));
    for (const r of rows)
      terms.get(r.project_id)?.push({
        participantId: r.participant_id,
        role: r.role,
        from: r.from_date,
        to: r.to_date,
        endedOn: r.ended_on,
      });
    return terms;
  }

  /** Ids of a participant's appointments to a project; the handler then loads each stream for the truth. */
  async idsFor(projectId: string, participantId: string): Promise<string[]> {
    const rows: Array<{ appointment_id: string }> = await this.db.query(
      'SELECT appointment_id FROM participation_appointments WHERE project_id = $1 AND participant_id = $2',
      [projectId, participantId],
    );
    return rows.map((r) => r.appointment_id);
  }

  /** Projects the participant has (or had) an appointment to. */
  async projectsOf(participantId: string): Promise<string[]> {
    const rows: Array<{ project_id: string }> = await this.db.query(
      'SELECT DISTINCT project_id FROM participation_appointments WHERE participant_id = $1',
      [participantId],
    );
    return rows.map((r) => r.project_id);
  }
}
