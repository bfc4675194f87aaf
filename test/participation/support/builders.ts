import type { Response } from 'supertest';
import { startTestApp, type TestApp } from '../../support/test-app';

/** The test clock stands at 2025-06-02T09:00Z, so "today" in Oslo is this day. */
export const TODAY = '2025-06-02';
export const TOMORROW = '2025-06-03';

/** Who calls: the five kinds of caller the API distinguishes, plus no token and an expired one. */
export type Actor = 'admin' | 'lead' | 'otherLead' | 'finance' | 'auditor' | 'none' | 'expired';

export const SUB = {
  admin: 'admin-anne',
  lead: 'lead-kari',
  otherLead: 'lead-ola',
  finance: 'finance-frode',
  auditor: 'auditor-aud',
} as const;

export type Body = string | object | undefined;

/** A valid fødselsnummer for a birth date (ddmmyy): the first individual number from `individual` with both mod-11 check digits. */
export function nationalId(ddmmyy: string, individual = '005'): string {
  const check = (weights: number[], ds: number[]) => {
    const r = 11 - (ds.reduce((sum, d, i) => sum + d * weights[i], 0) % 11);
    return r === 11 ? 0 : r;
  };
  for (let n = 0; n < 1000; n += 1) {
    const base = `${ddmmyy}${String((Number(individual) + n) % 1000).padStart(3, '0')}`.split('').map(Number);
    const k1 = check([3, 7, 6, 1, 8, 9, 4, 5, 2], base);
    if (k1 === 10) continue;
    const k2 = check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...base, k1]);
    if (k2 === 10) continue;
    return `${base.join('')}${k1}${k2}`;
  }
  throw new Error(`no valid national id for ${ddmmyy}`);
}

let freshCount = 0;

/**
 * A valid national id no other call returns: a synthetic one (month + 40, NAV's
 * test range), so it never meets the real-looking ones tests spell out. Each
 * registration is then its own person (one person, one participant).
 */
export function freshNationalId(): string {
  return syntheticNationalId(freshCount++);
}

/** The n-th synthetic valid national id (month + 40): distinct for n below 16,800. */
export function syntheticNationalId(n: number): string {
  const day = String(1 + (n % 28)).padStart(2, '0');
  const month = String(41 + (Math.floor(n / 28) % 12)).padStart(2, '0');
  const year = String(50 + (Math.floor(n / 336) % 50)).padStart(2, '0');
  return nationalId(`${day}${month}${year}`, '100');
}

const perTest = new Map<string, string>();

/** The same fresh national id for every call within one test, another in the next test. */
export function nationalIdOfThisTest(): string {
  const test = expect.getState().currentTestName ?? '';
  if (!perTest.has(test)) perTest.set(test, freshNationalId());
  return perTest.get(test) as string;
}

/** Every error leaves as application/problem+json with status, title and detail (docs/api.md, Conventions). */
export function expectProblem(res: Response, status: number): void {
  expect({ status: res.status, type: res.headers['content-type'], body: res.body }).toMatchObject({
    status,
    type: expect.stringMatching(/^application\/problem\+json/),
    body: { status, title: expect.any(String), detail: expect.stringMatching(/\S/) },
  });
}

/** 422 naming the rule of the domain that refused. */
export function expectRule(res: Response, rule: string): void {
  expectProblem(res, 422);
  expect(res.body.rule).toBe(rule);
}

/** 400 whose `errors` name (at least) these fields. */
export function expectFieldErrors(res: Response, ...fields: string[]): void {
  expectProblem(res, 400);
  const named = ((res.body.errors ?? []) as Array<{ field: string }>).map((e) => e.field);
  expect(named).toEqual(expect.arrayContaining(fields));
}

export interface Scenario {
  projectId: string;
  participantId: string;
  appointmentId: string;
  involvementId: string;
  /** A meeting of the project, where a test registered one. */
  meetingId?: string;
}

/** The real app with tokens for every actor and builders that enter test data through the API. */
export class ParticipationApi {
  private constructor(
    readonly t: TestApp,
    private readonly tokens: Partial<Record<Actor, string>>,
  ) {}

