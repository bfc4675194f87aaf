import { Conflict, NotFound, canonicalJson } from '@app/shared-kernel';
import { FieldChecks, refuse } from '../common';
import { parseEvidence } from './evidence';
import { AddEvidence, AddEvidenceContext } from './involvement.commands';
import { InvolvementEvent } from './involvement.events';
import { InvolvementState } from './involvement.state';

export function addEvidence(
  { data }: AddEvidence,
  state: InvolvementState,
  { now }: AddEvidenceContext,
): InvolvementEvent[] {
  new FieldChecks()
    .text('involvementId', data.involvementId, 100)
    .text('evidenceId', data.evidenceId, 100)
    .throwIfAny();
  if (state.status === 'none') throw new NotFound('Involvement', data.involvementId);
  if (state.status === 'voided')
    throw refuse('involvement-voided', `involvement ${data.involvementId} cannot be given evidence`);
  const evidence = parseEvidence(data.evidence ?? ({} as AddEvidence['data']['evidence']), now);
  // The evidence id is the natural key of a retry: the same evidence twice adds nothing.
  const known = state.evidence.find((e) => e.evidenceId === data.evidenceId);
  if (known && canonicalJson(known.evidence) === canonicalJson(evidence)) return [];
  if (known) throw new Conflict(`Evidence ${data.evidenceId} was already added with other content`);
  return [
    {
      type: 'EvidenceAdded',
      data: {
        involvementId: data.involvementId,
        participantId: state.participantId,
        evidenceId: data.evidenceId,
        evidence,
      },
    },
  ];
}
