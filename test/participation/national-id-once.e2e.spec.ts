import { createHmac, hkdfSync } from 'node:crypto';
import { FixedClock } from '@app/shared-kernel';
import { NationalIdBackfill } from '../../libs/participation/src/application/national-id-backfill';
import { expectProblem, freshNationalId, ParticipationApi } from './support/builders';

/**
 * One person, one participant (docs/adr/0011): a national id registers once;
 * the second registration answers 409, naming the participant only to a caller
 * who may read them. The blind index lives outside the event log and goes
 * when the person is forgotten.
 */
const MASTER_KEY = Buffer.alloc(32, 7); // the key ParticipationApi starts the app with
const PURPOSE = 'brukermedvirkning:participant-national-id-blind-index:v1';

function blindIndex(nationalId: string): string {
  const key = Buffer.from(hkdfSync('sha256', MASTER_KEY, Buffer.alloc(0), PURPOSE, 32));
  return createHmac('sha256', key).update(nationalId, 'utf8').digest('hex');
}

describe('a national id registers once', () => {
  let api: ParticipationApi;

  beforeAll(async () => {
    api = await ParticipationApi.start();
  });
  afterAll(() => api.close());

  const register = (nationalId: string, who: 'admin' | 'lead' | 'otherLead' = 'lead') =>
    api.post('/v1/participants', who, { name: 'Ánte Ášše', nationalId, bankAccount: '1234.56.78903' });

  const registrations = async () =>
    (await api.t.db.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'ParticipantRegistered'`))
      .rows[0].n as number;

  it('answers a second registration with 409 naming the participant to the lead who registered them', async () => {
    const id = freshNationalId();
    const first = await register(id);
    expect(first.status).toBe(201);
    const before = await registrations();
    const again = await register(id);
    expectProblem(again, 409);
    expect(again.body.existingParticipantId).toBe(first.body.id);
    expect(again.body.detail).toContain(first.body.id);
    // Written with spaces, it is the same person.
    const spaced = `${id.slice(0, 6)} ${id.slice(6)}`;
    expect((await register(spaced)).body.existingParticipantId).toBe(first.body.id);
    expect(await registrations()).toBe(before);
  });

  it('names the participant to an admin, and hides it from a lead who may not read them', async () => {
    const id = freshNationalId();
    const first = (await register(id)).body.id as string;
    const byAdmin = await register(id, 'admin');
    expectProblem(byAdmin, 409);
    expect(byAdmin.body.existingParticipantId).toBe(first);
    const byOther = await register(id, 'otherLead');
    expectProblem(byOther, 409);
    expect(byOther.body.existingParticipantId).toBeUndefined();
    expect(JSON.stringify(byOther.body)).not.toContain(first);
  });

  it('lets exactly one of ten concurrent registrations of one national id through', async () => {
    const id = freshNationalId();
    const before = await registrations();
    const answers = await Promise.all(Array.from({ length: 10 }, () => register(id)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const winner = answers.find((r) => r.status === 201)!.body.id;
    for (const r of answers.filter((a) => a.status === 409))
      expect(r.body.existingParticipantId).toBe(winner);
    expect(await registrations()).toBe(before + 1);
  });

  it('keeps the keyed blind index out of the event log, and frees it when the person is forgotten', async () => {
    const id = freshNationalId();
    const first = (await register(id)).body.id as string;
    const rows = await api.t.db.pool.query(
      'SELECT participant_id FROM participant_national_ids WHERE blind_index = $1',
      [blindIndex(id)],
    );
    expect(rows.rows).toEqual([{ participant_id: first }]);
    const log = await api.t.db.pool.query(`SELECT string_agg(e::text, ' ') AS log FROM events e`);
    expect(log.rows[0].log).not.toContain(blindIndex(id));

    expect((await api.post(`/v1/participants/${first}/forget`, 'admin')).status).toBe(200);
    const index = await api.t.db.pool.query('SELECT 1 FROM participant_national_ids WHERE blind_index = $1', [
      blindIndex(id),
    ]);
    expect(index.rowCount).toBe(0);
    const again = await register(id);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first);
  });

  it('takes over a claim left by a registration that never reached the log (a crash between claim and append)', async () => {
    const id = freshNationalId();
    await api.t.db.pool.query(
      'INSERT INTO participant_national_ids (blind_index, participant_id) VALUES ($1, $2)',
      [blindIndex(id), 'participant-that-was-never-written'],
    );
    const res = await register(id);
    expect(res.status).toBe(201);
    expectProblem(await register(id), 409);
  });

  it('indexes, once, the participants registered before the index existed', async () => {
    const id = freshNationalId();
    const earlier = (await register(id)).body.id as string;
    // As the data stood before the index: the participant is in the log, the index has no row for them.
    await api.t.db.pool.query('DELETE FROM participant_national_ids WHERE participant_id = $1', [earlier]);
    await api.t.db.pool.query('DELETE FROM participant_national_ids_backfill');
    // Registered a minute later: the backfill keeps the first registration by time, not by random id.
    (api.t.clock as FixedClock).advance(60_000);
    const slipped = await register(id);
    expect(slipped.status).toBe(201);
    await api.t.db.pool.query('DELETE FROM participant_national_ids WHERE participant_id = $1', [
      slipped.body.id,
    ]);
    await api.t.settled();
    const backfill = api.t.app.get(NationalIdBackfill);
    const result = await backfill.run();
    expect(result).toMatchObject({ duplicates: [{ participantId: slipped.body.id }] });
    expect((await register(id)).body.existingParticipantId).toBe(earlier);
    expect(await backfill.run()).toBe('already-done');
  });

  it('registers people without a national id as often as asked', async () => {
    for (let i = 0; i < 2; i += 1)
      expect((await api.post('/v1/participants', 'lead', { name: 'Uten Nummer' })).status).toBe(201);
  });
});