  static async start(): Promise<ParticipationApi> {
    const t = await startTestApp({ env: { PII_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') } });
    const tokens: Partial<Record<Actor, string>> = {
      admin: await t.token({ sub: SUB.admin, name: 'Anne Admin', roles: ['admin'] }),
      lead: await t.token({ sub: SUB.lead, name: 'Kari Nordmann', roles: ['project-lead'] }),
      otherLead: await t.token({ sub: SUB.otherLead, name: 'Ola Nordmann', roles: ['project-lead'] }),
      finance: await t.token({ sub: SUB.finance, name: 'Frode Økonomi', roles: ['finance'] }),
      auditor: await t.token({ sub: SUB.auditor, name: 'Aud Revisor', roles: ['auditor'] }),
      expired: await t.token({ sub: SUB.admin, roles: ['admin'], expires: '-1h' }),
    };
    return new ParticipationApi(t, tokens);
  }

  close(): Promise<void> {
    return this.t.close();
  }

  private auth(who: Actor): Record<string, string> {
    const token = this.tokens[who];
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  /** A string body is sent as raw JSON text (for malformed bodies); an object as JSON. */
  post(path: string, who: Actor, body?: Body, headers: Record<string, string> = {}) {
    const req = this.t.http.post(path).set(this.auth(who)).set(headers);
    if (typeof body === 'string') return req.set('Content-Type', 'application/json').send(body);
    return body === undefined ? req : req.send(body);
  }

  get(path: string, who: Actor, headers: Record<string, string> = {}) {
    return this.t.http.get(path).set(this.auth(who)).set(headers);
  }

  /** Registered by `lead` (who thereby becomes its lead) unless told otherwise. */
  async project(overrides: object = {}, who: Actor = 'lead'): Promise<string> {
    const body = {
      name: 'Ny pasientreise-ordning',
      organizationId: 'helse-nord',
      region: 'helse-midt-norge',
      level: 'service',
      ...overrides,
    };
    return created(await this.post('/v1/projects', who, body), 'project');
  }

  async participant(overrides: object = {}, who: Actor = 'lead'): Promise<string> {
    const body = {
      name: 'Máret Ŋuolja',
      nationalId: freshNationalId(),
      bankAccount: '1234.56.78903',
      ...overrides,
    };
    return created(await this.post('/v1/participants', who, body), 'participant');
  }

  /** Appoints and waits for the appointment read model, which logging consults. */
  async appoint(
    projectId: string,
    participantId: string,
    overrides: object = {},
    who: Actor = 'lead',
  ): Promise<string> {
    const body = {
      participantId,
      role: 'member',
      nominatedBy: 'Brukerutvalget',
      appointedBy: 'Styret',
      from: '2025-01-01',
      ...overrides,
    };
    const id = created(await this.post(`/v1/projects/${projectId}/appointments`, who, body), 'appointment');
    await this.t.settled();
    return id;
  }

  async involvement(
    projectId: string,
    participantId: string,
    overrides: object = {},
    who: Actor = 'lead',
  ): Promise<string> {
    const body = { participantId, ...involvementBody(), ...overrides };
    return created(await this.post(`/v1/projects/${projectId}/involvements`, who, body), 'involvement');
  }

  /** A project led by `lead`, a participant appointed to it, and a user-council involvement of theirs. */
  async scenario(): Promise<Scenario> {
    const projectId = await this.project();
    const participantId = await this.participant();
    const appointmentId = await this.appoint(projectId, participantId);
    const involvementId = await this.involvement(projectId, participantId);
    return { projectId, participantId, appointmentId, involvementId };
  }

  async eventCount(streamId?: string): Promise<number> {
    const { rows } = streamId
      ? await this.t.db.pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [streamId])
      : await this.t.db.pool.query('SELECT count(*)::int AS n FROM events');
    return rows[0].n as number;
  }
}

/** A valid user-council involvement without the participant (needs an active appointment). */
export function involvementBody(): Record<string, unknown> {
  return {
    form: 'user-council',
    occurredOn: '2025-03-10',
    attendance: 'in-person',
    hours: { meeting: 2.67, preparation: 1.17, travel: 1.5 },
    expenses: [{ kind: 'mileage', km: 84 }],
    topic: 'Ny pasientreise-ordning',
  };
}

function created(res: Response, what: string): string {
  if (res.status !== 201)
    throw new Error(`creating a ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
