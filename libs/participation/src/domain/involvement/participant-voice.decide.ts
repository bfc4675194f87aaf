import { Forbidden, NotFound, refuseNationalIdsInFreeText } from '@app/shared-kernel';
import { FieldChecks, refuse } from '../common';
import {
  AcknowledgeFeedback,
  RespondToInvolvement,
  WaiveHonorarium,
  WaiveHonorariumContext,
} from './involvement.commands';
import { InvolvementEvent } from './involvement.events';
import { InvolvementState, RecordedInvolvement } from './involvement.state';
import { DISPUTE_CONCERNS, DisputeConcern } from './participant-voice';

export const OWN_INVOLVEMENT_RULE =
  'a representative may confirm, dispute, waive or acknowledge only an involvement logged about themselves';

/** The involvement exists, is about the one who speaks, and is not voided. */
function ownOpenInvolvement(
  state: InvolvementState,
  involvementId: string,
  participantId: string,
): RecordedInvolvement {
  if (state.status === 'none') throw new NotFound('Involvement', involvementId);
  if (state.participantId !== participantId) throw new Forbidden(OWN_INVOLVEMENT_RULE);
  if (state.status === 'voided')
    throw refuse('voided-involvement-takes-no-response', `involvement ${involvementId} is voided`);
  return state;
}

/**
 * `{confirmed: true}` confirms what is logged (and withdraws a dispute);
 * `{confirmed: false, reason, concerns?}` disputes it. Saying again what was
 * last said, about the same version, adds nothing.
 */
export function respondToInvolvement(
  { data }: RespondToInvolvement,
  state: InvolvementState,
): InvolvementEvent[] {
  const checks = new FieldChecks();
  if (typeof data.confirmed !== 'boolean') checks.fail('confirmed', 'must be true or false');
  checks.optionalString('reason', data.reason, 2000);
  if (data.concerns !== undefined && data.concerns !== null)
    if (!Array.isArray(data.concerns) || data.concerns.length === 0 || data.concerns.length > 5)
      checks.fail('concerns', `must be a list of 1 to 5 of ${DISPUTE_CONCERNS.join(', ')}`);
    else data.concerns.forEach((c, i) => checks.oneOf(`concerns[${i}]`, DISPUTE_CONCERNS, c));
  if (data.confirmed === true && data.concerns !== undefined && data.concerns !== null)
    checks.fail('concerns', 'is given only with confirmed: false');
  checks.throwIfAny();
  const current = ownOpenInvolvement(state, data.involvementId, data.participantId);
  const said = current.participantResponse;
  const ids = { involvementId: current.involvementId, participantId: current.participantId };
  if (data.confirmed === true)
    return said?.confirmed === true && !said.correctedSince
      ? []
      : [{ type: 'ParticipantConfirmedInvolvement', data: ids }];
  if (typeof data.reason !== 'string' || data.reason.trim() === '')
    throw refuse('dispute-reason-required', 'say what is wrong in `reason`');
  refuseNationalIdsInFreeText({ reason: data.reason });
  const reason = data.reason.trim();
  const concerns: DisputeConcern[] = [
    ...new Set((data.concerns as DisputeConcern[] | undefined | null) ?? (['other'] as const)),
  ];
  if (
    said?.confirmed === false &&
    !said.correctedSince &&
    said.reason === reason &&
    said.concerns.join() === concerns.join()
  )
    return [];
  return [{ type: 'ParticipantDisputedInvolvement', data: { ...ids, concerns, reason } }];
}

/** The participant declines the honorarium; expenses are still covered (the calculator's `waived`). */
export function waiveHonorarium(
  { data }: WaiveHonorarium,
  state: InvolvementState,
  { honorariumInBatch }: WaiveHonorariumContext,
): InvolvementEvent[] {
  new FieldChecks().optionalString('reason', data.reason, 2000).throwIfAny();
  const current = ownOpenInvolvement(state, data.involvementId, data.participantId);
  if (typeof data.reason !== 'string' || data.reason.trim() === '')
    throw refuse('waiver-reason-required', 'say why in `reason`');
  refuseNationalIdsInFreeText({ reason: data.reason });
  if (current.waiver !== null)
    throw refuse('honorarium-already-waived', `involvement ${current.involvementId} is waived already`);
  if (!current.payable)
    throw refuse('nothing-to-waive', `involvement ${current.involvementId} is not paid (${current.form})`);
  if (honorariumInBatch)
    throw refuse(
      'honorarium-already-batched',
      `the honorarium of involvement ${current.involvementId} is in a payout batch already`,
    );
  return [
    {
      type: 'ParticipantWaivedHonorarium',
      data: {
        involvementId: current.involvementId,
        participantId: current.participantId,
        reason: data.reason.trim(),
      },
    },
  ];
}

/** Acknowledges one recorded feedback; acknowledging it again adds nothing. */
export function acknowledgeFeedback(
  { data }: AcknowledgeFeedback,
  state: InvolvementState,
): InvolvementEvent[] {
  new FieldChecks().text('evidenceId', data.evidenceId, 100).throwIfAny();
  const current = ownOpenInvolvement(state, data.involvementId, data.participantId);
  const evidenceId = data.evidenceId as string;
  const feedback = current.evidence.find(
    (e) => e.evidenceId === evidenceId && e.evidence.kind === 'feedback',
  );
  if (!feedback)
    throw refuse(
      'feedback-not-recorded',
      `involvement ${current.involvementId} has no feedback evidence ${evidenceId}`,
    );
  if (current.acknowledgedFeedback.includes(evidenceId)) return [];
  return [
    {
      type: 'ParticipantAcknowledgedFeedback',
      data: { involvementId: current.involvementId, participantId: current.participantId, evidenceId },
    },
  ];
}
