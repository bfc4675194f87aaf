import { Conflict, NotFound } from '@app/shared-kernel';
import { FieldChecks, assertNever, isSealedEnvelope, refuse } from '../common';
import {
  ChangeBankAccount,
  ChangeContact,
  ChangeEmployment,
  ForgetParticipant,
  ParticipantCommand,
  ParticipantContextOf,
  RegisterParticipant,
} from './participant.commands';
import { ParticipantEvent } from './participant.events';
import { ParticipantState } from './participant.state';

export function decideParticipant<C extends ParticipantCommand>(
  command: C,
  state: ParticipantState,
  context: ParticipantContextOf[C['type']],
): ParticipantEvent[] {
  const cmd: ParticipantCommand = command;
  switch (cmd.type) {
    case 'RegisterParticipant':
      return registerParticipant(cmd, state);
    case 'ForgetParticipant':
      return forgetParticipant(cmd, state, context as ParticipantContextOf['ForgetParticipant']);
    case 'ChangeEmployment':
      return changeEmployment(cmd, state);
    case 'ChangeBankAccount':
    case 'ChangeContact':
      return reseal(cmd, state);
    default:
      return assertNever(cmd);
  }
}

function registerParticipant({ data }: RegisterParticipant, state: ParticipantState): ParticipantEvent[] {
  const checks = new FieldChecks().text('participantId', data.participantId, 100);
  // Invariant: no personal data in plaintext in events. Only the vault's envelope gets through.
  if (!isSealedEnvelope(data.sealed))
    checks.fail('sealed', 'must be a sealed personal-data envelope, never plaintext');
  const employedBy = checkEmployers(checks, data.employedBy ?? []);
  checks.throwIfAny();
  if (state.status !== 'unregistered')
    throw new Conflict(`Participant ${data.participantId} is already registered`);
  return [
    {
      type: 'ParticipantRegistered',
      data: { participantId: data.participantId, sealed: data.sealed, employedBy },
    },
  ];
}

function forgetParticipant(
  { data }: ForgetParticipant,
  state: ParticipantState,
  context: ParticipantContextOf['ForgetParticipant'],
): ParticipantEvent[] {
  if (state.status === 'unregistered') throw new NotFound('Participant', data.participantId);
  // Forgetting is for good; asking again changes nothing.
  if (state.status === 'forgotten') return [];
  if (context.approvedLinesAwaitingPayment > 0) {
    throw new Conflict(
      `Participant ${data.participantId} has ${context.approvedLinesAwaitingPayment} approved payout line(s) awaiting payment; forget after they are settled`,
    );
  }
  return [{ type: 'ParticipantForgotten', data: { participantId: data.participantId } }];
}

function checkEmployers(checks: FieldChecks, employedBy: unknown): string[] {
  if (!Array.isArray(employedBy)) {
    checks.fail('employedBy', 'must be a list of organisation ids');
    return [];
  }
  employedBy.forEach((org, i) => checks.text(`employedBy[${i}]`, org, 100));
  return [...new Set(employedBy as string[])];
}

/** Only a registered participant changes; a forgotten one is gone for good. */
function assertChangeable(state: ParticipantState, participantId: string): void {
  if (state.status === 'unregistered' || state.participantId !== participantId)
    throw new NotFound('Participant', participantId);
  if (state.status === 'forgotten') throw refuse('participant-forgotten', `participant ${participantId}`);
}

function changeEmployment({ data }: ChangeEmployment, state: ParticipantState): ParticipantEvent[] {
  const checks = new FieldChecks().text('participantId', data.participantId, 100).date('from', data.from);
  const employedBy = checkEmployers(checks, data.employedBy);
  checks.throwIfAny();
  assertChangeable(state, data.participantId);
  return [
    {
      type: 'ParticipantEmploymentChanged',
      data: { participantId: data.participantId, employedBy, from: data.from },
    },
  ];
}

function reseal(
  { type, data }: ChangeBankAccount | ChangeContact,
  state: ParticipantState,
): ParticipantEvent[] {
  const checks = new FieldChecks().text('participantId', data.participantId, 100);
  // Invariant: no personal data in plaintext in events, for changes as for registration.
  if (!isSealedEnvelope(data.sealed))
    checks.fail('sealed', 'must be a sealed personal-data envelope, never plaintext');
  checks.throwIfAny();
  assertChangeable(state, data.participantId);
  const changed = { participantId: data.participantId, sealed: data.sealed };
  return type === 'ChangeBankAccount'
    ? [{ type: 'ParticipantBankAccountChanged', data: changed }]
    : [{ type: 'ParticipantContactChanged', data: changed }];
}
