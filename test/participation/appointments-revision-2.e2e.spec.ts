import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { expectFieldErrors, expectRule, involvementBody, ParticipationApi } from './support/builders';

/**
 * Appointments as revision 2 of the domain has them (docs/domain.md,
 * docs/adr/0027): the own-workplace rule at service and system level by the
 * employment in force on the appointment's first day, who proposed and who
 * decided, the mandate, a panel's end date, the representative roles, and
 * older appointments that still load and verify.
 */
describe('appointments, revision 2, through HTTP', () => {
  let api: ParticipationApi;

  beforeAll(async () => {
    api = await ParticipationApi.start();
  });
  afterAll(() => api.close());

  const appoint = (projectId: string, participantId: string, changes: object = {}) =>
    api.post(`/v1/projects/${projectId}/appointments`, 'lead', {
      participantId,
      role: 'member',
      nominatedBy: 'Brukerutvalget',
      appointedBy: 'Styret',
      from: '2025-01-01',
      ...changes,
    });

  const changeEmployment = async (participantId: string, employedBy: string[], from: string) => {
    const etag = (await api.get(`/v1/participants/${participantId}`, 'admin')).headers.etag;
    return api.post(
      `/v1/participants/${participantId}/employment`,
      'admin',
      { employedBy, from },
      { 'If-Match': etag },
    );
  };

  describe('E5: own workplace at service and system level', () => {
    it.each([
      ['service', 'member', 'employee-at-system-level-needs-exception'],
      ['service', 'experience-consultant', 'experience-consultant-at-system-level-needs-exception'],
      ['system', 'member', 'employee-at-system-level-needs-exception'],
    ])(
      'refuses staff of the organisation at %s level as %s without an exception (%s)',
      async (level, role, rule) => {
        const projectId = await api.project({ level, organizationId: 'stolav' });
        const employee = await api.participant({ employedBy: ['stolav'] });
        const res = await appoint(projectId, employee, { role });
        expectRule(res, rule);
        expect(res.body.detail).toMatch(/at service or system level/);
      },
    );

    it('appoints them with a recorded exception reason, and at individual level without one', async () => {
      const employee = await api.participant({ employedBy: ['stolav'] });
      const service = await api.project({ level: 'service', organizationId: 'stolav' });
      const exceptionReason = 'Eneste med erfaring fra barne- og ungdomspsykiatri i klinikken';
      expect((await appoint(service, employee, { exceptionReason })).status).toBe(201);
      const individual = await api.project({ level: 'individual', organizationId: 'stolav' });
      expect((await appoint(individual, employee)).status).toBe(201);
    });

    it('judges by the employment in force on the appointment’s first day, recorded as an event through HTTP', async () => {
      const projectId = await api.project({ level: 'service', organizationId: 'stolav' });
      const person = await api.participant({ employedBy: ['helse-vest'] });
      expect((await changeEmployment(person, ['stolav'], '2025-08-01')).status).toBe(200);
      // Before the new job: another organisation's employee, no exception needed.
      expect((await appoint(projectId, person, { from: '2025-07-31' })).status).toBe(201);
      // From the first day of the new job: staff of the project's organisation.
      expectRule(
        await appoint(projectId, person, { from: '2025-08-01' }),
        'employee-at-system-level-needs-exception',
      );
      // The job ends: from then on no exception is needed again.
      expect((await changeEmployment(person, [], '2026-01-01')).status).toBe(200);
      expect((await appoint(projectId, person, { from: '2026-01-01' })).status).toBe(201);
      const read = (await api.get(`/v1/participants/${person}`, 'admin').expect(200)).body;
      expect(read.employment).toEqual([
        { from: null, employedBy: ['helse-vest'] },
        { from: '2025-08-01', employedBy: ['stolav'] },
        { from: '2026-01-01', employedBy: [] },
      ]);
      // The test clock's today is 2025-06-02: the registered employment is in force.
      expect(read.employedBy).toEqual(['helse-vest']);
    });
  });

  describe('who proposed, who decided, the mandate, the body', () => {
    it('records and shows them', async () => {
      const projectId = await api.project();
      const participantId = await api.participant();
      const fields = {
        form: 'user-council',
        nominatedBy: 'FFO Trøndelag',
        nominatedByKind: 'user-organisation',
        appointedBy: 'Styret i Helse Midt-Norge RHF',
        decisionRef: 'Styresak 45/2025',
        mandate: 'Representere pasienter med kroniske smerter i brukerutvalget',
      };
      const res = await appoint(projectId, participantId, fields);
      expect(res.status).toBe(201);
      await api.t.settled();
      const project = (await api.get(`/v1/projects/${projectId}`, 'auditor').expect(200)).body;
      expect(project.appointments).toEqual([expect.objectContaining({ id: res.body.id, ...fields })]);
    });

    it('refuses a panel appointment without an end date (panel-appointment-needs-end-date), and takes one with it', async () => {
      const projectId = await api.project();
      const participantId = await api.participant();
      const res = await appoint(projectId, participantId, { form: 'user-panel' });
      expectRule(res, 'panel-appointment-needs-end-date');
      expect(res.body.detail).toMatch(/needs an end date \(to\)/);
      expect((await appoint(projectId, participantId, { form: 'user-panel', to: '2025-12-31' })).status).toBe(
        201,
      );
    });

    it('refuses an unknown body or proposer kind with 400 naming the field', async () => {
      const res = await appoint(await api.project(), await api.participant(), {
        form: 'user-gathering',
        nominatedByKind: 'board',
      });
      expectFieldErrors(res, 'form', 'nominatedByKind');
    });
  });

  describe('E10: the representative roles', () => {
    it.each(['user-representative', 'next-of-kin-representative'])(
      'appoints a %s, whose council meeting is paid at the member rate',
      async (role) => {
        const projectId = await api.project({ region: 'helse-midt-norge' });
        const participantId = await api.participant();
        await api.appoint(projectId, participantId, { role });
        const involvementId = await api.involvement(projectId, participantId, {
          hours: { meeting: 2.67, preparation: 1.17 },
          expenses: [],
        });
        const read = (await api.get(`/v1/involvements/${involvementId}`, 'auditor').expect(200)).body;
        expect(
          read.honorarium.lines.map((l: { kind: string; amountOre: number }) => [l.kind, l.amountOre]),
        ).toEqual([
          ['meeting', 128700],
          ['preparation', 64350],
        ]);
      },
    );

    it('pays an experience consultant no meeting fee on top of salary, and still covers their ticket', async () => {
      const projectId = await api.project({ region: 'helse-midt-norge', organizationId: 'helse-nord' });
      const participantId = await api.participant();
      await api.appoint(projectId, participantId, { role: 'experience-consultant' });
      const involvementId = await api.involvement(projectId, participantId, {
        hours: { meeting: 2, preparation: 1 },
        expenses: [{ kind: 'ticket', amountOre: 45000, receiptRef: 'AtB-991' }],
      });
      const read = (await api.get(`/v1/involvements/${involvementId}`, 'auditor').expect(200)).body;
      const lines = read.honorarium.lines as Array<{ kind: string; amountOre: number; explanation: string }>;
      expect(lines.map((l) => [l.kind, l.amountOre])).toEqual([
        ['meeting', 0],
        ['preparation', 0],
        ['ticket', 45000],
      ]);
      expect(lines[0].explanation).toMatch(/paid working time/);
      expect(read.honorarium.totalOre).toBe(45000);
    });
  });

  describe('appointments made before revision 2', () => {
    it('still load, show null for the new fields, can be ended, and the log still verifies', async () => {
      const projectId = await api.project();
      const participantId = await api.participant();
      const appointmentId = `legacy-${randomUUID()}`;
      // Exactly the shape of a stored AppointmentMade of schema version 1: never rewritten.
      await api.t.app.get<EventStore>(EVENT_STORE).append(
        `appointment-${appointmentId}`,
        [
          {
            eventId: randomUUID(),
            type: 'AppointmentMade',
            schemaVersion: 1,
            data: {
              appointmentId,
              projectId,
              participantId,
              role: 'member',
              nominatedBy: 'Brukerutvalget',
              appointedBy: 'Styret',
              from: '2024-01-01',
              to: null,
              exceptionReason: null,
            },
          },
        ],
        'no-stream',
        { actor: 'admin-anne', correlationId: 'legacy' },
      );
      await api.t.settled();
      const project = (await api.get(`/v1/projects/${projectId}`, 'auditor').expect(200)).body;
      expect(project.appointments).toEqual([
        expect.objectContaining({
          id: appointmentId,
          form: null,
          nominatedByKind: null,
          decisionRef: null,
          mandate: null,
        }),
      ]);
      const logged = await api.post(`/v1/projects/${projectId}/involvements`, 'lead', {
        participantId,
        ...involvementBody(),
      });
      expect(logged.status).toBe(201);
      expect(
        (await api.post(`/v1/appointments/${appointmentId}/end`, 'lead', { endedOn: '2025-05-31' })).status,
      ).toBe(200);
      const verified = await api.post('/v1/audit/verify', 'auditor');
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ verified: true, failures: [] });
    });
  });
});
