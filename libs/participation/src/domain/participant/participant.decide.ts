import { Conflict, NotFound } from '@app/shared-kernel';
import { FieldChecks, assertNever, isSealedEnvelope } from '../common';
import {
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
    default:
      return assertNever(cmd);
  }
}

function registerParticipant({ data }: RegisterParticipant, state: ParticipantState): ParticipantEvent[] {
  const checks = new FieldChecks().text('participantId', data.participantId, 100);
  // Invariant: no personal data in plaintext in events. Only the vault's envelope gets through.
  if (!isSealedEnvelope(data.sealed))
    checks.fail('sealed', 'must be a sealed personal-data envelope, never plaintext');
  const employedBy = data.employedBy ?? [];
  if (!Array.isArray(employedBy)) checks.fail('employedBy', 'must be a list of organisation ids');
  else employedBy.forEach((org, i) => checks.text(`employedBy[${i}]`, org, 100));
  checks.throwIfAny();
  if (state.status !== 'unregistered')
    throw new Conflict(`Participant ${data.participantId} is already registered`);
  return [
    {
      type: 'ParticipantRegistered',
      data: { participantId: data.participantId, sealed: data.sealed, employedBy: [...new Set(employedBy)] },
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
