import type { EvaluatedInvolvement } from './owed-lines';

/** An involvement a draft leaves out because its participant disputes it (docs/adr/0028). */
export interface HeldBackInvolvement {
  involvementId: string;
  participantId: string;
  /** Always `disputed-by-participant`: the reason code of the hold. */
  reason: 'disputed-by-participant';
  concerns: readonly string[];
  disputedAt: string;
}

/** An open dispute as the `disputed_involvements` read model holds it. */
export interface OpenDispute {
  involvementId: string;
  participantId: string;
  concerns: readonly string[];
  disputedAt: string;
}

/**
 * The draft's filter for disputed involvements: an involvement with an open
 * dispute is not evaluated, so it gets no line and what earlier batches
 * claimed for it is left alone (neither paid again nor reversed) until the
 * lead corrects it or the participant confirms. The set-based draft (WhatIsOwed)
 * applies it in SQL with the disputes at the head of the log as a parameter
 * (`NOT (i.involvement_id = ANY($6))`), and lists what it held back with this.
 */
export function holdBackDisputed<T extends Pick<EvaluatedInvolvement, 'involvementId'>>(
  evaluated: readonly T[],
  disputes: ReadonlyMap<string, OpenDispute>,
): { payable: T[]; heldBack: HeldBackInvolvement[] } {
  const payable: T[] = [];
  const heldBack: HeldBackInvolvement[] = [];
  for (const involvement of evaluated) {
    const dispute = disputes.get(involvement.involvementId);
    if (!dispute) payable.push(involvement);
    else
      heldBack.push({
        involvementId: dispute.involvementId,
        participantId: dispute.participantId,
        reason: 'disputed-by-participant',
        concerns: dispute.concerns,
        disputedAt: dispute.disputedAt,
      });
  }
  return { payable, heldBack };
}
