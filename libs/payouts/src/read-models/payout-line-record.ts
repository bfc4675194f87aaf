import type { ClaimedLine } from '../domain';

/** A row of the `payout_lines` read model, as PostgreSQL returns it. */
export interface PayoutLineRecord {
  line_id: string;
  batch_id: string;
  participant_id: string;
  involvement_id: string;
  project_id: string;
  organization_id: string;
  occurred_on: string;
  kind: string;
  amount_ore: string;
  taxable: boolean;
  income_type: string;
  adjusts_line_id: string | null;
  status: ClaimedLine['status'];
  reference: string | null;
  drafted_position: string;
}

export function claimedLineOf(r: PayoutLineRecord): ClaimedLine {
  return {
    lineId: r.line_id,
    batchId: r.batch_id,
    participantId: r.participant_id,
    involvementId: r.involvement_id,
    projectId: r.project_id,
    organizationId: r.organization_id,
    occurredOn: r.occurred_on,
    kind: r.kind,
    amountOre: Number(r.amount_ore),
    taxable: r.taxable,
    incomeType: r.income_type,
    adjustsLineId: r.adjusts_line_id,
    status: r.status,
    draftedAt: Number(r.drafted_position),
  };
}
