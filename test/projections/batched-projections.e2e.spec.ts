import { DataSource } from 'typeorm';
import { EVENT_STORE, rebuildProjection, type EventStore, type Projection } from '@app/event-store';
import { ProjectionRegistry, ProjectionRuntime } from '@app/platform';
import type { FixedClock } from '@app/shared-kernel';
import { ParticipationApi } from '../participation/support/builders';
import { evidence, feedback, invitation } from '../reporting/support/evidence';

/** Each batched read model's tables, in an order that does not depend on how the rows were written. */
const TABLES: Record<string, string[]> = {
  'stream-catalogue': ['SELECT * FROM stream_catalogue ORDER BY stream_id'],
  'notary-leaves': ['SELECT * FROM notary_leaves ORDER BY leaf_index'],
  'audit-index': [
    'SELECT * FROM audit_events ORDER BY position',
    'SELECT * FROM audit_stream_participants ORDER BY stream_id, participant_id',
    'SELECT * FROM audit_event_participants ORDER BY participant_id, position',
  ],
  'participation-involvement-summaries': ['SELECT * FROM participation_involvements ORDER BY involvement_id'],
  'reporting-participation-facts': [
    'SELECT * FROM reporting_projects ORDER BY project_id',
    'SELECT * FROM reporting_involvements ORDER BY involvement_id',
  ],
  'honorarium-priced-involvements': [
    'SELECT * FROM priced_projects ORDER BY project_id',
    'SELECT * FROM priced_involvements ORDER BY involvement_id',
    'SELECT * FROM priced_involvement_lines ORDER BY involvement_id, line_no',
  ],
  'participation-involvements-integration': [
    'SELECT * FROM integration_involvement_snapshots ORDER BY involvement_id',
    'SELECT message_id, topic, message_key, type, schema_version, occurred_at, payload FROM integration_outbox ORDER BY seq',
  ],
};

/** The projection without its multi-row path: the runtime applies its events one by one. */
function oneByOne(projection: Projection): Projection {
  return {
    name: projection.name,
    handles: projection.handles,
    apply: (event, tx) => projection.apply(event, tx),
    reset: (tx) => projection.reset(tx),
  };
}

/**
 * Lever 1 of docs/adr/0019 (docs/adr/0022): projections on the involvement
 * path write a batch in a few multi-row statements. Rebuilt in one batch,
 * each gives exactly the rows it gives event by event, and those the live
 * runners wrote.
 */
describe('batched projections', () => {
  let api: ParticipationApi;
  let dataSource: DataSource;
  let store: EventStore;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    dataSource = api.t.app.get(DataSource);
    store = api.t.app.get<EventStore>(EVENT_STORE);
    // Each command recorded a minute after the one before, so a stream's first and last times differ.
    const clock = api.t.clock as FixedClock;
    const original = api.t.http.post.bind(api.t.http);
    api.t.http.post = (url: string) => {
      clock.advance(60_000);
      return original(url);
    };
    const council = await api.project({ level: 'system' });
    const other = await api.project({ name: 'Digitale konsultasjoner' });
    const people = [await api.participant(), await api.participant(), await api.participant()];
    for (const person of people) await api.appoint(council, person);
    const logged: string[] = [];
    for (let day = 10; day < 16; day += 1)
      for (const person of people)
        logged.push(await api.involvement(council, person, { occurredOn: `2025-03-${day}` }));
    logged.push(
      await api.involvement(other, people[0], {
        form: 'dialogue',
        occurredOn: '2025-04-01',
        hours: { meeting: 2 },
        expenses: [],
      }),
    );
    await evidence(api, logged[0], invitation('2025-03-01T09:00:00Z', '2025-03-03T09:00:00Z'));
    await evidence(api, logged[0], feedback('2025-03-20T09:00:00Z'));
    const corrected = await api.post(
      `/v1/involvements/${logged[1]}/corrections`,
      'lead',
      { changes: { hours: { meeting: 3 } }, reason: 'Møtet varte lenger' },
      { 'If-Match': '"1"' },
    );
    expect(corrected.status).toBe(200);
    expect(
      (await api.post(`/v1/involvements/${logged[2]}/void`, 'lead', { reason: 'Feil dato' })).status,
    ).toBe(200);
    for (let day = 16; day < 20; day += 1)
      logged.push(await api.involvement(council, people[1], { occurredOn: `2025-03-${day}` }));
    await api.t.settled();
    // From here on the test's own rebuilds run the projections.
    await api.t.app.get(ProjectionRuntime).beforeApplicationShutdown();
  });
  afterAll(() => api.close());

  const rows = async (name: string) => Promise.all(TABLES[name].map((sql) => dataSource.query(sql)));
  const rebuild = async (projection: Projection) => {
    // The outbox outlives a rebuild (its messages are re-enqueued as no-ops); empty it to compare its order.
    if (projection.name === 'participation-involvements-integration')
      await dataSource.query('DELETE FROM integration_outbox');
    await rebuildProjection(store, dataSource, projection, { timeoutMs: 60_000 });
    return rows(projection.name);
  };

  it.each(Object.keys(TABLES))(
    '%s: one batch gives the rows of event by event and of the live runner',
    async (name) => {
      const projection = api.t.app
        .get(ProjectionRegistry)
        .all()
        .find((p) => p.name === name)!;
      expect(projection.applyBatch).toBeDefined();
      const live = await rows(name);
      const eventByEvent = await rebuild(oneByOne(projection));
      const batch = jest.spyOn(projection, 'applyBatch' as never);
      const batched = await rebuild(projection);
      expect(batch).toHaveBeenCalledTimes(1);
      expect(batched).toEqual(eventByEvent);
      expect(batched).toEqual(live);
      expect(batched.every((table) => table.length > 0)).toBe(true);
    },
  );
});
