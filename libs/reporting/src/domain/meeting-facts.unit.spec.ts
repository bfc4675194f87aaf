import { classifyProject } from './classify-project';
import { assessInvolvedEarly, withMeetingEvidence, type MeetingFacts } from './meeting-facts';
import type { InvolvementFacts } from './participation-facts';
import { DEFAULT_REALITY_THRESHOLDS } from './reality-thresholds';

const involvement = (id: string, overrides: Partial<InvolvementFacts> = {}): InvolvementFacts => ({
  involvementId: id,
  projectId: 'p1',
  participantId: id,
  form: 'user-gathering',
  occurredOn: '2025-03-10',
  attendance: 'in-person',
  hours: { meeting: 2, preparation: 0, travel: 0 },
  status: 'logged',
  countsAsParticipation: true,
  evidence: [{ kind: 'attendance', at: '2025-03-10T12:00:00Z', recordedAt: '2025-03-10T12:00:00Z' }],
  ...overrides,
});
const meeting = (overrides: Partial<MeetingFacts> = {}): MeetingFacts => ({
  meetingId: 'm1',
  projectId: 'p1',
  form: 'user-gathering',
  heldOn: '2025-03-10',
  cancelled: false,
  evidence: {
    invitation: { at: '2025-02-20T08:00:00Z', recordedAt: '2025-02-20T08:00:00Z' },
    documents: { at: '2025-03-05T08:00:00Z', recordedAt: '2025-03-05T08:00:00Z' },
  },
  involvementIds: ['a', 'b'],
  ...overrides,
});

describe('meetings in the reality indicators', () => {
  it('gives each involvement of a meeting its invitation (with the documents) and nothing to others', () => {
    const [a, , c] = withMeetingEvidence([involvement('a'), involvement('b'), involvement('c')], [meeting()]);
    expect(a.evidence).toContainEqual({
      kind: 'invitation',
      at: '2025-02-20T08:00:00Z',
      recordedAt: '2025-02-20T08:00:00Z',
      documentsSharedAt: '2025-03-05T08:00:00Z',
    });
    expect(c.evidence.map((e) => e.kind)).toEqual(['attendance']);
  });

  it('judges the invitation by the later of invitation and documents for everyone in the meeting', () => {
    const reality = classifyProject({
      involvements: [involvement('a'), involvement('b')],
      appointments: [],
      thresholds: DEFAULT_REALITY_THRESHOLDS,
      today: '2025-06-02',
      meetings: [meeting()],
    });
    expect(reality.involvements.map((i) => i.indicators.invitedInGoodTime)).toEqual([false, false]);
    expect(reality.reasons).toContain('late-invitations');
  });

  it.each([
    ['no milestone after the mandate', [{ kind: 'mandate-set', at: '2025-01-01T10:00:00Z' }], null],
    ['users met before options were chosen', [{ kind: 'options-chosen', at: '2025-03-11T10:00:00Z' }], true],
    ['the decision came the same day', [{ kind: 'decision-taken', at: '2025-03-10T10:00:00Z' }], false],
    [
      'a milestone before the mandate does not count',
      [
        { kind: 'options-chosen', at: '2024-12-01T10:00:00Z' },
        { kind: 'mandate-set', at: '2025-01-01T10:00:00Z' },
        { kind: 'decision-taken', at: '2025-04-01T10:00:00Z' },
      ],
      true,
    ],
  ])('involved early: %s', (_name, milestones, early) => {
    expect(assessInvolvedEarly([involvement('a')], [], milestones).early).toBe(early);
  });

  it('does not count absences or a cancelled meeting as the first meeting with users', () => {
    const result = assessInvolvedEarly(
      [
        involvement('a', { occurredOn: '2025-02-01', attendance: 'absent' }),
        involvement('b', { occurredOn: '2025-02-02' }),
        involvement('c', { occurredOn: '2025-04-02' }),
      ],
      [meeting({ cancelled: true, involvementIds: ['b'] })],
      [{ kind: 'options-chosen', at: '2025-03-01T10:00:00Z' }],
    );
    expect(result).toEqual({
      early: false,
      firstMeetingWithUsers: '2025-04-02',
      firstMilestoneAfterMandate: { kind: 'options-chosen', on: '2025-03-01' },
    });
  });
});
