import {
  classifyProject,
  representativesOn,
  type AppointmentFact,
  type RealityReason,
} from './classify-project';
import { assessInvolvement, scoreInvolvement } from './involvement-indicators';
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

/** Recorded when it happened unless `recordedAt` says otherwise. */
const invitation = (at: string, documentsSharedAt: string | null = null, recordedAt = at): EvidenceFact => ({
  kind: 'invitation',
  at,
  recordedAt,
  documentsSharedAt,
});
const attendance: EvidenceFact = {
  kind: 'attendance',
  at: '2025-03-10T12:00:00Z',
  recordedAt: '2025-03-10T12:00:00Z',
};
const input: EvidenceFact = { kind: 'input', at: '2025-03-10T12:00:00Z', recordedAt: '2025-03-10T12:00:00Z' };
const feedback = (at = '2025-03-20T10:00:00Z', recordedAt = at): EvidenceFact => ({
  kind: 'feedback',
  at,
  recordedAt,
});
const influence: EvidenceFact = {
  kind: 'influence',
  at: '2025-04-01T10:00:00Z',
  recordedAt: '2025-04-01T10:00:00Z',
  outcome: 'adopted',
};
/** Invited in good time and attendance recorded: what every involvement needs to be documented. */
const documented = () => [invitation('2025-02-24T10:00:00Z'), attendance];
const complete = () => [...documented(), input, feedback(), influence];

/** `count` members appointed to the project for the whole year. */
const members = (count: number): AppointmentFact[] =>
  Array.from({ length: count }, (_, n) => ({
    participantId: `m${n}`,
    role: 'member',
    from: '2025-01-01',
    to: null,
    endedOn: null,
  }));

