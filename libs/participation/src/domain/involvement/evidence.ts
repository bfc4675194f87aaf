import { refuseNationalIdsInFreeText } from '@app/shared-kernel';
import { FieldChecks, IsoInstant, PersonalText, isAfterInstant, refuse } from '../common';

/**
 * Evidence that participation was real, not symbolic (skyggemedvirkning):
 * invited in good time, attended, heard, told back (tilbakemelding), and
 * whether the input influenced a decision. The audit read model scores it.
 */
export type Evidence =
  | { kind: 'invitation'; at: IsoInstant; documentsSharedAt: IsoInstant | null }
  | { kind: 'attendance'; at: IsoInstant; confirmedBy: string }
  | { kind: 'input'; at: IsoInstant; summary: PersonalText }
  | { kind: 'feedback'; at: IsoInstant; summary: PersonalText }
  | {
      kind: 'influence';
      at: IsoInstant;
      decisionRef: string;
      outcome: InfluenceOutcome;
      rationale: PersonalText | null;
    };

export const EVIDENCE_KINDS = ['invitation', 'attendance', 'input', 'feedback', 'influence'] as const;
export const INFLUENCE_OUTCOMES = ['adopted', 'partly-adopted', 'not-adopted'] as const;
export type InfluenceOutcome = (typeof INFLUENCE_OUTCOMES)[number];

export type EvidenceInput = {
  kind: string;
  at: IsoInstant;
  documentsSharedAt?: IsoInstant;
  /** Who confirmed attendance, e.g. 'participant' or 'attendance-list'; not a person's name. */
  confirmedBy?: string;
  summary?: string;
  decisionRef?: string;
  outcome?: string;
  rationale?: string;
};

/** Checks the input (400 for malformed, 422 for the rules) and returns the evidence as events carry it. */
export function parseEvidence(input: EvidenceInput, now: IsoInstant): Evidence {
  const checks = new FieldChecks().oneOf('kind', EVIDENCE_KINDS, input.kind).instant('at', input.at);
  const text = (field: 'confirmedBy' | 'summary' | 'decisionRef', max: number) => {
    checks.text(field, input[field], max);
    return typeof input[field] === 'string' ? input[field].trim() : '';
  };
  let evidence: Evidence;
  switch (input.kind) {
    case 'invitation':
      if (input.documentsSharedAt !== undefined) checks.instant('documentsSharedAt', input.documentsSharedAt);
      evidence = { kind: 'invitation', at: input.at, documentsSharedAt: input.documentsSharedAt ?? null };
      break;
    case 'attendance':
      evidence = { kind: 'attendance', at: input.at, confirmedBy: text('confirmedBy', 200) };
      break;
    case 'input':
    case 'feedback':
      evidence = { kind: input.kind, at: input.at, summary: text('summary', 5000) };
      break;
    default: {
      const decisionRef = text('decisionRef', 300);
      checks
        .oneOf('outcome', INFLUENCE_OUTCOMES, input.outcome)
        .optionalString('rationale', input.rationale, 5000);
      const rationale = input.rationale?.trim() || null;
      evidence = {
        kind: 'influence',
        at: input.at,
        decisionRef,
        outcome: input.outcome as InfluenceOutcome,
        rationale,
      };
    }
  }
  checks.throwIfAny();
  refuseNationalIdsInFreeText({
    confirmedBy: input.confirmedBy,
    summary: input.summary,
    decisionRef: input.decisionRef,
    rationale: input.rationale,
  });

  if (evidence.kind === 'influence' && evidence.outcome === 'not-adopted' && evidence.rationale === null) {
    throw refuse('influence-rationale-required', `decision ${evidence.decisionRef}`);
  }
  for (const [field, at] of [
    ['at', evidence.at],
    ['documentsSharedAt', documentsSharedAt(evidence)],
  ] as const) {
    if (at !== null && isAfterInstant(at, now))
      throw refuse('evidence-in-future', `${field} ${at} is after now ${now}`);
  }
  return evidence;
}

function documentsSharedAt(evidence: Evidence): IsoInstant | null {
  return evidence.kind === 'invitation' ? evidence.documentsSharedAt : null;
}
