import { classifyProject, countAppointedRepresentatives, type RealityReason } from './classify-project';
import { scoreInvolvement } from './involvement-indicators';
import type { EvidenceFact, InvolvementFacts } from './participation-facts';
import { DEFAULT_REALITY_THRESHOLDS as DEFAULTS, type RealityThresholds } from './reality-thresholds';

const TODAY = '2025-06-02';
const MEETING = '2025-03-10';
let serial = 0;

function involvement(evidence: EvidenceFact[], overrides: Partial<InvolvementFacts> = {}): InvolvementFacts {
  return {
    involvementId: `inv-${(serial += 1)}`,
    projectId: 'p1',
    participantId: 'a',
    form: 'user-council',
    occurredOn: MEETING,
    attendance: 'in-person',
    hours: { meeting: 2, preparation: 1, travel: 0 },
    status: 'logged',
    countsAsParticipation: true,
    evidence,
    ...overrides,
  };
}

const invitation = (at: string, documentsSharedAt: string | null = null): EvidenceFact => ({
  kind: 'invitation',
  at,
  documentsSharedAt,
});
const attendance: EvidenceFact = { kind: 'attendance', at: '2025-03-10T12:00:00Z' };
const input: EvidenceFact = { kind: 'input', at: '2025-03-10T12:00:00Z' };
const feedback = (at = '2025-03-20T10:00:00Z'): EvidenceFact => ({ kind: 'feedback', at });
const influence: EvidenceFact = { kind: 'influence', at: '2025-04-01T10:00:00Z', outcome: 'adopted' };
const complete = () => [invitation('2025-02-24T10:00:00Z'), attendance, input, feedback(), influence];

function classify(
  involvements: InvolvementFacts[],
  representatives = 2,
  thresholds: RealityThresholds = DEFAULTS,
) {
  return classifyProject({
    involvements,
    appointedRepresentatives: representatives,
    thresholds,
    today: TODAY,
  });
}

describe('indicators of one involvement', () => {
  const cases: Array<[string, EvidenceFact[], Partial<InvolvementFacts>, object]> = [
    [
      'nothing recorded',
      [],
      {},
      { invitedInGoodTime: null, attended: null, heard: false, toldBack: false, influence: false },
    ],
    ['invited exactly 7 days before', [invitation('2025-03-03T08:00:00Z')], {}, { invitedInGoodTime: true }],
    ['invited 6 days before', [invitation('2025-03-04T08:00:00Z')], {}, { invitedInGoodTime: false }],
    [
      'invited early but documents 2 days before',
      [invitation('2025-02-01T08:00:00Z', '2025-03-08T08:00:00Z')],
      {},
      { invitedInGoodTime: false },
    ],
    // 23:30 UTC on 3 March is already 4 March in Oslo: 6 days before, not 7.
    ['invited late in the Oslo day', [invitation('2025-03-03T23:30:00Z')], {}, { invitedInGoodTime: false }],
    ['attendance confirmed', [attendance], {}, { attended: true }],
    ['logged absent', [attendance], { attendance: 'absent' }, { attended: false }],
    ['input recorded', [input], {}, { heard: true }],
    ['influence without separate input', [influence], {}, { heard: true, influence: true }],
    ['feedback after 30 days', [feedback('2025-04-09T10:00:00Z')], {}, { toldBack: true }],
    ['feedback after 31 days', [feedback('2025-04-10T10:00:00Z')], {}, { toldBack: false }],
    ['no feedback yet, window still open', [], { occurredOn: '2025-05-20' }, { toldBack: null }],
  ];
  it.each(cases)('%s', (_name, evidence, overrides, expected) => {
    expect(scoreInvolvement(involvement(evidence, overrides), DEFAULTS, TODAY)).toMatchObject(expected);
  });
});

