import { DomainCommand, IsoDate, IsoInstant } from '../common';
import { AppointmentTerm } from '../appointment/appointment.state';
import { ParticipantState } from '../participant/participant.state';
import { MeetingState } from '../meeting/meeting.state';
import { ProjectState } from '../project/project.state';
import { EvidenceInput } from './evidence';
import { DetailsInput, Hours } from './involvement.details';

export type LogInvolvement = DomainCommand<
  'LogInvolvement',
  {
    involvementId: string;
    projectId: string;
    participantId: string;
    meetingId?: string | null;
  } & DetailsInput
>;

/** `changes` names any logged field with its new value; absent fields stay as they are. */
export type CorrectInvolvement = DomainCommand<
  'CorrectInvolvement',
  { involvementId: string; changes: Partial<DetailsInput>; reason: string }
>;

export type VoidInvolvement = DomainCommand<'VoidInvolvement', { involvementId: string; reason: string }>;

export type AddEvidence = DomainCommand<
  'AddEvidence',
  { involvementId: string; evidenceId: string; evidence: EvidenceInput }
>;

/**
 * The participant's own word (docs/adr/0028). `participantId` is who speaks
 * (from their token); only the participant the involvement is about may.
 */
export type RespondToInvolvement = DomainCommand<
  'RespondToInvolvement',
  { involvementId: string; participantId: string; confirmed: unknown; reason?: unknown; concerns?: unknown }
>;

export type WaiveHonorarium = DomainCommand<
  'WaiveHonorarium',
  { involvementId: string; participantId: string; reason: unknown }
>;

export type AcknowledgeFeedback = DomainCommand<
  'AcknowledgeFeedback',
  { involvementId: string; participantId: string; evidenceId: unknown }
>;

export type ParticipantVoiceCommand = RespondToInvolvement | WaiveHonorarium | AcknowledgeFeedback;

export type InvolvementCommand =
  LogInvolvement | CorrectInvolvement | VoidInvolvement | AddEvidence | ParticipantVoiceCommand;

/** Today in Norway (Europe/Oslo), from the handler's clock: the domain never reads one. */
type Today = { today: IsoDate };

/** Another active (not voided) involvement of the same person, with its hours. */
export type OtherInvolvementHours = { involvementId: string; hours: Hours };

/**
 * The person's other active involvements, in every project, on the day the
 * involvement takes place (keyed by that day): a day holds at most 24 hours.
 */
type SameDay = { otherInvolvementsByDay: Readonly<Record<IsoDate, readonly OtherInvolvementHours[]>> };

export type LogInvolvementContext = Today &
  SameDay & {
    project: ProjectState;
    participant: ParticipantState;
    /** The participant's appointments to the project, ended ones included; the decider picks the active one. */
    appointments: readonly AppointmentTerm[];
  } & InMeeting;

export type CorrectInvolvementContext = Today &
  SameDay & { appointments: readonly AppointmentTerm[] } & InMeeting;

/** The meeting the involvement names (`meetingId`), as its stream folds; absent when it names none. */
type InMeeting = { meeting?: MeetingState };

export type AddEvidenceContext = { now: IsoInstant };

/**
 * Whether time pay (meeting, preparation, travel time) of the involvement is
 * already in a payout batch (draft, approved or paid): a waiver then would
 * reclaim money, so it is refused.
 */
export type WaiveHonorariumContext = { honorariumInBatch: boolean };

export type InvolvementContextOf = {
  LogInvolvement: LogInvolvementContext;
  CorrectInvolvement: CorrectInvolvementContext;
  VoidInvolvement: void;
  AddEvidence: AddEvidenceContext;
  RespondToInvolvement: void;
  WaiveHonorarium: WaiveHonorariumContext;
  AcknowledgeFeedback: void;
};
