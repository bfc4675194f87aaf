import { Inject, Injectable } from '@nestjs/common';
import { AccessLog } from '@app/audit';
import { NotFound } from '@app/shared-kernel';
import { EventSourcedRepository } from '../application/event-sourced-repository';
import { PersonalDataAccess, registrantOf } from '../application/personal-data-access';
import { streams } from '../application/streams';
import { involvementDecider, participantDecider, projectDecider } from '../domain';
import { isForgotten, PersonalDataVault, type ParticipantPersonalData } from '../personal-data';
import { AppointmentQueries } from './appointment.queries';
import { InvolvementHonorarium } from './involvement-honorarium';
import { PAYOUT_LEDGER, type PayoutLedger } from '../application/payout-ledger.port';

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
    private readonly accessLog: AccessLog,
    private readonly honorarium: InvolvementHonorarium,
    @Inject(PAYOUT_LEDGER) private readonly payouts: PayoutLedger,
    private readonly access: PersonalDataAccess,
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

  /**
   * The person with their personal data opened; a forgotten person reads as
   * forgotten. Admins, finance and auditors may read; a project lead only a
   * person they registered or one appointed to one of their projects
   * (docs/adr/0011). Every read is logged.
   */
  async participant(participantId: string, reader: { actor: string; roles: readonly string[] }) {
    const loaded = await this.repository.load(streams.participant(participantId), participantDecider);
    const { state, version } = loaded;
    if (state.status === 'unregistered') throw new NotFound('Participant', participantId);
    await this.access.assertMayRead(participantId, registrantOf(loaded), reader);
    await this.accessLog.record({
      actor: reader.actor,
      roles: reader.roles,
      action: 'read-personal-data',
      subject: participantId,
    });
    const base = { id: participantId, employedBy: [...state.employedBy], version };
    if (state.status === 'forgotten') return { ...base, status: 'forgotten' as const, personalData: null };
    const opened = await this.vault.open<ParticipantPersonalData>(participantId, state.sealed);
    if (isForgotten(opened)) return { ...base, status: 'forgotten' as const, personalData: null };
    return { ...base, status: 'active' as const, ...opened };
  }

  async involvement(involvementId: string, asOf?: Date) {
    const { state, version, history } = await this.repository.load(
      streams.involvement(involvementId),
      involvementDecider,
      asOf,
    );
    if (state.status === 'none') throw new NotFound('Involvement', involvementId);
    const project = await this.repository.load(streams.project(state.projectId), projectDecider);
    const region = project.state.status === 'registered' ? project.state.region : null;
    const priced = [...history]
      .reverse()
      .find((h) => h.type === 'InvolvementLogged' || h.type === 'InvolvementCorrected');
    const honorarium =
      region && priced ? await this.honorarium.calculate(state, region, priced.position, asOf) : null;
    const { status, evidence, corrections, involvementId: id, ...details } = state;
    return {
      id,
      ...details,
      status,
      corrections,
      evidence: evidence.map((e) => ({ id: e.evidenceId, ...e.evidence })),
      version,
      history,
      honorarium,
      payout: await this.payouts.payoutOf(id),
    };
  }
}