describe('classification of a project', () => {
  it('late invitations and no feedback: symbolic-risk with exactly those reasons', () => {
    const late = () => [invitation('2025-03-07T08:00:00Z'), attendance, input, influence];
    const result = classify([involvement(late()), involvement(late())]);
    expect(result.classification).toBe('symbolic-risk');
    expect(result.reasons).toEqual(['late-invitations', 'no-feedback']);
    expect(result.explanations[0].message).toBe(
      '2 of 2 involvements not invited with documents at least 7 days before',
    );
  });

  it('feedback, documented influence and two appointed representatives: real', () => {
    const result = classify([involvement([feedback(), influence]), involvement(complete())], 2);
    expect(result).toMatchObject({ classification: 'real', reasons: [], explanations: [] });
  });

  const reasonCases: Array<[RealityReason, InvolvementFacts[], number]> = [
    ['no-involvements', [], 2],
    [
      'late-invitations',
      [involvement([invitation('2025-03-09T08:00:00Z'), input, feedback(), influence])],
      2,
    ],
    ['not-attended', [involvement([input, feedback(), influence], { attendance: 'absent' })], 2],
    ['not-heard', [involvement([feedback()]), involvement([feedback()])], 2],
    ['no-feedback', [involvement([input, influence])], 2],
    ['no-influence', [involvement([input, feedback()])], 2],
    ['too-few-representatives', [involvement(complete())], 1],
  ];
  it.each(reasonCases)('reason %s alone', (reason, involvements, representatives) => {
    const result = classify(involvements, representatives);
    expect(result.classification).toBe('symbolic-risk');
    expect(result.reasons).toEqual(reason === 'not-heard' ? ['not-heard', 'no-influence'] : [reason]);
  });

  it('names the involvements that failed an indicator', () => {
    const good = involvement(complete());
    const bad = [involvement([input, influence]), involvement([input, influence])];
    const result = classify([good, ...bad]);
    expect(result.explanations).toEqual([
      {
        reason: 'no-feedback',
        message: '2 of 3 involvements without feedback to the participant within 30 days',
        involvementIds: bad.map((b) => b.involvementId),
      },
    ]);
  });

  it('at least half meeting an indicator is enough by default; a stricter share flags it', () => {
    const involvements = [involvement(complete()), involvement([input, influence])];
    expect(classify(involvements).classification).toBe('real');
    expect(classify(involvements, 2, { ...DEFAULTS, minShare: 1 }).reasons).toEqual(['no-feedback']);
  });

  it('thresholds are settings: 3 days of notice and 3 representatives', () => {
    const involvements = [involvement([invitation('2025-03-06T08:00:00Z'), input, feedback(), influence])];
    expect(classify(involvements, 2).reasons).toEqual(['late-invitations']);
    const lenient = { ...DEFAULTS, invitationDays: 3, minRepresentatives: 3 };
    expect(classify(involvements, 2, lenient).reasons).toEqual(['too-few-representatives']);
    expect(classify(involvements, 3, lenient).classification).toBe('real');
  });

  it('feedback still in its window is not held against the project', () => {
    const recent = involvement([input, influence], { occurredOn: '2025-05-25' });
    expect(classify([recent]).classification).toBe('real');
  });

  it('voided involvements and peer support are not judged', () => {
    const result = classify([
      involvement(complete()),
      involvement([], { status: 'voided' }),
      involvement([], { form: 'peer-support', countsAsParticipation: false }),
    ]);
    expect(result.classification).toBe('real');
    expect(result.involvements).toHaveLength(1);
    expect(result.excluded).toEqual({ voided: 1, notParticipation: 1 });
  });

  it('only peer support is no participation at all', () => {
    const result = classify([
      involvement(complete(), { form: 'peer-support', countsAsParticipation: false }),
    ]);
    expect(result.reasons).toEqual(['no-involvements']);
  });
});

describe('appointed user representatives', () => {
  it('counts distinct people, not experience consultants', () => {
    expect(
      countAppointedRepresentatives([
        { participantId: 'a', role: 'member' },
        { participantId: 'a', role: 'leader' },
        { participantId: 'b', role: 'deputy' },
        { participantId: 'c', role: 'experience-consultant' },
      ]),
    ).toBe(2);
  });
});
