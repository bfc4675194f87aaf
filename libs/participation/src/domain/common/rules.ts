import { RuleViolation } from '@app/shared-kernel';

/**
 * Every rule of the participation domain, by its stable code. The HTTP layer
 * answers 422 with the code; clients and auditors key on it, so a code is
 * never renamed. The sentence states the rule and starts every refusal.
 */
export const PARTICIPATION_RULES = {
  'participant-forgotten':
    'A forgotten participant cannot be appointed, get new involvements or have their data changed',
  // The codes keep their first names (codes are never renamed); since revision 2 they hold at service level too.
  'employee-at-system-level-needs-exception':
    'A participant employed by the project’s organisation on the appointment’s first day is appointed at service or system level only with a recorded exception reason (the action plan counts the user groups of clinics and units as system level)',
  'experience-consultant-at-system-level-needs-exception':
    'An experience consultant is appointed at service or system level in their own organisation only with a recorded exception reason',
  'panel-appointment-needs-end-date':
    'An appointment to a user panel needs an end date (to): a panel meets over a limited time',
  'appointment-ends-before-start': 'An appointment cannot end before it starts',
  'appointment-already-ended': 'An ended appointment cannot be ended again',
  'appointment-required':
    'A user council, user panel or user group involvement needs an appointment of the participant to the project active on the day',
  'honorarium-decision-required': 'A user gathering needs a decision whether honorarium is paid or unpaid',
  'peer-support-never-paid': 'Peer support is not participation and is never paid',
  'council-and-panel-always-paid':
    'A user council or user panel involvement is always paid (skal honoreres); a lead cannot mark it unpaid, only the participant can waive the honorarium, and expenses are covered either way',
  'involvement-in-future': 'An involvement cannot lie in the future',
  'hours-out-of-range': 'Each hours value lies within 0 to 24',
  'day-hours-exceeded':
    'A person’s hours (meeting, preparation and travel) across their active involvements on one day cannot exceed 24',
  'meeting-hours-required': 'Meeting hours must be above 0 unless the participant was absent',
  'involvement-voided': 'A voided involvement cannot be corrected, voided again or given evidence',
  'reason-required': 'A correction or a void must give a reason',
  'correction-changes-nothing': 'A correction must change at least one logged field',
  'influence-rationale-required': 'Influence evidence with outcome not-adopted needs a rationale',
  'evidence-in-future': 'Evidence cannot be dated in the future',
  'voided-involvement-takes-no-response':
    'A voided involvement counts and pays nothing, so it cannot be confirmed, disputed, waived or acknowledged',
  'dispute-reason-required': 'A dispute must give a reason',
  'waiver-reason-required': 'A waiver of honorarium must give a reason',
  'honorarium-already-waived': 'The honorarium of an involvement is waived once',
  'nothing-to-waive': 'An involvement that pays no honorarium has none to waive',
  'honorarium-already-batched':
    'A waiver applies to honorarium not yet in a payout batch; once drafted, approved or paid it would reclaim money (finance may cancel a draft first)',
  'feedback-not-recorded': 'Only feedback recorded on the involvement can be acknowledged',
  'gathering-decisions-required':
    'A user gathering meeting needs its two decisions, taken once for the whole gathering: are expenses covered, is honorarium paid',
  'gathering-decisions-only-for-gatherings':
    'Only a user gathering decides whether expenses and honorarium are paid; other forms are paid by their guideline',
  'meeting-record-in-future':
    'An invitation, documents or feedback of a meeting cannot be dated in the future',
  'meeting-cancelled': 'A cancelled meeting takes no further records',
  'involvement-meeting-mismatch':
    'An involvement in a meeting belongs to a meeting of the same project, of the same form, held on the same day',
  'gathering-decisions-on-meeting':
    'An involvement in a user gathering meeting is paid by the meeting’s decisions, the same for everyone there; it cannot carry its own honorariumDecision',
  'milestone-in-future': 'A project milestone cannot be dated in the future',
} as const;

export type ParticipationRule = keyof typeof PARTICIPATION_RULES;

/** The error a decider throws to refuse a command by one of the rules above. */
export function refuse(rule: ParticipationRule, detail: string): RuleViolation {
  return new RuleViolation(rule, `${PARTICIPATION_RULES[rule]}: ${detail}`);
}
