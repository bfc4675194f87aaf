import { Injectable } from '@nestjs/common';
import { NotFound } from '@app/shared-kernel';
import { EventSourcedRepository } from '../application/event-sourced-repository';
import { streams } from '../application/streams';
import { involvementDecider, participantDecider, projectDecider } from '../domain';
import { isForgotten, PersonalDataVault, type ParticipantPersonalData } from '../personal-data';
import { AppointmentQueries } from './appointment.queries';

/**
 * Reads of single aggregates fold their stream, so `asOf` is exact: the state
 * as it was recorded at that instant, with the version it had then (the ETag).
 */
@Injectable()
export class ParticipationQueries {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly appointments: AppointmentQueries,
    private readonly vault: PersonalDataVault,
  ) {}

  async project(projectId: string, asOf?: Date) {
    const { state, version } = await this.repository.load(streams.project(projectId), projectDecider, asOf);
    if (state.status === 'unregistered') throw new NotFound('Project', projectId);
    return {
      id: state.projectId,
      name: state.name,
      organizationId: state.organizationId,
      region: state.region,
      level: state.level,
      leads: state.leads.map((sub) => ({ sub })),
      appointments: await this.appointments.forProject(projectId, asOf),
      status: 'active' as const,
      version,
    };
  }

  /** The person with their personal data opened; a forgotten person reads as forgotten. */
  async participant(participantId: string) {
    const { state, version } = await this.repository.load(streams.participant(participantId), participantDecider);
    if (state.status === 'unregistered') throw new NotFound('Participant', participantId);
    const base = { id: participantId, employedBy: [...state.employedBy], version };
    if (state.status === 'forgotten') return { ...base, status: 'forgotten' as const, personalData: null };
    const opened = await this.vault.open<ParticipantPersonalData>(participantId, state.sealed);
    if (isForgotten(opened)) return { ...base, status: 'forgotten' as const, personalData: null };
    return { ...base, status: 'active' as const, ...opened };
  }

  async involvement(involvementId: string, asOf?: Date) {
    const { state, version } = await this.repository.load(streams.involvement(involvementId), involvementDecider, asOf);
    if (state.status === 'none') throw new NotFound('Involvement', involvementId);
    const { status, evidence, corrections, involvementId: id, ...details } = state;
    return {
      id,
      ...details,
      status,
      corrections,
      evidence: evidence.map((e) => ({ id: e.evidenceId, ...e.evidence })),
      version,
      payout: null,
    };
  }
}
