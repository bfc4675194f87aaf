import { expectFieldErrors, ParticipationApi } from './support/builders';

/** GET /v1/projects/{id}/involvements: `?limit` (default 100, 1–1000) and `?after` cursors (docs/api.md, Lists). */
describe('a project’s involvements as a list', () => {
  let api: ParticipationApi;
  let projectId: string;
  let participantId: string;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    projectId = await api.project();
    participantId = await api.participant();
  });
  afterAll(() => api.close());

  it.each([
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['after=not-a-cursor', 'after'],
  ])('refuses a list with ?%s with 400 naming it', async (query, field) => {
    expectFieldErrors(await api.get(`/v1/projects/${projectId}/involvements?${query}`, 'lead'), field);
  });

  it('pages a project’s involvements with ?limit and the next cursor', async () => {
    const project = await api.project();
    const ids = [];
    for (const day of ['2025-03-10', '2025-03-11', '2025-03-12'])
      ids.push(await api.involvement(project, participantId, { form: 'dialogue', occurredOn: day }));
    await api.t.settled();
    const first = (await api.get(`/v1/projects/${project}/involvements?limit=2`, 'auditor').expect(200)).body;
    expect(first.items).toHaveLength(2);
    expect(first.next).toEqual(expect.any(String));
    const rest = (
      await api
        .get(
          `/v1/projects/${project}/involvements?limit=2&after=${encodeURIComponent(first.next)}`,
          'auditor',
        )
        .expect(200)
    ).body;
    expect({ items: rest.items.length, next: rest.next }).toEqual({ items: 1, next: null });
    const all = (await api.get(`/v1/projects/${project}/involvements`, 'auditor').expect(200)).body;
    expect(all.next).toBeNull();
    expect(
      all.items.map((i: { id?: string; involvementId?: string }) => i.id ?? i.involvementId).sort(),
    ).toEqual([...ids].sort());
  });

  it('answers 100 items a page by default and up to 1000 when asked', async () => {
    const project = await api.project();
    // One a day, so no day holds more than 24 hours (docs/adr/0011).
    const day = (i: number) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
    for (let i = 0; i < 101; i += 1)
      await api.involvement(project, participantId, { form: 'dialogue', occurredOn: day(i) });
    await api.t.settled();
    const page = (await api.get(`/v1/projects/${project}/involvements`, 'lead').expect(200)).body;
    expect({ items: page.items.length, next: typeof page.next }).toEqual({ items: 100, next: 'string' });
    const all = (await api.get(`/v1/projects/${project}/involvements?limit=1000`, 'lead').expect(200)).body;
    expect({ items: all.items.length, next: all.next }).toEqual({ items: 101, next: null });
  });
});
