import { SignJWT } from 'jose';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';
import {
  AdminProbeController,
  AuthProbeController,
  PublicProbeController,
} from './support/probe.controllers';

describe('authentication and roles', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: { AUTH_JWT_SECRET: TEST_JWT_SECRET },
      extraControllers: [AuthProbeController, AdminProbeController, PublicProbeController],
    });
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  function expectProblem(
    res: { status: number; headers: Record<string, string>; body: any },
    status: number,
  ) {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  }

  it('answers a request without a token with 401 problem+json and a Bearer challenge', async () => {
    const res = await t.http.get('/test/auth/me');
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="brukermedvirkning"');
    expect(res.body.detail).toMatch(/Authorization: Bearer/);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(`${TEST_JWT_SECRET}-not-ours`));
    const res = await t.http.get('/test/auth/me').set(bearer(forged));
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).toBe(
      'Bearer realm="brukermedvirkning", error="invalid_token", error_description="The bearer token signature is not valid"',
    );
    expect(res.body.detail).toMatch(/signature/);
  });

  it('refuses an expired token', async () => {
    const res = await t.http
      .get('/test/auth/me')
      .set(bearer(await t.token({ sub: 'kari', roles: ['admin'], expires: '-2m' })));
    expectProblem(res, 401);
    expect(res.body.detail).toMatch(/expired/);
  });

  it.each([['Basic a2FyaTpoZW1tZWxpZw=='], ['Bearer not-a-jwt'], ['Bearer']])(
    'refuses the Authorization header %s',
    async (header) => {
      const res = await t.http.get('/test/auth/me').set('Authorization', header);
      expectProblem(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm=/);
    },
  );

  it('puts the verified caller on the request: sub, name, known roles only', async () => {
    const token = await t.token({
      sub: 'kari',
      name: 'Kari Nordmann',
      roles: ['project-lead', 'superuser' as never],
    });
    const res = await t.http.get('/test/auth/me').set(bearer(token)).expect(200);
    expect(res.body).toEqual({ sub: 'kari', name: 'Kari Nordmann', roles: ['project-lead'] });
  });

  it('lets any verified caller reach a route without @Roles, also one with no roles', async () => {
    await t.http
      .get('/test/auth/me')
      .set(bearer(await t.token({ sub: 'nobody' })))
      .expect(200);
  });

  it('refuses a representative alone every route that does not name their role, with or without @Roles', async () => {
    const representative = bearer(
      await t.token({ sub: 'rep', roles: ['representative'], participantId: 'participant-1' }),
    );
    for (const path of ['/test/auth/me', '/test/auth/finance']) {
      const res = await t.http.get(path).set(representative);
      expectProblem(res, 403);
      expect(res.body.detail).toMatch(
        /representative may call only the endpoints that name the role representative/,
      );
    }
    // A staff member who is also a representative keeps what the staff role gives.
    const both = await t.token({ sub: 'l', roles: ['project-lead', 'representative'], participantId: 'p-2' });
    await t.http.get('/test/auth/me').set(bearer(both)).expect(200);
  });

  it('answers a caller without any of the roles with 403 problem+json naming them', async () => {
    const res = await t.http
      .get('/test/auth/finance')
      .set(bearer(await t.token({ sub: 'kari', roles: ['project-lead', 'auditor'] })));
    expectProblem(res, 403);
    expect(res.body.detail).toMatch(/finance/);
  });

  it('lets a caller with one of the roles through', async () => {
    await t.http
      .get('/test/auth/finance')
      .set(bearer(await t.token({ sub: 'fin', roles: ['finance'] })))
      .expect(200, { ok: 'finance' });
    await t.http
      .get('/test/auth/leads-or-admins')
      .set(bearer(await t.token({ sub: 'a', roles: ['admin'] })))
      .expect(200);
    await t.http
      .get('/test/auth/leads-or-admins')
      .set(bearer(await t.token({ sub: 'l', roles: ['project-lead'] })))
      .expect(200);
  });

  it('applies a controller @Roles to its handlers, and a handler @Roles overrides it', async () => {
    const admin = bearer(await t.token({ sub: 'a', roles: ['admin'] }));
    const auditor = bearer(await t.token({ sub: 'r', roles: ['auditor'] }));
    await t.http.get('/test/admin').set(admin).expect(200);
    expectProblem(await t.http.get('/test/admin').set(auditor), 403);
    await t.http.get('/test/admin/auditors').set(auditor).expect(200);
    expectProblem(await t.http.get('/test/admin/auditors').set(admin), 403);
  });

  it('serves @Public() handlers and controllers without a token', async () => {
    await t.http.get('/test/auth/open').expect(200, { open: true });
    await t.http.get('/test/public').expect(200, { hello: 'verden' });
  });

  it('serves /health, /metrics, /docs and /docs-json without a token', async () => {
    await t.http.get('/health').expect(200);
    await t.http.get('/metrics').expect(200);
    await t.http.get('/docs').expect(200);
    await t.http.get('/docs-json').expect(200);
  });

  it('documents each operation security in OpenAPI', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    expect(doc.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/health'].get.security).toEqual([]);
    expect(doc.paths['/test/auth/open'].get.security).toEqual([]);
    expect(doc.paths['/test/public'].get.security).toEqual([]);
    const finance = doc.paths['/test/auth/finance'].get;
    expect(finance.security).toBeUndefined();
    expect(finance['x-roles']).toEqual(['finance']);
    expect(Object.keys(finance.responses)).toEqual(expect.arrayContaining(['401', '403']));
    expect(doc.paths['/test/admin/auditors'].get['x-roles']).toEqual(['auditor']);
    expect(doc.paths['/test/admin'].get['x-roles']).toEqual(['admin']);
    // Every operation, this file's and the product's: either public or answers 401 without a token.
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths))
      for (const [method, operation] of Object.entries<any>(item)) {
        const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
        expect({ path, method, documented: isPublic || '401' in operation.responses }).toEqual({
          path,
          method,
          documented: true,
        });
      }
  });
});
