import {
  expectFieldErrors,
  expectProblem,
  expectRule,
  involvementBody,
  ParticipationApi,
} from './support/builders';

/**
 * POST /v1/projects/{id}/involvements/preview: the honorarium a lead sees
 * before saving (the web client's log form). The same checks as logging,
 * the same price as the saved involvement, and nothing stored.
 */
describe('previewing the honorarium of an involvement', () => {
  let api: ParticipationApi;
  let projectId: string;
  let participantId: string;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    projectId = await api.project();
    participantId = await api.participant();
    await api.appoint(projectId, participantId);
  });
  afterAll(() => api.close());

  const preview = (body: object, who: 'lead' | 'otherLead' = 'lead') =>
    api.post(`/v1/projects/${projectId}/involvements/preview`, who, { participantId, ...body });

  it('gives the honorarium the saved involvement then has, and stores nothing', async () => {
    const before = await api.eventCount();
    const res = await preview(involvementBody());
    expect(res.status).toBe(200);
    // The worked example of docs/api.md: 3.0 h + 1.5 h × 429 kr and 84 km × 5.00 kr.
    expect(res.body.honorarium).toMatchObject({
      totalOre: 235050,
      guideline: { region: 'helse-midt-norge' },
    });
    expect(await api.eventCount()).toBe(before);

    const id = await api.involvement(projectId, participantId);
    const saved = await api.get(`/v1/involvements/${id}`, 'lead');
    expect(saved.body.honorarium.totalOre).toBe(res.body.honorarium.totalOre);
    expect(saved.body.honorarium.lines).toEqual(res.body.honorarium.lines);
  });

  it('refuses what logging refuses, naming the field or the rule', async () => {
    expectFieldErrors(await preview({ ...involvementBody(), occurredOn: '10.03.2025' }), 'occurredOn');
    expectRule(
      await preview({ ...involvementBody(), honorariumDecision: 'unpaid' }),
      'council-and-panel-always-paid',
    );
  });

  it('is for the leads of the project only', async () => {
    expectProblem(await preview(involvementBody(), 'otherLead'), 403);
  });
});
