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
 * lead corrects it or the participant confirms. In SQL:
 * `NOT EXISTS (SELECT 1 FROM disputed_involvements d WHERE d.involvement_id = i.involvement_id)`.
 */
export function holdBackDisputed(
  evaluated: readonly EvaluatedInvolvement[],
  disputes: ReadonlyMap<string, OpenDispute>,
): { payable: EvaluatedInvolvement[]; heldBack: HeldBackInvolvement[] } {
  const payable: EvaluatedInvolvement[] = [];
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