function classify(
  involvements: InvolvementFacts[],
  representatives = 2,
  thresholds: RealityThresholds = DEFAULTS,
) {
  return classifyProject({
    involvements,
    appointments: members(representatives),
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
    const result = classify(
      [involvement([...documented(), feedback(), influence]), involvement(complete())],
      2,
    );
    expect(result).toMatchObject({ classification: 'real', reasons: [], explanations: [] });
  });

  const reasonCases: Array<[RealityReason, InvolvementFacts[], number]> = [
    ['no-involvements', [], 2],
    ['not-documented', [involvement([input, feedback(), influence])], 2],
    [
      'late-invitations',
      [involvement([invitation('2025-03-09T08:00:00Z'), attendance, input, feedback(), influence])],
      2,
    ],
    [
      'not-attended',
      [involvement([...documented(), input, feedback(), influence], { attendance: 'absent' })],
      2,
    ],
    [
      'not-heard',
      [involvement([...documented(), feedback()]), involvement([...documented(), feedback()])],
      2,
    ],
    ['no-feedback', [involvement([...documented(), input, influence])], 2],
    ['no-influence', [involvement([...documented(), input, feedback()])], 2],
    ['too-few-representatives', [involvement(complete())], 1],
  ];
  it.each(reasonCases)('reason %s alone', (reason, involvements, representatives) => {
    const result = classify(involvements, representatives);
    expect(result.classification).toBe('symbolic-risk');
    expect(result.reasons).toEqual(reason === 'not-heard' ? ['not-heard', 'no-influence'] : [reason]);
  });

  it('names the involvements that failed an indicator', () => {
    const good = involvement(complete());
    const bad = [
      involvement([...documented(), input, influence]),
      involvement([...documented(), input, influence]),
    ];
    const result = classify([good, ...bad]);
    expect(result.explanations).toEqual([
      {
        reason: 'no-feedback',
        message: '2 of 3 involvements without feedback to the participant given and recorded within 30 days',
        involvementIds: bad.map((b) => b.involvementId),
      },
    ]);
  });

  it('at least half meeting an indicator is enough by default; a stricter share flags it', () => {
    const involvements = [involvement(complete()), involvement([...documented(), input, influence])];
    expect(classify(involvements).classification).toBe('real');
    expect(classify(involvements, 2, { ...DEFAULTS, minShare: 1 }).reasons).toEqual(['no-feedback']);
  });

  it('thresholds are settings: 3 days of notice and 3 representatives', () => {
    const involvements = [
      involvement([invitation('2025-03-06T08:00:00Z'), attendance, input, feedback(), influence]),
    ];
    expect(classify(involvements, 2).reasons).toEqual(['late-invitations']);
    const lenient = { ...DEFAULTS, invitationDays: 3, minRepresentatives: 3 };
    expect(classify(involvements, 2, lenient).reasons).toEqual(['too-few-representatives']);
    expect(classify(involvements, 3, lenient).classification).toBe('real');
  });

  it('feedback still in its window is not held against the project', () => {
    const recent = involvement([...documented(), input, influence], { occurredOn: '2025-05-25' });
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

describe('missing evidence is not-documented (E7)', () => {
  it('an involvement with nothing recorded is not documented for invitation and attendance', () => {
    expect(assessInvolvement(involvement([]), DEFAULTS, TODAY)).toMatchObject({
      indicators: { invitedInGoodTime: null, attended: null },
      notDocumented: ['invitedInGoodTime', 'attended'],
    });
  });

  it('a project with no invitation or attendance records cannot be real', () => {
    const bare = [involvement([input, feedback(), influence]), involvement([input, feedback(), influence])];
    const result = classify(bare);
    expect(result.classification).toBe('symbolic-risk');
    expect(result.reasons).toEqual(['not-documented']);
    expect(result.explanations[0]).toEqual({
      reason: 'not-documented',
      message: '2 of 2 involvements lack records: 2 without an invitation, 2 without attendance',
      involvementIds: bare.map((i) => i.involvementId),
    });
  });

  it('one undocumented involvement among documented ones is enough', () => {
    const result = classify([
      involvement(complete()),
      involvement(complete()),
      involvement([...complete()].slice(1)),
    ]);
    expect(result.reasons).toEqual(['not-documented']);
  });

  it('absence logged on the involvement documents attendance', () => {
    const absent = involvement([invitation('2025-02-24T10:00:00Z'), input], { attendance: 'absent' });
    expect(assessInvolvement(absent, DEFAULTS, TODAY).notDocumented).toEqual([]);
  });

  it('an invitation recorded after the meeting counts with the time it was sent', () => {
    const loggedAfterwards = invitation('2025-02-24T10:00:00Z', null, '2025-03-12T10:00:00Z');
    expect(scoreInvolvement(involvement([loggedAfterwards, attendance]), DEFAULTS, TODAY)).toMatchObject({
      invitedInGoodTime: true,
      attended: true,
    });
  });
});

describe('feedback is judged by when it was recorded as well as the time claimed (E7)', () => {
  it('back-dated feedback recorded after the window is feedback-late', () => {
    const backDated = feedback('2025-03-20T10:00:00Z', '2025-05-30T10:00:00Z');
    expect(assessInvolvement(involvement([backDated]), DEFAULTS, TODAY)).toMatchObject({
      indicators: { toldBack: false },
      findings: ['feedback-late'],
    });
  });

  it('feedback recorded on the last day of the window counts', () => {
    const lastDay = feedback('2025-03-20T10:00:00Z', '2025-04-09T10:00:00Z');
    expect(assessInvolvement(involvement([lastDay]), DEFAULTS, TODAY)).toMatchObject({
      indicators: { toldBack: true },
      findings: [],
    });
  });

  it('feedback dated before the meeting is feedback-before-meeting', () => {
    const early = feedback('2025-03-09T10:00:00Z');
    expect(assessInvolvement(involvement([early]), DEFAULTS, TODAY)).toMatchObject({
      indicators: { toldBack: false },
      findings: ['feedback-before-meeting'],
    });
  });

  it('one timely feedback is enough beside one that did not count', () => {
    const result = assessInvolvement(
      involvement([feedback('2025-03-09T10:00:00Z'), feedback()]),
      DEFAULTS,
      TODAY,
    );
    expect(result).toMatchObject({ indicators: { toldBack: true }, findings: ['feedback-before-meeting'] });
  });

  it('the project reason names why the feedback did not count', () => {
    const backDated = involvement([
      ...documented(),
      input,
      influence,
      feedback('2025-03-20T10:00:00Z', '2025-05-30T10:00:00Z'),
    ]);
    const result = classify([backDated]);
    expect(result.reasons).toEqual(['no-feedback']);
    expect(result.explanations[0].message).toBe(
      '1 of 1 involvements without feedback to the participant given and recorded within 30 days (1 given or recorded after the window (feedback-late))',
    );
    expect(result.involvements[0].findings).toEqual(['feedback-late']);
  });
});

describe('too-few-representatives applies to meetings with appointed members (E6)', () => {
  const appointment = (over: Partial<AppointmentFact>): AppointmentFact => ({
    participantId: 'x',
    role: 'member',
    from: '2025-01-01',
    to: null,
    endedOn: null,
    ...over,
  });

  it.each(['user-gathering', 'user-interview', 'user-conversation', 'dialogue'])(
    'a %s has no appointed members: no reason, even with nobody appointed',
    (form) => {
      const result = classifyProject({
        involvements: [involvement(complete(), { form })],
        appointments: [],
        thresholds: DEFAULTS,
        today: TODAY,
      });
      expect(result).toMatchObject({ classification: 'real', appointedRepresentatives: null });
    },
  );

  it.each(['user-council', 'user-panel', 'user-group'])('a %s with one member is flagged', (form) => {
    const result = classify([involvement(complete(), { form })], 1);
    expect(result).toMatchObject({ reasons: ['too-few-representatives'], appointedRepresentatives: 1 });
  });

  it('counts members and leaders appointed on the day, not deputies, ended or later appointments', () => {
    const appointments = [
      appointment({ participantId: 'member', role: 'member' }),
      appointment({ participantId: 'deputy', role: 'deputy' }),
      appointment({ participantId: 'consultant', role: 'experience-consultant' }),
      appointment({ participantId: 'ended', endedOn: '2025-03-09' }),
      appointment({ participantId: 'term-over', to: '2025-02-28' }),
      appointment({ participantId: 'later', from: '2025-03-11' }),
    ];
    expect(representativesOn(appointments, MEETING)).toBe(1);
    expect(
      representativesOn([...appointments, appointment({ participantId: 'leader', role: 'leader' })], MEETING),
    ).toBe(2);
    expect(
      representativesOn(
        [appointment({ participantId: 'a' }), appointment({ participantId: 'a', role: 'leader' })],
        MEETING,
      ),
    ).toBe(1);
    const result = classifyProject({
      involvements: [involvement(complete())],
      appointments,
      thresholds: DEFAULTS,
      today: TODAY,
    });
    expect(result.reasons).toEqual(['too-few-representatives']);
    expect(result.explanations[0].message).toBe(
      '1 of 1 meetings with fewer than 2 appointed members and leaders: 2025-03-10 (1)',
    );
  });

  it('seats user and next-of-kin representatives like members (E10, docs/adr/0027)', () => {
    const appointments = [
      appointment({ participantId: 'user', role: 'user-representative' }),
      appointment({ participantId: 'kin', role: 'next-of-kin-representative' }),
    ];
    expect(representativesOn(appointments, MEETING)).toBe(2);
    const result = classifyProject({
      involvements: [involvement(complete())],
      appointments,
      thresholds: DEFAULTS,
      today: TODAY,
    });
    expect(result.reasons).not.toContain('too-few-representatives');
  });

  it('judges each meeting on its own day', () => {
    const appointments = [
      appointment({ participantId: 'a' }),
      appointment({ participantId: 'b', endedOn: '2025-04-01' }),
    ];
    const march = involvement(complete());
    const may = involvement(complete(), { occurredOn: '2025-05-05' });
    const result = classifyProject({
      involvements: [march, may],
      appointments,
      thresholds: DEFAULTS,
      today: TODAY,
    });
    expect(result).toMatchObject({ reasons: ['too-few-representatives'], appointedRepresentatives: 1 });
    expect(result.explanations[0].involvementIds).toEqual([may.involvementId]);
  });
});
