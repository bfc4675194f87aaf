import { expectRule, involvementBody, ParticipationApi, TODAY, TOMORROW } from './support/builders';

/**
 * Each rule of the involvement's domain (docs/api.md "Logging an involvement",
 * docs/domain.md) refuses through HTTP with 422 and `rule` set to its code; the
 * neighbouring case that the rule lets through answers 201/200.
 */
describe('involvement rules through HTTP', () => {
  let api: ParticipationApi;
  let projectId: string;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    projectId = await api.project();
  });
  afterAll(() => api.close());

  const log = (participantId: string, changes: object, project = projectId) =>
    api.post(`/v1/projects/${project}/involvements`, 'lead', {
      participantId,
      ...involvementBody(),
      ...changes,
    });
  const read = async (id: string) => (await api.get(`/v1/involvements/${id}`, 'lead').expect(200)).body;
  const change = (id: string, action: 'corrections' | 'void' | 'evidence', body: object) =>
    api.post(`/v1/involvements/${id}/${action}`, 'lead', body);
  /** A dialogue (no appointment needed) of a new participant. */
  const dialogue = async () => ({
    id: await api.involvement(projectId, await api.participant(), { form: 'dialogue' }),
  });

  describe('appointment-required', () => {
    it.each(['user-council', 'user-panel', 'user-group'])(
      'refuses a %s without an appointment',
      async (form) => {
        expectRule(await log(await api.participant(), { form }), 'appointment-required');
      },
    );

    it.each(['user-council', 'user-panel', 'user-group'])(
      'logs a %s under an appointment active on the day',
      async (form) => {
        const participantId = await api.participant();
        await api.appoint(projectId, participantId);
        expect((await log(participantId, { form })).status).toBe(201);
      },
    );

    it.each(['user-gathering', 'user-interview', 'user-conversation', 'dialogue', 'peer-support'])(
      'needs no appointment for a %s',
      async (form) => {
        const res = await log(await api.participant(), {
          form,
          honorariumDecision: form === 'user-gathering' ? 'paid' : undefined,
        });
        expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
      },
    );

    it('refuses a day after the appointment was ended, and accepts one before', async () => {
      const participantId = await api.participant();
      const appointmentId = await api.appoint(projectId, participantId);
      await api.post(`/v1/appointments/${appointmentId}/end`, 'lead', { endedOn: '2025-02-28' }).expect(200);
      await api.t.settled();
      expectRule(await log(participantId, { occurredOn: '2025-03-10' }), 'appointment-required');
      expect((await log(participantId, { occurredOn: '2025-02-28' })).status).toBe(201);
    });

    it('refuses a day after the appointment’s term or before its start', async () => {
      const participantId = await api.participant();
      await api.appoint(projectId, participantId, { from: '2025-01-01', to: '2025-02-28' });
      expectRule(await log(participantId, { occurredOn: '2025-03-10' }), 'appointment-required');
      expectRule(await log(participantId, { occurredOn: '2024-12-31' }), 'appointment-required');
    });

    it('does not count an appointment to another project', async () => {
      const participantId = await api.participant();
      await api.appoint(await api.project(), participantId);
      expectRule(await log(participantId, {}), 'appointment-required');
    });

    it('checks again when a correction changes the form', async () => {
      const id = await api.involvement(projectId, await api.participant(), { form: 'dialogue' });
      expectRule(
        await change(id, 'corrections', { changes: { form: 'user-panel' }, reason: 'Feil form' }),
        'appointment-required',
      );
    });
  });

  describe('honorarium-decision-required', () => {
    it('refuses a user gathering without a decision on honorarium', async () => {
      expectRule(
        await log(await api.participant(), { form: 'user-gathering' }),
        'honorarium-decision-required',
      );
    });

    it.each([
      ['paid', true],
      ['unpaid', false],
    ])('logs a user gathering decided %s', async (honorariumDecision, payable) => {
      const res = await log(await api.participant(), { form: 'user-gathering', honorariumDecision }).expect(
        201,
      );
      expect(await read(res.body.id)).toMatchObject({
        form: 'user-gathering',
        honorariumDecision,
        payable,
        countsAsParticipation: true,
      });
    });
  });

  describe('council-and-panel-always-paid', () => {
    it.each(['user-council', 'user-panel'])(
      'refuses a %s marked unpaid, on log and on correction',
      async (form) => {
        const participantId = await api.participant();
        await api.appoint(projectId, participantId);
        const refused = await log(participantId, { form, honorariumDecision: 'unpaid' });
        expectRule(refused, 'council-and-panel-always-paid');
        expect(refused.body.detail).toContain('only the participant can waive');

        const res = await log(participantId, { form }).expect(201);
        expectRule(
          await change(res.body.id, 'corrections', {
            changes: { honorariumDecision: 'unpaid' },
            reason: 'Ikke honorar',
          }),
          'council-and-panel-always-paid',
        );
        const logged = await read(res.body.id);
        expect(logged).toMatchObject({ form, payable: true });
        expect(logged.honorarium.totalOre).toBeGreaterThan(0);
      },
    );
  });

  describe('peer-support', () => {
    it('is recorded but flagged as not participation and not payable', async () => {
      const res = await log(await api.participant(), { form: 'peer-support' }).expect(201);
      expect(await read(res.body.id)).toMatchObject({
        form: 'peer-support',
        status: 'logged',
        countsAsParticipation: false,
        payable: false,
      });
    });

    it('is never paid: an explicit paid decision is refused', async () => {
      expectRule(
        await log(await api.participant(), { form: 'peer-support', honorariumDecision: 'paid' }),
        'peer-support-never-paid',
      );
    });

    it('earns no honorarium (docs/api.md: GET /v1/involvements/{id} carries honorarium)', async () => {
      const res = await log(await api.participant(), { form: 'peer-support' }).expect(201);
      const { honorarium } = await read(res.body.id);
      expect(honorarium).toMatchObject({ totalOre: 0 });
      for (const line of honorarium.lines) expect(line).toMatchObject({ amountOre: 0 });
    });
  });

  describe('involvement-in-future', () => {
    it('refuses tomorrow and accepts today', async () => {
      const participantId = await api.participant();
      expectRule(
        await log(participantId, { form: 'dialogue', occurredOn: TOMORROW }),
        'involvement-in-future',
      );
      expect((await log(participantId, { form: 'dialogue', occurredOn: TODAY })).status).toBe(201);
    });

    it('refuses a correction that moves the day into the future', async () => {
      const { id } = await dialogue();
      expectRule(
        await change(id, 'corrections', { changes: { occurredOn: TOMORROW }, reason: 'Flyttet' }),
        'involvement-in-future',
      );
    });
  });

  describe('hours-out-of-range', () => {
    it.each([{ meeting: 25 }, { meeting: 2, preparation: 24.5 }, { meeting: 2, travel: -1 }])(
      'refuses hours %j',
      async (hours) => {
        expectRule(await log(await api.participant(), { form: 'dialogue', hours }), 'hours-out-of-range');
      },
    );

    it('accepts 24 hours', async () => {
      // Each kind may reach 24 hours; together they share one day (day-hours-exceeded, docs/adr/0011).
      for (const hours of [{ meeting: 24 }, { meeting: 12, preparation: 8, travel: 4 }])
        expect((await log(await api.participant(), { form: 'dialogue', hours })).status).toBe(201);
    });

    it('refuses a correction to 25 meeting hours', async () => {
      const { id } = await dialogue();
      expectRule(
        await change(id, 'corrections', { changes: { hours: { meeting: 25 } }, reason: 'Feil' }),
        'hours-out-of-range',
      );
    });
  });

  describe('meeting-hours-required', () => {
    it.each(['in-person', 'remote'])('refuses 0 meeting hours when %s', async (attendance) => {
      expectRule(
        await log(await api.participant(), { form: 'dialogue', attendance, hours: { meeting: 0 } }),
        'meeting-hours-required',
      );
    });

    it('allows 0 meeting hours when absent', async () => {
      const res = await log(await api.participant(), {
        form: 'dialogue',
        attendance: 'absent',
        hours: { meeting: 0, preparation: 1 },
      });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    });
  });
});
