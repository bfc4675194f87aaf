import { Injectable } from '@nestjs/common';
import {
  appointmentDecider,
  participantDecider,
  projectDecider,
  type AppointmentTerm,
  type ParticipantState,
  type ProjectState,
} from '../domain';
import { AppointmentQueries } from '../queries/appointment.queries';
import { EventSourcedRepository, type Loaded } from './event-sourced-repository';
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

  /**
   * What logging an involvement reads, in two statements (docs/adr/0019):
   * the appointment ids from the read model, then the project's, the
   * participant's and those appointments' streams in one read.
   */
  async withParties(
    projectId: string,
    participantId: string,
  ): Promise<{
    project: Loaded<ProjectState>;
    participant: Loaded<ParticipantState>;
    appointments: AppointmentTerm[];
  }> {
    const ids = (await this.appointments.idsFor(projectId, participantId)).map(streams.appointment);
    const read = await this.repository.loadStreams([
      streams.project(projectId),
      streams.participant(participantId),
      ...ids,
    ]);
    const appointments = ids
      .map((id) => read.get(id, appointmentDecider).state)
      .flatMap((state) => (state.status === 'made' ? [state] : []));
    return {
      project: read.get(streams.project(projectId), projectDecider),
      participant: read.get(streams.participant(participantId), participantDecider),
      appointments,
    };
  }
}
