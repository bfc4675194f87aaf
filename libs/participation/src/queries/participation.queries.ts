import { Inject, Injectable } from '@nestjs/common';
import { AccessLog } from '@app/audit';
import { CLOCK, NotFound, type Clock } from '@app/shared-kernel';
import { EventSourcedRepository } from '../application/event-sourced-repository';
import {
  assertStaffOrOwnData,
  PersonalDataAccess,
  readsOwnData,
  registrantOf,
  type PersonalDataReader,
} from '../application/personal-data-access';
import { streams } from '../application/streams';
import { todayInOslo } from '../application/oslo-calendar';
import {
  employedByOn,
  holdsBackPayout,
  involvementDecider,
  participantDecider,
  projectDecider,
  type ParticipantVoice,
} from '../domain';
import { isForgotten, PersonalDataVault, type ParticipantPersonalData } from '../personal-data';
import { AppointmentQueries } from './appointment.queries';
import { InvolvementHonorarium } from './involvement-honorarium';
import { PRICED_SINGLE_READ_WAIT_MS, PricedInvolvementQueries } from './priced-involvement.queries';
import type { InvolvementHonorariumView } from './unpriced-honorarium';
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
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly priced: PricedInvolvementQueries,
  ) {}

  /** Each project's appointment terms (no sealed text), read in one statement. */
  async appointmentTerms(projectIds: readonly string[]) {
    return this.appointments.termsOfProjects(projectIds);
  }

  /**
   * An appointment's exception reason is sealed text about the person
   * (docs/adr/0014): read as null by a lead who neither leads this project
   * nor may read that person (docs/adr/0011).
   */
  async project(projectId: string, asOf?: Date, reader?: PersonalDataReader) {
    const { state, version } = await this.repository.load(streams.project(projectId), projectDecider, asOf);
    if (state.status === 'unregistered') throw new NotFound('Project', projectId);
    const appointments = await this.appointments.forProject(projectId, asOf);
    for (const appointment of appointments)
      if (
        appointment.exceptionReason !== null &&
        !(await this.mayReadPersonalText(reader, state.leads, appointment.participantId))
      )
        appointment.exceptionReason = null;
    return {
      id: state.projectId,
      name: state.name,
      organizationId: state.organizationId,
      region: state.region,
      level: state.level,
      leads: state.leads.map((sub) => ({ sub })),
      appointments,
      /** Decision milestones in the order recorded ("involved early" is judged by them). */
      milestones: (state.milestones ?? []).map(({ milestoneId, ...rest }) => ({ id: milestoneId, ...rest })),
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
  async participant(participantId: string, reader: PersonalDataReader) {
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
    const base = {
      id: participantId,
      // In force today (Oslo); `employment` is every period recorded, in the order recorded.
      employedBy: [...employedByOn(state, todayInOslo(this.clock))],
      employment: state.employment.map((p) => ({ from: p.from, employedBy: [...p.employedBy] })),
      version,
    };
    if (state.status === 'forgotten') return { ...base, status: 'forgotten' as const, personalData: null };
    const opened = await this.vault.open<ParticipantPersonalData>(participantId, state.sealed);
    if (isForgotten(opened)) return { ...base, status: 'forgotten' as const, personalData: null };
    return { ...base, status: 'active' as const, ...opened };
  }

  /**
   * The topic and the evidence's summary and rationale are sealed text about
   * the person (docs/adr/0014): a lead who neither leads the involvement's
   * project nor may read that person (docs/adr/0011) gets them left out, and
   * `personalTextWithheld: true`.
   */
  async involvement(involvementId: string, asOf?: Date, reader?: PersonalDataReader) {
    const { state, version, history } = await this.repository.load(
      streams.involvement(involvementId),
      involvementDecider,
      asOf,
    );
    if (state.status === 'none') throw new NotFound('Involvement', involvementId);
    if (reader) assertStaffOrOwnData(reader, state.participantId);
    const project = await this.repository.load(streams.project(state.projectId), projectDecider);
    const region = project.state.status === 'registered' ? project.state.region : null;
    const priced = [...history]
      .reverse()
      .find((h) => h.type === 'InvolvementLogged' || h.type === 'InvolvementCorrected');
    const honorarium = await this.honorariumOf(state.involvementId, asOf, async () =>
      region && priced ? this.honorarium.calculate(state, region, priced.position, asOf) : null,
    );
    const { status, evidence, corrections, involvementId: id, ...details } = state;
    const leads = project.state.status === 'registered' ? project.state.leads : [];
    const withheld = !(await this.mayReadPersonalText(reader, leads, state.participantId));
    return {
      id,
      ...details,
      ...(withheld ? { topic: null, personalTextWithheld: true, ...withoutReasons(state) } : {}),
      disputeHoldsBackPayout: holdsBackPayout(state),
      status,
      corrections,
      evidence: evidence.map((e) => {
        const view: Record<string, unknown> = { id: e.evidenceId, ...e.evidence };
        if (withheld) for (const field of ['summary', 'rationale']) delete view[field];
        return view;
      }),
      version,
      history,
      honorarium,
      payout: await this.payouts.payoutOf(id),
    };
  }

  /**
   * From the priced-involvement read model once it holds the log's head (docs/adr/0023). A read of the
   * past (`asOf`), or one the read model could not answer in time, is priced from the streams instead,
   * by the same calculation.
   */
  private async honorariumOf(
    involvementId: string,
    asOf: Date | undefined,
    live: () => Promise<InvolvementHonorariumView | null>,
  ): Promise<InvolvementHonorariumView | null> {
    if (asOf === undefined && (await this.priced.caughtUp(PRICED_SINGLE_READ_WAIT_MS))) {
      const stored = (await this.priced.honoraria([involvementId])).get(involvementId);
      if (stored !== undefined) return stored;
    }
    return live();
  }

  /** Roles that read every person, a lead of the project, or a lead who may read the person. No reader: internal use. */
  private async mayReadPersonalText(
    reader: PersonalDataReader | undefined,
    projectLeads: readonly string[],
    participantId: string,
  ): Promise<boolean> {
    if (!reader || ['admin', 'finance', 'auditor'].some((role) => reader.roles.includes(role))) return true;
    if (readsOwnData(reader, participantId)) return true;
    if (!reader.roles.includes('project-lead')) return false;
    if (projectLeads.includes(reader.actor)) return true;
    const participant = await this.repository.load(streams.participant(participantId), participantDecider);
    return this.access.mayRead(participantId, registrantOf(participant), reader);
  }
}

/** The participant's dispute and waiver without their reasons (sealed text about them, docs/adr/0014). */
function withoutReasons({ participantResponse, waiver }: ParticipantVoice) {
  return {
    participantResponse:
      participantResponse && !participantResponse.confirmed
        ? { ...participantResponse, reason: null }
        : participantResponse,
    waiver: waiver && { ...waiver, reason: null },
  };
}
