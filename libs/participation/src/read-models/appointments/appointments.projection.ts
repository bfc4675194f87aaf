import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '@app/event-store';
import { appointmentMadeData, type AppointmentEvent } from '../../domain';

/** Appointments by project and participant, for project pages and for the appointment check on logging. */
export class AppointmentsProjection implements Projection {
  readonly name = 'participation-appointments';
  readonly handles = ['AppointmentMade', 'AppointmentEnded'];

  async apply(stored: StoredEvent, tx: EntityManager): Promise<void> {
    const event = { type: stored.type, data: stored.data } as AppointmentEvent;
    switch (event.type) {
      case 'AppointmentMade': {
        // Events before revision 2 lack the last four fields: read as null.
        const d = appointmentMadeData(event.data);
        await tx.query(
          `INSERT INTO participation_appointments (appointment_id, project_id, participant_id, role, nominated_by, appointed_by,
             from_date, to_date, exception_reason, recorded_at, form, nominated_by_kind, decision_ref, mandate)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (appointment_id) DO NOTHING`,
          [
            d.appointmentId,
            d.projectId,
            d.participantId,
            d.role,
            d.nominatedBy,
            d.appointedBy,
            d.from,
            d.to,
            d.exceptionReason,
            stored.metadata.recordedAt,
            d.form,
            d.nominatedByKind,
            d.decisionRef,
            d.mandate,
          ],
        );
        return;
      }
      case 'AppointmentEnded':
        await tx.query(
          'UPDATE participation_appointments SET ended_on = $2, ended_recorded_at = $3 WHERE appointment_id = $1',
          [event.data.appointmentId, event.data.endedOn, stored.metadata.recordedAt],
        );
        return;
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM participation_appointments');
  }
}
