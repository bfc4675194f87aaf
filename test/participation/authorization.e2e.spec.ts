import type { Response } from 'supertest';
import { expectProblem, ParticipationApi, SUB, type Actor, type Scenario } from './support/builders';

/**
 * Who may call what (docs/api.md, Endpoints): every participation endpoint walked
 * with every kind of caller. `lead` leads the scenario's project and
 * `otherLead` is a project lead who does not; the participant is appointed to
 * the project, so its lead may read them. Rows whose success changes the
 * state they need (a void, a forget, an end) get a fresh scenario per call.
 * `representative` is the scenario's participant speaking for themselves
 * (role representative, `participantId` claim); `otherRepresentative` is
 * another participant's: they see only their own, everything else is 403.
 */
type Caller = Actor | 'representative' | 'otherRepresentative';
type Expected = Record<Caller, number>;

interface Row {
  method: 'get' | 'post';
  path: (s: Scenario) => string;
  body?: (s: Scenario) => object;
  headers?: Record<string, string>;
  /** Its success consumes the fixture: build a new one for every caller. */
  fresh?: boolean;
  expected: Expected;
}

const ACTORS: Caller[] = [
  'admin',
  'lead',
  'otherLead',
  'finance',
  'auditor',
  'representative',
  'otherRepresentative',
  'none',
  'expired',
];

/** A representative reaches only the routes naming their role, and there only their own participant. */
const unauthenticated = { none: 401, expired: 401, representative: 403, otherRepresentative: 403 } as const;
/** Only the representative the involvement or participant is about. */
const ownOnly = (ok: number): Expected => ({
  admin: 403,
  lead: 403,
  otherLead: 403,
  finance: 403,
  auditor: 403,
  ...unauthenticated,
  representative: ok,
});
/** The representative for themselves, or an admin on their written consent (breadth, perspective). */
const selfOrAdmin = (ok: number): Expected => ({ ...ownOnly(ok), admin: ok });
const everyone = (ok: number): Expected => ({
  admin: ok,
  lead: ok,
  otherLead: ok,
  finance: ok,
  auditor: ok,
  ...unauthenticated,
});
/** admin and any project lead (creating something new) */
const creators = (ok: number): Expected => ({
  admin: ok,
  lead: ok,
  otherLead: ok,
  finance: 403,
  auditor: 403,
  ...unauthenticated,
});
/** admin and a lead of this project */
const leadsOfIt = (ok: number): Expected => ({
  admin: ok,
  lead: ok,
  otherLead: 403,
  finance: 403,
  auditor: 403,
  ...unauthenticated,
});

const project = {
  name: 'Tilgangsprosjekt',
  organizationId: 'helse-nord',
  region: 'helse-midt-norge',
  level: 'service',
};
const appointment = (s: Scenario) => ({
  participantId: s.participantId,
  role: 'deputy',
  nominatedBy: 'FFO',
  appointedBy: 'Direktøren',
  from: '2025-02-01',
});
const involvement = (s: Scenario) => ({
  participantId: s.participantId,
  form: 'dialogue',
  occurredOn: '2025-03-11',
  attendance: 'remote',
  hours: { meeting: 1 },
});

