import { RuleViolation } from '@app/shared-kernel';

/**
 * Every rule of the participation domain, by its stable code. The HTTP layer
 * answers 422 with the code; clients and auditors key on it, so a code is
 * never renamed. The sentence states the rule and starts every refusal.
 */
export const PARTICIPATION_RULES = {
  'participant-forgotten': 'A forgotten participant cannot be appointed or get new involvements',
  'employee-at-system-level-needs-exception':
    'A participant employed by the project’s organisation is appointed at system level only with a recorded exception reason',
  'experience-consultant-at-system-level-needs-exception':
    'An experience consultant is appointed at system level in their own organisation only with a recorded exception reason',
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
