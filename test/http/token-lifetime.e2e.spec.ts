import { SignJWT } from 'jose';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';
import { AuthProbeController } from './support/probe.controllers';

const HOUR = 3600;
const YEAR = 365 * 24 * HOUR;
const now = () => Math.floor(Date.now() / 1000);

/** An HS256 token with exactly the time claims given (none added), signed with the test app's secret. */
function tokenWith(times: { iat?: number; exp?: number }): Promise<string> {
  let jwt = new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('kari');
  if (times.iat !== undefined) jwt = jwt.setIssuedAt(times.iat);
  if (times.exp !== undefined) jwt = jwt.setExpirationTime(times.exp);
  return jwt.sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

describe('bearer token lifetime (issue 12, item 9)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_MAX_TOKEN_HOURS: '12' }, extraControllers: [AuthProbeController] });
  });
  afterAll(() => t.close());

  const me = (token: string) => t.http.get('/test/auth/me').set('Authorization', `Bearer ${token}`);

  async function expectRefused(token: string, why: RegExp): Promise<void> {
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, detail: expect.stringMatching(why) });
    const challenge = res.headers['www-authenticate'];
    expect(challenge).toMatch(
      /^Bearer realm="brukermedvirkning", error="invalid_token", error_description="/,
    );
    expect(challenge).toMatch(why);
  }

  it('refuses a token without exp', async () => {
    await expectRefused(await tokenWith({ iat: now() }), /no expiry \(exp\)/);
  });

  it('refuses a token that expires in the year 3000', async () => {
    const year3000 = Date.UTC(3000, 0, 1) / 1000;
    await expectRefused(await tokenWith({ iat: now(), exp: year3000 }), /lives longer than 12 hours/);
    await expectRefused(await tokenWith({ exp: year3000 }), /lives longer than 12 hours/);
  });

  it('refuses a token issued ten years ahead', async () => {
    await expectRefused(
      await tokenWith({ iat: now() + 10 * YEAR, exp: now() + HOUR }),
      /issued in the future \(iat\)/,
    );
  });

  it('refuses a lifetime just over the cap, with or without iat', async () => {
    const issued = now();
    await expectRefused(
      await tokenWith({ iat: issued, exp: issued + 12 * HOUR + 60 }),
      /lives longer than 12 hours/,
    );
    await expectRefused(await tokenWith({ exp: now() + 12 * HOUR + 120 }), /lives longer than 12 hours/);
  });

  it('accepts a valid token, also one at the cap and one with iat a little ahead within the tolerance', async () => {
    const issued = now();
    await me(await tokenWith({ iat: issued, exp: issued + HOUR })).expect(200);
    await me(await tokenWith({ iat: issued, exp: issued + 12 * HOUR })).expect(200);
    await me(await tokenWith({ iat: issued + 10, exp: issued + HOUR })).expect(200);
    await me(await tokenWith({ exp: issued + 11 * HOUR })).expect(200);
    expect((await me(await t.token({ sub: 'dev', roles: ['finance'] })).expect(200)).body.sub).toBe('dev');
  });
});
