import { COMMANDS } from './support/commands';
import { expectFieldErrors, expectProblem, expectRule, ParticipationApi, SUB } from './support/builders';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * What the commands accept (docs/api.md, Conventions): malformed or invalid input
 * is a 400 naming each field, an oversized body 413, UTF-8 round-trips, an
 * Idempotency-Key makes a repeat append nothing, and a stale If-Match is 412.
 */
describe('participation input through HTTP', () => {
  let api: ParticipationApi;
  let projectId: string;
  let participantId: string;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    projectId = await api.project();
    participantId = await api.participant();
  });
  afterAll(() => api.close());

  describe.each(Object.entries(COMMANDS))('%s', (_name, command) => {
    const send = (body: string | object, headers: Record<string, string> = {}) =>
      api.post(command.path(projectId), 'lead', body, headers);
    /** Nothing a refused request sends may reach the log. */
    async function expectNothingAppended(refused: () => Promise<unknown>): Promise<void> {
      const before = await api.eventCount();
      await refused();
      expect(await api.eventCount()).toBe(before);
    }

    it('accepts the valid body', async () => {
      const res = await send(command.valid(participantId));
      expect({ status: res.status, body: res.body }).toMatchObject({
        status: 201,
        body: { id: expect.any(String) },
      });
    });

    it('refuses malformed JSON with 400', async () => {
      await expectNothingAppended(async () => expectProblem(await send('{"name": "Brukerråd",'), 400));
    });

    it('refuses a missing body field by field, naming each', async () => {
      const res = await send({});
      expectFieldErrors(res, ...command.required);
      for (const error of res.body.errors) expect(error.message).toEqual(expect.stringMatching(/\S/));
    });

    it('refuses an unknown field naming it', async () => {
      await expectNothingAppended(async () => {
        const res = await send({ ...command.valid(participantId), colour: 'blå' });
        expectFieldErrors(res, 'colour');
        expect(res.body.errors).toHaveLength(1);
      });
    });

    it('refuses wrong types without coercing them', async () => {
      for (const [change, field] of command.wrongTypes)
        expectFieldErrors(await send({ ...command.valid(participantId), ...change }), field);
    });

    it('refuses a body over 1 MiB with 413', async () => {
      const big = { ...command.valid(participantId), name: 'x'.repeat(1024 * 1024 + 1) };
      await expectNothingAppended(async () => expectProblem(await send(big), 413));
    });

    it('answers a repeated Idempotency-Key with the first response and appends nothing', async () => {
      const key = `repeat-${command.stream}`;
      const first = await send(command.valid(participantId), { 'Idempotency-Key': key }).expect(201);
      const stream = `${command.stream}-${first.body.id}`;
      const inStream = await api.eventCount(stream);
      expect(inStream).toBeGreaterThan(0);
      await expectNothingAppended(async () => {
        const again = await send(command.valid(participantId), { 'Idempotency-Key': key });
        expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: first.body });
        expect(again.headers['idempotent-replayed']).toBe('true');
      });
      expect(await api.eventCount(stream)).toBe(inStream);
    });

    it('refuses the same Idempotency-Key with another body with 422', async () => {
      const key = `reused-${command.stream}`;
      await send(command.valid(participantId), { 'Idempotency-Key': key }).expect(201);
      const other = {
        ...command.valid(participantId),
        ...(command.stream === 'involvement' ? { hours: { meeting: 2 } } : { name: 'Et annet navn' }),
      };
      await expectNothingAppended(async () =>
        expectRule(await send(other, { 'Idempotency-Key': key }), 'idempotency-key-reused'),
      );
    });
  });

  describe('personal data', () => {
    it.each([
      ['nationalId', { nationalId: '15076500566' }],
      ['nationalId', { nationalId: '1234' }],
      ['bankAccount', { bankAccount: '1234.56.78904' }],
      ['bankAccount', { bankAccount: 'DE89370400440532013000' }],
    ])('refuses an invalid %s (%j) naming it', async (field, change) => {
      expectFieldErrors(await api.post('/v1/participants', 'lead', { name: 'Kari', ...change }), field);
    });

    it('names both when both are invalid', async () => {
      const res = await api.post('/v1/participants', 'lead', {
        name: 'Kari',
        nationalId: '15076500566',
        bankAccount: '1234.56.78904',
      });
      expectFieldErrors(res, 'nationalId', 'bankAccount');
    });
  });

  describe('Norwegian and Sami letters', () => {
    const name = 'Brukerråd æøå ÆØÅ – Sámi: á č đ ŋ š ŧ ž Á Č Đ Ŋ Š Ŧ Ž';

    it('round-trip unchanged in a project name', async () => {
      const id = await api.project({ name });
      expect((await api.get(`/v1/projects/${id}`, 'lead').expect(200)).body.name).toBe(name);
    });

    it('round-trip unchanged in a participant name', async () => {
      const id = await api.participant({ name });
      expect((await api.get(`/v1/participants/${id}`, 'admin').expect(200)).body.name).toBe(name);
    });
  });

  describe('preconditions and ?asOf', () => {
    it('refuses a correction with a stale If-Match with 412 and accepts the current one', async () => {
      const id = await api.involvement(projectId, participantId, { form: 'dialogue' });
      const read = await api.get(`/v1/involvements/${id}`, 'lead').expect(200);
      expect(read.headers.etag).toBe('"1"');
      await api
        .post(
          `/v1/involvements/${id}/corrections`,
          'lead',
          { changes: { topic: 'Første' }, reason: 'Rettet' },
          { 'If-Match': '"1"' },
        )
        .expect(200);
      const stale = await api.post(
        `/v1/involvements/${id}/corrections`,
        'lead',
        { changes: { topic: 'Andre' }, reason: 'Rettet' },
        { 'If-Match': '"1"' },
      );
      expectProblem(stale, 412);
      await api
        .post(
          `/v1/involvements/${id}/corrections`,
          'lead',
          { changes: { topic: 'Andre' }, reason: 'Rettet' },
          { 'If-Match': '"2"' },
        )
        .expect(200);
    });

    it.each(['yesterday', '2025-13-45T00:00:00Z', '2025-03-10'])(
      'refuses ?asOf=%s with 400 naming asOf',
      async (asOf) => {
        // On a day of its own: the shared participant's 2025-03-10 is nearly full (at most 24 hours a day).
        const id = await api.involvement(projectId, participantId, {
          form: 'dialogue',
          occurredOn: '2025-02-14',
        });
        expectFieldErrors(
          await api.get(`/v1/projects/${projectId}?asOf=${encodeURIComponent(asOf)}`, 'lead'),
          'asOf',
        );
        expectFieldErrors(
          await api.get(`/v1/involvements/${id}?asOf=${encodeURIComponent(asOf)}`, 'lead'),
          'asOf',
        );
      },
    );
  });

  it('a project lead logs an involvement and reads it back within one second, with who recorded it and when', async () => {
    const started = Date.now();
    const logged = await api.post(
      `/v1/projects/${projectId}/involvements`,
      'lead',
      COMMANDS['POST /v1/projects/{id}/involvements'].valid(participantId),
    );
    const read = await api.get(`/v1/involvements/${logged.body.id}`, 'lead');
    const elapsed = Date.now() - started;
    expect({ logged: logged.status, read: read.status }).toEqual({ logged: 201, read: 200 });
    expect(elapsed).toBeLessThan(1000);
    expect(read.body).toMatchObject({
      id: logged.body.id,
      projectId,
      participantId,
      form: 'dialogue',
      hours: { meeting: 1.5 },
      version: 1,
    });
    expect(read.body.history).toEqual([
      expect.objectContaining({
        version: 1,
        type: 'InvolvementLogged',
        actor: SUB.lead,
        recordedAt: expect.stringMatching(ISO_INSTANT),
      }),
    ]);

    await api
      .post(`/v1/involvements/${logged.body.id}/corrections`, 'admin', {
        changes: { hours: { meeting: 2 } },
        reason: 'Møtet varte lenger',
      })
      .expect(200);
    const corrected = (await api.get(`/v1/involvements/${logged.body.id}`, 'lead').expect(200)).body;
    expect(corrected.history.map((h: { actor: string }) => h.actor)).toEqual([SUB.lead, SUB.admin]);
  });
});
