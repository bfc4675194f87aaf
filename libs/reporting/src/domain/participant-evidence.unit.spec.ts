import { assessInvolvement } from './involvement-indicators';
import type { EvidenceFact, InvolvementFacts } from './participation-facts';
import { DEFAULT_REALITY_THRESHOLDS as DEFAULTS } from './reality-thresholds';

const TODAY = '2025-06-02';

const facts = (evidence: EvidenceFact[], overrides: Partial<InvolvementFacts> = {}): InvolvementFacts => ({
  involvementId: 'inv-1',
  projectId: 'p1',
  participantId: 'a',
  form: 'user-council',
  occurredOn: '2025-03-10',
  attendance: 'in-person',
  hours: { meeting: 2, preparation: 1, travel: 0 },
  status: 'logged',
  countsAsParticipation: true,
  evidence,
  ...overrides,
});

const at = (day: string) => `${day}T10:00:00Z`;
const attendanceList: EvidenceFact = {
  kind: 'attendance',
  at: at('2025-03-10'),
  recordedAt: at('2025-03-10'),
};
const confirmation = (day: string): EvidenceFact => ({
  kind: 'participant-confirmation',
  at: at(day),
  recordedAt: at(day),
});
const dispute = (day: string, concerns: string[]): EvidenceFact => ({
  kind: 'participant-dispute',
  at: at(day),
  recordedAt: at(day),
  concerns,
});
const assess = (evidence: EvidenceFact[], overrides: Partial<InvolvementFacts> = {}) =>
  assessInvolvement(facts(evidence, overrides), DEFAULTS, TODAY);

describe('the participant’s own word as evidence of attendance (docs/adr/0028)', () => {
  it('counts the participant’s confirmation as attended, without any attendance list', () => {
    expect(assess([confirmation('2025-03-12')])).toMatchObject({
      indicators: { attended: true },
      attendanceEvidence: 'confirmed-by-participant',
      notDocumented: ['invitedInGoodTime'],
    });
  });

  it('counts a dispute about attendance against "attended", over the lead’s attendance list', () => {
    expect(assess([attendanceList, dispute('2025-03-12', ['attendance'])])).toMatchObject({
      indicators: { attended: false },
      attendanceEvidence: 'disputed-by-participant',
    });
  });

  it('leaves attendance to the record when the dispute is about something else', () => {
    expect(assess([attendanceList, dispute('2025-03-12', ['hours'])])).toMatchObject({
      indicators: { attended: true },
      attendanceEvidence: 'attendance-record',
    });
    expect(assess([dispute('2025-03-12', ['expenses'])]).indicators.attended).toBeNull();
  });

  it('takes the participant’s latest word: a confirmation after the dispute withdraws it', () => {
    expect(
      assess([dispute('2025-03-12', ['attendance']), confirmation('2025-03-14')]).indicators.attended,
    ).toBe(true);
    expect(
      assess([confirmation('2025-03-12'), dispute('2025-03-14', ['attendance'])]).indicators.attended,
    ).toBe(false);
  });

  it('keeps logged absent as not attended, whatever else is recorded', () => {
    expect(assess([confirmation('2025-03-12')], { attendance: 'absent' })).toMatchObject({
      indicators: { attended: false },
      attendanceEvidence: 'logged-absent',
    });
  });

  it('says whether the participant acknowledged feedback', () => {
    const feedback: EvidenceFact = { kind: 'feedback', at: at('2025-03-20'), recordedAt: at('2025-03-20') };
    const acknowledged: EvidenceFact = {
      kind: 'feedback-acknowledgement',
      at: at('2025-03-22'),
      recordedAt: at('2025-03-22'),
    };
    expect(assess([feedback]).feedbackAcknowledged).toBe(false);
    expect(assess([feedback, acknowledged])).toMatchObject({
      feedbackAcknowledged: true,
      indicators: { toldBack: true },
    });
  });
});
