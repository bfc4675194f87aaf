import type { Response } from 'supertest';
import { expectProblem, ParticipationApi, type Actor, type Scenario } from './support/builders';

/**
 * Who may call what (docs/api.md, Endpoints): every participation endpoint walked
 * with every kind of caller. `lead` leads the scenario's project and
 * `otherLead` is a project lead who does not; the participant is appointed to
 * the project, so its lead may read them. Rows whose success changes the
 * state they need (a void, a forget, an end) get a fresh scenario per call.
 */
type Expected = Record<Actor, number>;

interface Row {
  method: 'get' | 'post';
  path: (s: Scenario) => string;
  body?: (s: Scenario) => object;
  /** Its success consumes the fixture: build a new one for every caller. */
  fresh?: boolean;
  expected: Expected;
}

const ACTORS: Actor[] = ['admin', 'lead', 'otherLead', 'finance', 'auditor', 'none', 'expired'];

const unauthenticated = { none: 401, expired: 401 } as const;
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
    expected: { admin: 200, lead: 200, otherLead: 403, finance: 200, auditor: 200, ...unauthenticated },
  },
  'POST /v1/participants/{id}/forget': {
    method: 'post',
    path: (s) => `/v1/participants/${s.participantId}/forget`,
    fresh: true,
    expected: { admin: 200, lead: 403, otherLead: 403, finance: 403, auditor: 403, ...unauthenticated },
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
  'GET /v1/projects/{id}/involvements': {
    method: 'get',
    path: (s) => `/v1/projects/${s.projectId}/involvements`,
    expected: { ...everyone(200), finance: 403 },
  },
  'GET /v1/involvements/{id}': {
    method: 'get',
    path: (s) => `/v1/involvements/${s.involvementId}`,
    expected: everyone(200),
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
};

/** Ids nobody registered: the guard answers first (401, 403 for a role the route never admits), then 404. */
const UNKNOWN: Scenario = {
  projectId: 'project-that-does-not-exist',
  participantId: 'participant-that-does-not-exist',
  appointmentId: 'appointment-that-does-not-exist',
  involvementId: 'involvement-that-does-not-exist',
};
const idRows = Object.entries(ENDPOINTS).filter(([, row]) => row.path(UNKNOWN).includes('does-not-exist'));

describe('participation endpoints: who may call what', () => {
  let api: ParticipationApi;
  let shared: Scenario;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    shared = await api.scenario();
  });
  afterAll(() => api.close());

  const call = (row: Row, s: Scenario, who: Actor): Promise<Response> => {
    const path = row.path(s);
    return row.method === 'get' ? api.get(path, who) : api.post(path, who, row.body?.(s) ?? {});
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
    it('answers 404 to an admin', async () => {
      expectStatus(await call(row, UNKNOWN, 'admin'), 404);
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

  it('makes a project lead who registers a project its lead', async () => {
    const id = (await api.post('/v1/projects', 'otherLead', project)).body.id;
    expect((await api.get(`/v1/projects/${id}`, 'auditor')).body.leads).toEqual([{ sub: 'lead-ola' }]);
  });
});
