import { DataSource } from 'typeorm';
import { EVENT_STORE, rebuildProjection, type EventStore } from '@app/event-store';
import { ProjectionRegistry } from '@app/platform';
import { expectFieldErrors, ParticipationApi, SUB } from './support/builders';

/**
 * GET /v1/projects: a lead's own projects (the web client's "Mine prosjekter"),
 * every project for an admin or an auditor, in the order they were
 * registered, paged; from a read model that a rebuild restores.
 */
describe('listing projects', () => {
  let api: ParticipationApi;
  let kari: string[];
  let ola: string;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    kari = [await api.project({ name: 'Første' }), await api.project({ name: 'Andre' })];
    ola = await api.project({ name: 'Olas' }, 'otherLead');
    // Ola is added as a lead of Kari's second project: it is his too.
    const added = await api.post(`/v1/projects/${kari[1]}/leads`, 'lead', {
      sub: SUB.otherLead,
      name: 'Ola',
    });
    expect(added.status).toBe(200);
    await api.t.settled();
  });
  afterAll(() => api.close());

  const names = (res: { body: { items: Array<{ name: string }> } }) => res.body.items.map((p) => p.name);

  it('gives a lead the projects they lead, and no other', async () => {
    const mine = await api.get('/v1/projects', 'lead');
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      items: [
        {
          id: kari[0],
          name: 'Første',
          organizationId: 'helse-nord',
          region: 'helse-midt-norge',
          level: 'service',
        },
        {
          id: kari[1],
          name: 'Andre',
          organizationId: 'helse-nord',
          region: 'helse-midt-norge',
          level: 'service',
        },
      ],
      next: null,
    });
    expect(names(await api.get('/v1/projects', 'otherLead'))).toEqual(['Andre', 'Olas']);
  });

  it('gives an admin and an auditor every project, paged in the order they were registered', async () => {
    expect(names(await api.get('/v1/projects', 'admin'))).toEqual(['Første', 'Andre', 'Olas']);
    const first = await api.get('/v1/projects?limit=2', 'auditor');
    expect(names(first)).toEqual(['Første', 'Andre']);
    const second = await api.get(`/v1/projects?limit=2&after=${first.body.next}`, 'auditor');
    expect(second.body).toMatchObject({ items: [{ id: ola, name: 'Olas' }], next: null });
  });

  it('names the parameter that is wrong', async () => {
    expectFieldErrors(await api.get('/v1/projects?limit=0', 'lead'), 'limit');
    expectFieldErrors(await api.get('/v1/projects?after=nonsense', 'lead'), 'after');
  });

  it('is restored whole by a rebuild of its projection', async () => {
    const before = (await api.get('/v1/projects', 'admin')).body;
    const app = api.t.app;
    const projection = app
      .get(ProjectionRegistry)
      .all()
      .find((p) => p.name === 'participation-project-list')!;
    await app.get(DataSource).query('DELETE FROM participation_project_leads');
    await rebuildProjection(app.get<EventStore>(EVENT_STORE), app.get(DataSource), projection, {
      timeoutMs: 60_000,
    });
    expect((await api.get('/v1/projects', 'admin')).body).toEqual(before);
    expect(names(await api.get('/v1/projects', 'otherLead'))).toEqual(['Andre', 'Olas']);
  });
});
