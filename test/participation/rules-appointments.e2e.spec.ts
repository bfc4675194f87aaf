import { expectProblem, expectRule, involvementBody, ParticipationApi } from './support/builders';

/**
 * The rules of appointments and participants (docs/domain.md "Rules from the
 * sources") through HTTP, and 404 for ids nobody registered.
 */
describe('appointment and participant rules through HTTP', () => {
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

  describe('staff at system level in their own organisation', () => {
    let systemProject: string;
    let employee: string;

    beforeAll(async () => {
      systemProject = await api.project({ level: 'system', organizationId: 'helse-nord' });
      employee = await api.participant({ employedBy: ['helse-nord'] });
    });

    it.each([
      ['member', 'employee-at-system-level-needs-exception'],
      ['leader', 'employee-at-system-level-needs-exception'],
      ['experience-consultant', 'experience-consultant-at-system-level-needs-exception'],
    ])('refuses a %s without an exception reason (%s)', async (role, rule) => {
      expectRule(await appoint(systemProject, employee, { role }), rule);
      expectRule(await appoint(systemProject, employee, { role, exceptionReason: '   ' }), rule);
    });

    it.each(['member', 'experience-consultant'])(
      'appoints a %s with a recorded exception reason',
      async (role) => {
        const exceptionReason = 'Eneste med erfaring fra samisk språkforvaltning';
        const res = await appoint(systemProject, employee, { role, exceptionReason });
        expect({ status: res.status, body: res.body }).toMatchObject({
          status: 201,
          body: { id: expect.any(String) },
        });
        await api.t.settled();
        const project = (await api.get(`/v1/projects/${systemProject}`, 'auditor').expect(200)).body;
        expect(project.appointments).toContainEqual(
          expect.objectContaining({ id: res.body.id, role, exceptionReason }),
        );
      },
    );

    // Revision 2 (docs/adr/0027): service level counts too; only the individual level is free of the rule.
    it('appoints staff of the organisation at individual level, and staff of another organisation at system level, without a reason', async () => {
      expect(
        (await appoint(await api.project({ level: 'individual', organizationId: 'helse-nord' }), employee))
          .status,
      ).toBe(201);
      const elsewhere = await api.participant({ employedBy: ['helse-vest'] });
      expect((await appoint(systemProject, elsewhere, { role: 'experience-consultant' })).status).toBe(201);
    });
  });

  describe('the appointment’s term', () => {
    it('refuses an appointment ending before it starts (appointment-ends-before-start)', async () => {
      const res = await appoint(await api.project(), await api.participant(), {
        from: '2025-03-01',
        to: '2025-02-28',
      });
      expectRule(res, 'appointment-ends-before-start');
    });

    it('refuses ending it before it started, and ending it twice (appointment-already-ended)', async () => {
      const projectId = await api.project();
      const appointmentId = await api.appoint(projectId, await api.participant(), { from: '2025-03-01' });
      expectRule(
        await api.post(`/v1/appointments/${appointmentId}/end`, 'lead', { endedOn: '2025-02-28' }),
        'appointment-ends-before-start',
      );
      expect(
        (await api.post(`/v1/appointments/${appointmentId}/end`, 'lead', { endedOn: '2025-04-30' })).status,
      ).toBe(200);
      expectRule(
        await api.post(`/v1/appointments/${appointmentId}/end`, 'lead', { endedOn: '2025-05-31' }),
        'appointment-already-ended',
      );
    });
  });

  describe('a forgotten participant (participant-forgotten)', () => {
    it('can be neither appointed nor given new involvements', async () => {
      const projectId = await api.project();
      const participantId = await api.participant();
      await api.post(`/v1/participants/${participantId}/forget`, 'admin').expect(200);
      expectRule(await appoint(projectId, participantId), 'participant-forgotten');
      const logged = await api.post(`/v1/projects/${projectId}/involvements`, 'lead', {
        participantId,
        ...involvementBody(),
        form: 'dialogue',
      });
      expectRule(logged, 'participant-forgotten');
    });
  });

  describe('unknown ids answer 404', () => {
    const unknown = 'does-not-exist-42';
    let projectId: string;
    let participantId: string;

    beforeAll(async () => {
      projectId = await api.project();
      participantId = await api.participant();
    });

    it('for a project', async () => {
      expectProblem(await api.get(`/v1/projects/${unknown}`, 'admin'), 404);
      expectProblem(await api.get(`/v1/projects/${unknown}/involvements`, 'admin'), 404);
      expectProblem(
        await api.post(`/v1/projects/${unknown}/leads`, 'admin', { sub: 'lead-per', name: 'Per' }),
        404,
      );
      expectProblem(await appoint(unknown, participantId), 404);
      expectProblem(
        await api.post(`/v1/projects/${unknown}/involvements`, 'lead', {
          participantId,
          ...involvementBody(),
        }),
        404,
      );
    });

    it('for a participant, in the path or in the body', async () => {
      expectProblem(await api.get(`/v1/participants/${unknown}`, 'admin'), 404);
      expectProblem(await api.post(`/v1/participants/${unknown}/forget`, 'admin'), 404);
      expectProblem(await appoint(projectId, unknown), 404);
      const body = { participantId: unknown, ...involvementBody(), form: 'dialogue' };
      expectProblem(await api.post(`/v1/projects/${projectId}/involvements`, 'lead', body), 404);
    });

    it('for an involvement', async () => {
      expectProblem(await api.get(`/v1/involvements/${unknown}`, 'lead'), 404);
      expectProblem(
        await api.post(`/v1/involvements/${unknown}/corrections`, 'lead', {
          changes: { topic: 'x' },
          reason: 'y',
        }),
        404,
      );
      expectProblem(await api.post(`/v1/involvements/${unknown}/void`, 'lead', { reason: 'y' }), 404);
      expectProblem(
        await api.post(`/v1/involvements/${unknown}/evidence`, 'lead', {
          kind: 'input',
          at: '2025-03-10T10:00:00Z',
          summary: 'x',
        }),
        404,
      );
    });

    it('for an appointment', async () => {
      expectProblem(
        await api.post(`/v1/appointments/${unknown}/end`, 'admin', { endedOn: '2025-05-31' }),
        404,
      );
    });
  });
});
