import { expectRule, ParticipationApi } from '../participation/support/builders';

type Line = { kind: string; amountOre: number; explanation: string };

/**
 * E3: a user gathering (brukersamling) decides once, for everyone in it,
 * whether expenses are covered and whether honorarium is paid. The decisions
 * live on the meeting; two people at one gathering cannot be treated differently.
 */
describe('a gathering’s payment decisions live on the meeting', () => {
  let api: ParticipationApi;

  beforeAll(async () => {
    api = await ParticipationApi.start();
  });
  afterAll(() => api.close());

  const gathering = async (projectId: string, decisions: object) => {
    const res = await api.post(`/v1/projects/${projectId}/meetings`, 'lead', {
      form: 'user-gathering',
      heldOn: '2025-04-23',
      gatheringDecisions: decisions,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const attend = (projectId: string, participantId: string, meetingId: string, overrides: object = {}) =>
    api.post(`/v1/projects/${projectId}/involvements`, 'lead', {
      participantId,
      form: 'user-gathering',
      occurredOn: '2025-04-23',
      attendance: 'in-person',
      hours: { meeting: 3, preparation: 1 },
      expenses: [{ kind: 'ticket', amountOre: 45000, receiptRef: 'billett' }],
      meetingId,
      ...overrides,
    });
  const honorarium = async (id: string) =>
    (await api.get(`/v1/involvements/${id}`, 'finance')).body.honorarium as {
      totalOre: number;
      lines: Line[];
    };

  it('pays two people at one gathering alike: expenses covered, no honorarium, and nobody can set it per person', async () => {
    const projectId = await api.project();
    const meetingId = await gathering(projectId, { expensesCovered: true, honorariumPaid: false });
    const [kari, ola] = [await api.participant(), await api.participant()];

    const paidByHand = await attend(projectId, ola, meetingId, { honorariumDecision: 'paid' });
    expectRule(paidByHand, 'gathering-decisions-on-meeting');

    const first = await attend(projectId, kari, meetingId);
    const second = await attend(projectId, ola, meetingId);
    expect([first.status, second.status]).toEqual([201, 201]);
    const [a, b] = [await honorarium(first.body.id), await honorarium(second.body.id)];
    expect(a).toEqual(b);
    expect(a.totalOre).toBe(45000);
    const byKind = Object.fromEntries(a.lines.map((l) => [l.kind, l]));
    expect(byKind.meeting).toMatchObject({
      amountOre: 0,
      explanation: expect.stringMatching(/No honorarium is paid/),
    });
    expect(byKind.preparation).toMatchObject({ amountOre: 0 });
    expect(byKind.ticket).toMatchObject({ amountOre: 45000 });

    const corrected = await api.post(`/v1/involvements/${second.body.id}/corrections`, 'lead', {
      changes: { honorariumDecision: 'paid' },
      reason: 'Skal ha honorar',
    });
    expectRule(corrected, 'gathering-decisions-on-meeting');
  });

  it('pays honorarium and not expenses when the gathering decided so, and nothing when it decided neither', async () => {
    const projectId = await api.project();
    const participantId = await api.participant();
    const paidOnly = await gathering(projectId, { expensesCovered: false, honorariumPaid: true });
    const involvement = await attend(projectId, participantId, paidOnly);
    const lines = Object.fromEntries((await honorarium(involvement.body.id)).lines.map((l) => [l.kind, l]));
    expect(lines.meeting.amountOre).toBeGreaterThan(0);
    expect(lines.ticket).toMatchObject({
      amountOre: 0,
      explanation: expect.stringMatching(/Expenses are not covered/),
    });

    const other = await api.project();
    const nothing = await gathering(other, { expensesCovered: false, honorariumPaid: false });
    const unpaid = await attend(other, await api.participant(), nothing);
    const calc = await honorarium(unpaid.body.id);
    expect(calc.totalOre).toBe(0);
    expect(calc.lines).toEqual([
      expect.objectContaining({
        kind: 'not-payable',
        explanation: expect.stringMatching(/Neither honorarium nor expenses/),
      }),
    ]);
  });
});
