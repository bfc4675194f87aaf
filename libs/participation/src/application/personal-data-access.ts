import { Injectable } from '@nestjs/common';
import { Forbidden } from '@app/shared-kernel';
import { projectDecider } from '../domain';
import { AppointmentQueries } from '../queries/appointment.queries';
import { EventSourcedRepository, type Loaded } from './event-sourced-repository';
import { streams } from './streams';

/**
 * Who wants to read a person's data. `participantId`: the participant a
 * representative is (their token's claim), set only with that role.
 */
export type PersonalDataReader = { actor: string; roles: readonly string[]; participantId?: string };

/** Roles that read every participant's personal data (their reads are logged like all others). */
const READS_EVERYONE = ['admin', 'finance', 'auditor'];

/** The trust's staff; a caller with none of them but the representative role sees only their own. */
const STAFF_ROLES = ['admin', 'project-lead', 'finance', 'auditor'];

export const OWN_DATA_RULE =
  'a representative sees only their own participant record, the involvements logged about them and their own honorarium ledger';

/** The reader is the representative of this very participant. */
export function readsOwnData(reader: PersonalDataReader | undefined, participantId: string): boolean {
  return (
    reader !== undefined && reader.roles.includes('representative') && reader.participantId === participantId
  );
}

/** Staff pass (their own rules apply); a representative alone only for their own participant (403). */
export function assertStaffOrOwnData(reader: PersonalDataReader, participantId: string): void {
  if (STAFF_ROLES.some((role) => reader.roles.includes(role))) return;
  if (!readsOwnData(reader, participantId)) throw new Forbidden(OWN_DATA_RULE);
}

export const READ_RULE =
  'only admins, finance, auditors, the lead who registered this person and leads of a project this person is appointed to may read their personal data';

export const APPOINT_RULE =
  'a project lead may appoint only a participant whose personal data they may already read (one they registered, or one appointed to a project they lead); an admin appoints anyone else';

export const LOG_RULE =
  'a project lead may log or correct an involvement only for a participant whose personal data they may read (one they registered, or one appointed to a project they lead); an admin logs for anyone';

export const CHANGE_RULE =
  'a project lead may change only a participant whose personal data they may read (one they registered, or one appointed to a project they lead); an admin changes anyone';

/** Who registered the participant: the actor of the stream's ParticipantRegistered event. */
export function registrantOf(participant: Pick<Loaded<unknown>, 'history'>): string | undefined {
  return participant.history.find((h) => h.type === 'ParticipantRegistered')?.actor;
}

/**
 * docs/adr/0011: a project lead reads a person's data only if they registered
 * the person or lead a project the person is (or was) appointed to, and a lead
 * may appoint only a person they can already read. So no write a lead makes
 * alone widens what that lead can read: every path to a person starts with an
 * admin, or with someone who could read them already.
 */
@Injectable()
export class PersonalDataAccess {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly appointments: AppointmentQueries,
  ) {}

  async mayRead(
    participantId: string,
    registeredBy: string | undefined,
    reader: PersonalDataReader,
  ): Promise<boolean> {
    if (READS_EVERYONE.some((role) => reader.roles.includes(role))) return true;
    if (readsOwnData(reader, participantId)) return true;
    if (!reader.roles.includes('project-lead')) return false;
    if (registeredBy !== undefined && registeredBy === reader.actor) return true;
    return this.leadsAProjectOf(participantId, reader.actor);
  }

  async assertMayRead(participantId: string, registeredBy: string | undefined, reader: PersonalDataReader) {
    if (!(await this.mayRead(participantId, registeredBy, reader)))
      throw new Forbidden(reader.roles.includes('project-lead') ? READ_RULE : OWN_DATA_RULE);
  }

  /** Admins appoint anyone; a lead only someone they may already read. */
  async assertMayAppoint(
    participantId: string,
    registeredBy: string | undefined,
    reader: PersonalDataReader,
  ) {
    await this.assertAdminOrReader(participantId, registeredBy, reader, APPOINT_RULE);
  }

  /**
   * Admins log for anyone; a lead only for someone they may read. An involvement
   * fills the person's day (24 h, docs/adr/0011 §3) and directs honorarium to
   * them, so a lead who merely saw a participant id may not write one.
   */
  async assertMayLogFor(participantId: string, registeredBy: string | undefined, reader: PersonalDataReader) {
    await this.assertAdminOrReader(participantId, registeredBy, reader, LOG_RULE);
  }

  /** Admins (and finance, for a bank account: the route admits them) change anyone; a lead only someone they may read. */
  async assertMayChange(participantId: string, registeredBy: string | undefined, reader: PersonalDataReader) {
    await this.assertAdminOrReader(participantId, registeredBy, reader, CHANGE_RULE);
  }

  private async assertAdminOrReader(
    participantId: string,
    registeredBy: string | undefined,
    reader: PersonalDataReader,
    rule: string,
  ) {
    if (reader.roles.includes('admin')) return;
    if (!(await this.mayRead(participantId, registeredBy, reader))) throw new Forbidden(rule);
  }

  private async leadsAProjectOf(participantId: string, sub: string): Promise<boolean> {
    const projectIds = await this.appointments.projectsOf(participantId);
    const projects = await Promise.all(
      projectIds.map((id) => this.repository.load(streams.project(id), projectDecider)),
    );
    return projects.some(({ state }) => state.status === 'registered' && state.leads.includes(sub));
  }
}
