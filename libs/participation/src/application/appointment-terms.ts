import { Injectable } from '@nestjs/common';
import { appointmentDecider, type AppointmentTerm } from '../domain';
import { AppointmentQueries } from '../queries/appointment.queries';
import { EventSourcedRepository } from './event-sourced-repository';
import { streams } from './streams';

/**
 * A participant's appointments to a project, as the involvement rules need
 * them: the read model finds their ids, each appointment's own stream gives
 * the authoritative term (so a just-ended appointment is never missed).
 */
@Injectable()
export class AppointmentTerms {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly appointments: AppointmentQueries,
  ) {}

  async of(projectId: string, participantId: string): Promise<AppointmentTerm[]> {
    const ids = await this.appointments.idsFor(projectId, participantId);
    const loaded = await Promise.all(
      ids.map((id) => this.repository.load(streams.appointment(id), appointmentDecider)),
    );
    return loaded.flatMap(({ state }) => (state.status === 'made' ? [state] : []));
  }
}