const ENDPOINTS: Record<string, Row> = {
  'POST /v1/projects': {
    method: 'post',
    path: () => '/v1/projects',
    body: () => project,
    expected: creators(201),
  },
  'GET /v1/projects': {
    method: 'get',
    path: () => '/v1/projects',
    expected: { ...everyone(200), finance: 403 },
  },
  'GET /v1/projects/{id}': {
    method: 'get',
    path: (s) => `/v1/projects/${s.projectId}`,
    expected: everyone(200),
  },
  'POST /v1/projects/{id}/leads': {
    method: 'post',
    path: (s) => `/v1/projects/${s.projectId}/leads`,
    body: () => ({ sub: 'lead-per', name: 'Per Hansen' }),
    fresh: true,
    expected: leadsOfIt(200),
  },
  'POST /v1/participants': {
    method: 'post',
    path: () => '/v1/participants',
    body: () => ({ name: 'Sissel Ravna' }),
    expected: creators(201),
  },
  'GET /v1/participants/{id}': {
    method: 'get',
    path: (s) => `/v1/participants/${s.participantId}`,
    expected: {
      admin: 200,
      lead: 200,
      otherLead: 403,
      finance: 200,
      auditor: 200,
      ...unauthenticated,
      representative: 200,
    },
  },
  'GET /v1/participants/{id}/honorarium': {
    method: 'get',
    path: (s) => `/v1/participants/${s.participantId}/honorarium`,
    expected: {
      admin: 200,
      lead: 403,
      otherLead: 403,
      finance: 200,
      auditor: 200,
      ...unauthenticated,
      representative: 200,
    },
  },
  'GET /v1/participants/{id}/involvements': {
    method: 'get',
    path: (s) => `/v1/participants/${s.participantId}/involvements`,
    expected: {
      admin: 200,
      lead: 403,
      otherLead: 403,
      finance: 403,
      auditor: 200,
      ...unauthenticated,
      representative: 200,
    },
  },
  'POST /v1/participants/{id}/forget': {
    method: 'post',
    path: (s) => `/v1/participants/${s.participantId}/forget`,
    fresh: true,
    expected: { admin: 200, lead: 403, otherLead: 403, finance: 403, auditor: 403, ...unauthenticated },
  },
  'POST /v1/participants/{id}/employment': {
    method: 'post',
    path: (s) => `/v1/participants/${s.participantId}/employment`,
    body: () => ({ employedBy: ['helse-vest'], from: '2025-08-01' }),
    headers: { 'If-Match': '"1"' },
    fresh: true,
    expected: { admin: 200, lead: 200, otherLead: 403, finance: 403, auditor: 403, ...unauthenticated },
  },
  'POST /v1/participants/{id}/bank-account': {
    method: 'post',
    path: (s) => `/v1/participants/${s.participantId}/bank-account`,
    body: () => ({ bankAccount: '1503.12.34562' }),
    headers: { 'If-Match': '"1"' },
    fresh: true,
    expected: { admin: 200, lead: 200, otherLead: 403, finance: 200, auditor: 403, ...unauthenticated },
  },
  'POST /v1/participants/{id}/contact': {
    method: 'post',
    path: (s) => `/v1/participants/${s.participantId}/contact`,
    body: () => ({ email: 'ny@example.no' }),
    headers: { 'If-Match': '"1"' },
    fresh: true,
    expected: { admin: 200, lead: 200, otherLead: 403, finance: 403, auditor: 403, ...unauthenticated },
  },
  'POST /v1/participants/{id}/perspective': {
    method: 'post',
    path: (s) => `/v1/participants/${s.participantId}/perspective`,
    body: () => ({ perspectives: ['user'] }),
    expected: selfOrAdmin(200),
  },
  'POST /v1/participants/{id}/breadth-consent': {
    method: 'post',
    path: (s) => `/v1/participants/${s.participantId}/breadth-consent`,
    body: () => ({ attributes: { sami: true }, writtenConsentRef: 'Samtykke 2025/7' }),
    fresh: true,
    expected: selfOrAdmin(201),
  },
  'POST /v1/participants/{id}/breadth-consent/withdraw': {
    method: 'post',
    path: (s) => `/v1/participants/${s.participantId}/breadth-consent/withdraw`,
    expected: selfOrAdmin(200),
  },
  'POST /v1/projects/{id}/appointments': {
    method: 'post',
    path: (s) => `/v1/projects/${s.projectId}/appointments`,
    body: appointment,
    fresh: true,
    expected: leadsOfIt(201),
  },
  'POST /v1/appointments/{id}/end': {
    method: 'post',
    path: (s) => `/v1/appointments/${s.appointmentId}/end`,
    body: () => ({ endedOn: '2025-05-31', reason: 'Flyttet' }),
    fresh: true,
    expected: leadsOfIt(200),
  },
  'POST /v1/projects/{id}/involvements': {
    method: 'post',
    path: (s) => `/v1/projects/${s.projectId}/involvements`,
    body: involvement,
    expected: leadsOfIt(201),
  },
  'POST /v1/projects/{id}/involvements/preview': {
    method: 'post',
    path: (s) => `/v1/projects/${s.projectId}/involvements/preview`,
    body: involvement,
    expected: leadsOfIt(200),
  },
  'GET /v1/projects/{id}/involvements': {
    method: 'get',
    path: (s) => `/v1/projects/${s.projectId}/involvements`,
    expected: { ...everyone(200), finance: 403 },
  },
  'GET /v1/involvements/{id}': {
    method: 'get',
    path: (s) => `/v1/involvements/${s.involvementId}`,
    expected: { ...everyone(200), representative: 200 },
  },
  'POST /v1/involvements/{id}/corrections': {
    method: 'post',
    path: (s) => `/v1/involvements/${s.involvementId}/corrections`,
    body: () => ({ changes: { topic: 'Endret tema' }, reason: 'Skrivefeil i temaet' }),
    fresh: true,
    expected: leadsOfIt(200),
  },
  'POST /v1/involvements/{id}/void': {
    method: 'post',
    path: (s) => `/v1/involvements/${s.involvementId}/void`,
    body: () => ({ reason: 'Ført på feil prosjekt' }),
    fresh: true,
    expected: leadsOfIt(200),
  },
  'POST /v1/involvements/{id}/evidence': {
    method: 'post',
    path: (s) => `/v1/involvements/${s.involvementId}/evidence`,
    body: () => ({
      kind: 'feedback',
      at: '2025-03-20T10:00:00Z',
      summary: 'Innspillet ble tatt inn i planen',
    }),
    expected: leadsOfIt(201),
  },
  'POST /v1/involvements/{id}/confirmation': {
    method: 'post',
    path: (s) => `/v1/involvements/${s.involvementId}/confirmation`,
    body: () => ({ confirmed: true }),
    expected: ownOnly(200),
  },
  'POST /v1/involvements/{id}/waiver': {
    method: 'post',
    path: (s) => `/v1/involvements/${s.involvementId}/waiver`,
    body: () => ({ reason: 'Jeg vil ikke ha honorar for dette' }),
    fresh: true,
    expected: ownOnly(200),
  },
  'POST /v1/involvements/{id}/feedback-acknowledgement': {
    method: 'post',
    path: (s) => `/v1/involvements/${s.involvementId}/feedback-acknowledgement`,
    // The scenario holds no feedback: past the guard, the domain answers that it is not recorded.
    body: () => ({ evidenceId: 'feedback-never-recorded' }),
    expected: ownOnly(422),
  },
  'POST /v1/projects/{id}/meetings': {
    method: 'post',
    path: (s) => `/v1/projects/${s.projectId}/meetings`,
    body: () => ({ form: 'user-council', heldOn: '2025-03-10' }),
    expected: leadsOfIt(201),
  },
  'GET /v1/projects/{id}/meetings': {
    method: 'get',
    path: (s) => `/v1/projects/${s.projectId}/meetings`,
    expected: everyone(200),
  },
  'GET /v1/meetings/{id}': {
    method: 'get',
    path: (s) => `/v1/meetings/${s.meetingId}`,
    expected: everyone(200),
  },
  'POST /v1/meetings/{id}/updates': {
    method: 'post',
    path: (s) => `/v1/meetings/${s.meetingId}/updates`,
    body: () => ({ kind: 'minutes', ref: 'referat 2025-03-10' }),
    expected: leadsOfIt(200),
  },
  'POST /v1/projects/{id}/milestones': {
    method: 'post',
    path: (s) => `/v1/projects/${s.projectId}/milestones`,
    body: () => ({ kind: 'mandate-set', at: '2025-01-15T10:00:00Z' }),
    expected: leadsOfIt(201),
  },
};

/** Ids nobody registered: the guard answers first (401, 403 for a role the route never admits), then 404. */
const UNKNOWN: Scenario = {
  projectId: 'project-that-does-not-exist',
  participantId: 'participant-that-does-not-exist',
  appointmentId: 'appointment-that-does-not-exist',
  involvementId: 'involvement-that-does-not-exist',
  meetingId: 'meeting-that-does-not-exist',
};
const idRows = Object.entries(ENDPOINTS).filter(([, row]) => row.path(UNKNOWN).includes('does-not-exist'));

describe('participation endpoints: who may call what', () => {
  let api: ParticipationApi;
  let shared: Scenario;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    shared = await api.scenario();
    const meeting = await api.post(`/v1/projects/${shared.projectId}/meetings`, 'lead', {
      form: 'user-council',
      heldOn: '2025-03-10',
    });
    shared.meetingId = meeting.body.id as string;
  });
  afterAll(() => api.close());

  const call = async (row: Row, s: Scenario, who: Caller): Promise<Response> => {
    const path = row.path(s);
    if (who === 'representative' || who === 'otherRepresentative') {
      const participantId = who === 'representative' ? s.participantId : 'participant-of-someone-else';
      const token = await api.t.token({
        sub: `rep-${participantId}`,
        roles: ['representative'],
        participantId,
      });
      const req = (row.method === 'get' ? api.t.http.get(path) : api.t.http.post(path)).set(
        'Authorization',
        `Bearer ${token}`,
      );
      const withHeaders = Object.entries(row.headers ?? {}).reduce((r, [k, v]) => r.set(k, v), req);
      return row.method === 'get' ? withHeaders : withHeaders.send(row.body?.(s) ?? {});
    }
    return row.method === 'get'
      ? api.get(path, who)
      : api.post(path, who, row.body?.(s) ?? {}, row.headers ?? {});
  };

  function expectStatus(res: Response, expected: number): void {
    if (expected >= 400) {
      expectProblem(res, expected);
      if (expected === 401) expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    } else {
      expect({ status: res.status, body: res.body }).toMatchObject({ status: expected });
    }
  }

  describe.each(Object.entries(ENDPOINTS))('%s', (_name, row) => {
    it.each(ACTORS)('as %s', async (who) => {
      const s = row.fresh ? await api.scenario() : shared;
      expectStatus(await call(row, s, who), row.expected[who]);
    });
  });

  describe.each(idRows)('%s with an unknown id', (_name, row) => {
    it('answers 404 to an admin, or to the representative where only they are admitted', async () => {
      expectStatus(await call(row, UNKNOWN, row.expected.admin === 403 ? 'representative' : 'admin'), 404);
    });

    it('answers 401 without a token, before looking the id up', async () => {
      expectStatus(await call(row, UNKNOWN, 'none'), 401);
    });

    it('answers a role the route never admits with 403, and an admitted one with 404', async () => {
      for (const who of ['finance', 'auditor'] as const) {
        const admitted = row.expected[who] !== 403;
        expectStatus(await call(row, UNKNOWN, who), admitted ? 404 : 403);
      }
    });
  });

  it('lets a project lead act on a project once made its lead', async () => {
    const s = await api.scenario();
    const body = ENDPOINTS['POST /v1/projects/{id}/involvements'].body!(s);
    expectStatus(await api.post(`/v1/projects/${s.projectId}/involvements`, 'otherLead', body), 403);
    expectStatus(
      await api.post(`/v1/projects/${s.projectId}/leads`, 'lead', { sub: 'lead-ola', name: 'Ola Nordmann' }),
      200,
    );
    expectStatus(await api.post(`/v1/projects/${s.projectId}/involvements`, 'otherLead', body), 201);
  });

  describe('a lead cannot widen their own access to personal data (docs/adr/0011)', () => {
    const appointIn = (projectId: string, participantId: string, who: Actor) =>
      api.post(`/v1/projects/${projectId}/appointments`, who, appointment({ ...UNKNOWN, participantId }));

    it('refuses a lead who appoints, into an own project, a person they cannot read (the attack)', async () => {
      const s = await api.scenario();
      // Any lead sees the appointment's participant id in the project...
      const seen = (await api.get(`/v1/projects/${s.projectId}`, 'otherLead')).body;
      const participantId = seen.appointments[0].participantId as string;
      expect(participantId).toBe(s.participantId);
      // ...creates a project of their own and tries to appoint that person into it.
      const own = await api.project({}, 'otherLead');
      const res = await appointIn(own, participantId, 'otherLead');
      expectProblem(res, 403);
      expect(res.body.detail).toMatch(
        /may appoint only a participant whose personal data they may already read/,
      );
      await api.t.settled();
      expectProblem(await api.get(`/v1/participants/${participantId}`, 'otherLead'), 403);
      expect((await api.get(`/v1/projects/${own}`, 'admin')).body.appointments).toEqual([]);
    });

    it('lets the lead who registered a person read them and appoint them into an own project', async () => {
      const participantId = await api.participant({}, 'otherLead');
      expectStatus(await api.get(`/v1/participants/${participantId}`, 'otherLead'), 200);
      expectProblem(await api.get(`/v1/participants/${participantId}`, 'lead'), 403);
      const own = await api.project({}, 'otherLead');
      expectStatus(await appointIn(own, participantId, 'otherLead'), 201);
    });

    it('lets a lead who reads a person through one project appoint them into another', async () => {
      const s = await api.scenario();
      const second = await api.project();
      expectStatus(await appointIn(second, s.participantId, 'lead'), 201);
    });

    it('lets an admin appoint anyone, which opens the person to the project’s leads', async () => {
      const s = await api.scenario();
      const own = await api.project({}, 'otherLead');
      expectProblem(await appointIn(own, s.participantId, 'otherLead'), 403);
      expectStatus(await appointIn(own, s.participantId, 'admin'), 201);
      await api.t.settled();
      expectStatus(await api.get(`/v1/participants/${s.participantId}`, 'otherLead'), 200);
    });

    it('lets a lead share a project (and its people) by making another its lead', async () => {
      const s = await api.scenario();
      expectProblem(await api.get(`/v1/participants/${s.participantId}`, 'otherLead'), 403);
      expectStatus(
        await api.post(`/v1/projects/${s.projectId}/leads`, 'lead', {
          sub: SUB.otherLead,
          name: 'Ola Nordmann',
        }),
        200,
      );
      expectStatus(await api.get(`/v1/participants/${s.participantId}`, 'otherLead'), 200);
    });

    it('shows what is written about a person (topic, evidence, exception reason) only to those who may read them', async () => {
      const s = await api.scenario();
      const topic = 'Tema-om-Kari-sin-diagnose';
      const summary = 'Innspill-Kari-forteller-om-sykdommen';
      const exceptionReason = 'Unntak-ansatt-men-også-pasient';
      const involvementId = await api.involvement(s.projectId, s.participantId, {
        occurredOn: '2025-03-11',
        topic,
      });
      expectStatus(
        await api.post(`/v1/involvements/${involvementId}/evidence`, 'lead', {
          kind: 'input',
          at: '2025-03-11T10:00:00Z',
          summary,
        }),
        201,
      );
      const system = await api.project({ level: 'system', organizationId: 'helse-nord' });
      const staff = await api.participant({ employedBy: ['helse-nord'] }, 'admin');
      await api.appoint(system, staff, { exceptionReason }, 'admin');
      const texts = (body: object) =>
        [topic, summary, exceptionReason].filter((t) => JSON.stringify(body).includes(t));

      // Any lead may read the project and the involvement, but not what is written about the people in them.
      const involvement = await api.get(`/v1/involvements/${involvementId}`, 'otherLead');
      expectStatus(involvement, 200);
      expect(involvement.body).toMatchObject({ topic: null, personalTextWithheld: true });
      expect(texts(involvement.body)).toEqual([]);
      const project = await api.get(`/v1/projects/${system}`, 'otherLead');
      expectStatus(project, 200);
      expect(project.body.appointments).toEqual([expect.objectContaining({ exceptionReason: null })]);
      expect(texts(project.body)).toEqual([]);

      // The project's lead and the roles that read everyone see them.
      for (const who of ['lead', 'admin', 'auditor'] as Actor[]) {
        expect(texts((await api.get(`/v1/involvements/${involvementId}`, who)).body)).toEqual([
          topic,
          summary,
        ]);
        expect(texts((await api.get(`/v1/projects/${system}`, who)).body)).toEqual([exceptionReason]);
      }
    });

    const fullDay = (participantId: string) => ({
      participantId,
      form: 'dialogue',
      occurredOn: '2025-04-07',
      attendance: 'remote',
      hours: { meeting: 24 },
    });

    it('refuses a lead who logs an involvement for a person they cannot read; the registrant still logs', async () => {
      // Lead A registers a person; lead B has seen the id and logs a full day in an own project.
      const participantId = await api.participant({}, 'lead');
      const own = await api.project({}, 'otherLead');
      const res = await api.post(`/v1/projects/${own}/involvements`, 'otherLead', fullDay(participantId));
      expectProblem(res, 403);
      expect(res.body.detail).toMatch(
        /may log or correct an involvement only for a participant whose personal data they may read/,
      );
      // The day stays free for A, who registered the person and logs without an appointment.
      const mine = await api.project({}, 'lead');
      expectStatus(await api.post(`/v1/projects/${mine}/involvements`, 'lead', fullDay(participantId)), 201);
      // An admin logs for anyone (another day: this one is full).
      const adminDay = { ...fullDay(participantId), occurredOn: '2025-04-08' };
      expectStatus(await api.post(`/v1/projects/${own}/involvements`, 'admin', adminDay), 201);
    });

    it('refuses a co-lead who corrects the hours of a person they cannot read; voids and evidence stay with the project’s leads', async () => {
      const participantId = await api.participant({}, 'lead');
      const shared = await api.project({}, 'lead');
      const involvementId = await api.involvement(shared, participantId, {
        form: 'dialogue',
        hours: { meeting: 1 },
        expenses: [],
      });
      await api.post(`/v1/projects/${shared}/leads`, 'lead', { sub: SUB.otherLead, name: 'Ola Nordmann' });
      const correct = (who: Actor) =>
        api.post(`/v1/involvements/${involvementId}/corrections`, who, {
          changes: { hours: { meeting: 24 } },
          reason: 'Hele dagen',
        });
      const res = await correct('otherLead');
      expectProblem(res, 403);
      expect(res.body.detail).toMatch(/may log or correct an involvement only for a participant/);
      expectStatus(
        await api.post(`/v1/involvements/${involvementId}/evidence`, 'otherLead', {
          kind: 'feedback',
          at: '2025-03-20T10:00:00Z',
          summary: 'Innspillet ble tatt inn i planen',
        }),
        201,
      );
      expectStatus(await correct('lead'), 200);
      expectStatus(
        await api.post(`/v1/involvements/${involvementId}/void`, 'otherLead', { reason: 'Feil prosjekt' }),
        200,
      );
    });

    it('gives a lead no way to make themselves lead of a project they do not lead', async () => {
      const s = await api.scenario();
      const res = await api.post(`/v1/projects/${s.projectId}/leads`, 'otherLead', {
        sub: SUB.otherLead,
        name: 'Ola Nordmann',
      });
      expectProblem(res, 403);
      expectProblem(await api.get(`/v1/participants/${s.participantId}`, 'otherLead'), 403);
    });
  });

  it('makes a project lead who registers a project its lead', async () => {
    const id = (await api.post('/v1/projects', 'otherLead', project)).body.id;
    expect((await api.get(`/v1/projects/${id}`, 'auditor')).body.leads).toEqual([{ sub: 'lead-ola' }]);
  });
});
